import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import type { Finding } from '../../src/model/finding.js';
import { documentFromText } from '../helpers/document.js';

async function checked(lines: string[]) {
  const document = await documentFromText(lines.join('\n'));
  const extraction = extractFiling(document);
  return { extraction, findings: runChecks({ document, extraction }) };
}

async function findingsOf(lines: string[]): Promise<Finding[]> {
  return (await checked(lines)).findings;
}

const project = (title: string, funding: string[], rest: string[] = []) => [
  `关于${title}绩效目标指标的说明`,
  '（一）项目概况',
  `${title}是我局为改善办学条件设置的。主要项目内容包括以下2个方面：`,
  '1、维修教学楼屋面；',
  '2、更换学生课桌椅。',
  '（二）资金安排情况',
  ...funding,
  ...rest,
];

describe('sum_mismatch', () => {
  it('finds nothing above info in a fully consistent filing: sums, counts, summary and detail agree', async () => {
    const { findings, extraction } = await checked([
      '第一部分',
      '部门整体绩效目标',
      '二、分项绩效目标',
      '（一）、校舍维修绩效目标：',
      '1、维修教学楼屋面；',
      '2、更换学生课桌椅。',
      '第三部分',
      '教 育 股',
      ...project(
        '校舍维修项目',
        [
          '2023年该项目安排资金共计30万元。其中：',
          '1、屋面维修，安排12.5万元（材料8万元、人工4.5万元）；',
          '2、课桌椅更换，安排17.5万元。',
        ],
        [
          '二、绩效目标和指标设置情况',
          '（一）绩效目标',
          '校舍维修项目主要设置了2项绩效目标：一是维修教学楼屋面。二是更换学生课桌椅。',
          '（二）绩效指标',
          '1、对应目标一设置1项产出指标、1项效果指标，分别是屋面维修面积；屋面维修合格率。',
          '2、对应目标二设置1项产出指标、1项满意度指标，分别是课桌椅更换数量；学生满意度。',
          '（三）评价标准',
          '1、目标一对应指标的评价标准是屋面维修面积不少于500平方米；屋面维修合格率达到100%。',
          '2、目标二对应指标的评价标准是更换课桌椅不少于300套；学生满意度不低于90%。',
        ],
      ),
    ]);
    // what the checks compared, so that "no finding" means agreement, not nothing to compare
    const [school] = extraction.projects;
    expect([school.declared_goal_count, school.goals.length, school.indicators.length, school.content_items.length]).toEqual([2, 2, 4, 2]);
    expect(school.indicators.map((i) => i.thresholds.length)).toEqual([1, 1, 1, 1]);
    expect(extraction.department_goals.map((d) => d.goals.length)).toEqual([2]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports a total that its items do not add up to, with both sides located', async () => {
    const [finding] = (
      await findingsOf(
        project('校舍维修项目', ['该项目安排资金共计30万元。其中：', '1、屋面维修，安排12万元；', '2、课桌椅更换，安排15万元。']),
      )
    ).filter((f) => f.kind === 'sum_mismatch');
    expect(finding).toMatchObject({ kind: 'sum_mismatch', severity: 'error', project: '校舍维修项目', expected: '30', actual: '27' });
    expect(finding.locations.map((l) => [l.role, l.quote])).toEqual([
      ['declared total', '30万元'],
      ['item', '12万元'],
      ['item', '15万元'],
    ]);
  });

  it('checks every level of the tree: a parent against its children', async () => {
    const findings = await findingsOf(
      project('校舍维修项目', [
        '该项目安排资金共计20万元。其中：',
        '1、屋面维修，安排12万元（材料8万元、人工2万元）；',
        '2、课桌椅更换，安排8万元。',
      ]),
    );
    expect(findings.filter((f) => f.kind === 'sum_mismatch').map((f) => [f.expected, f.actual, f.message])).toEqual([
      ['12', '10', '“屋面维修”12万元与明细合计10万元不一致'],
    ]);
  });

  it('treats a difference the printed rounding explains as info, not an error', async () => {
    const rounding = await findingsOf(
      project('校舍维修项目', [
        '该项目安排资金共计10万元。其中：',
        '1、屋面维修，安排3.33万元；',
        '2、课桌椅更换，安排3.33万元；',
        '3、门窗更换，安排3.33万元。',
      ]),
    );
    expect(rounding.filter((f) => f.kind === 'sum_mismatch').map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ['info', '10', '9.99'],
    ]);
    const coarse = await findingsOf(
      project('校舍维修项目', [
        '该项目安排资金共计10.00万元。其中：',
        '1、屋面维修，安排3.3万元；',
        '2、课桌椅更换，安排3.3万元；',
        '3、门窗更换，安排3.3万元。',
      ]),
    );
    expect(coarse.filter((f) => f.kind === 'sum_mismatch').map((f) => f.severity)).toEqual(['info']);
    const real = await findingsOf(
      project('校舍维修项目', [
        '该项目安排资金共计10万元。其中：',
        '1、屋面维修，安排3.3万元；',
        '2、课桌椅更换，安排3.3万元；',
        '3、门窗更换，安排3万元。',
      ]),
    );
    expect(real.filter((f) => f.kind === 'sum_mismatch').map((f) => f.severity)).toEqual(['error']);
  });

  it('says the remainder is unexplained and names an item without amount', async () => {
    const [finding] = (
      await findingsOf(project('法制工作专项项目', ['该项目安排资金共计100万元。其中：', '1、案件代理费60万元；', '2、其他欠款等']))
    ).filter((f) => f.kind === 'sum_mismatch');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('差额40万元未说明');
    expect(finding.message).toContain('其他欠款等');
    expect(finding.locations.map((l) => l.role)).toEqual(['declared total', 'item', 'item without amount']);
  });

  it('compares a form total with its funding sources after unit conversion', async () => {
    const findings = await findingsOf([
      '项目名称 | 家庭医生签约服务',
      '项目资金（元） | 年度资金总额 | 5,142,400.00',
      ' | 其中：当年财政拨款 | 4,000,000.00',
      ' | 其他资金 | 1,000,000.00',
    ]);
    expect(findings.filter((f) => f.kind === 'sum_mismatch').map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ['error', '514.24', '500'],
    ]);
  });
});

describe('indicator weights', () => {
  const weighted = (weights: string[]) =>
    findingsOf([
      ...project('校舍维修项目', ['2022年该项目安排资金共计30万元。']),
      '| 一级指标 | 二级指标 | 三级指标 | 指标值 | 权重（%） |',
      `| 产出指标 | 数量指标 | 维修面积 | ≥500平方米 | ${weights[0]} |`,
      `|  | 质量指标 | 验收合格率 | 100% | ${weights[1]} |`,
      `| 满意度指标 | 服务对象满意度 | 师生满意度 | ≥90% | ${weights[2]} |`,
    ]);
  const weightFindings = (findings: Finding[]) => findings.filter((f) => f.message.includes('权重'));

  it('reports weights that do not add up to 100, each quoted', async () => {
    const [found, ...rest] = weightFindings(await weighted(['40', '30', '20']));
    expect(rest).toEqual([]);
    expect([found.kind, found.severity, found.project, found.expected, found.actual]).toEqual([
      'sum_mismatch',
      'error',
      '校舍维修项目',
      '100',
      '90',
    ]);
    expect(found.locations.map((l) => [l.role, l.quote])).toEqual([
      ['weight of 维修面积', '40'],
      ['weight of 验收合格率', '30'],
      ['weight of 师生满意度', '20'],
    ]);
  });

  it('accepts weights that add up to 100 exactly, and says nothing where a weight is missing', async () => {
    expect(weightFindings(await weighted(['40', '32.5', '27.5']))).toEqual([]);
    expect(weightFindings(await weighted(['40', '', '20']))).toEqual([]);
  });
});

describe('other checks', () => {
  it("reports a year's goals that are the overall goals again, word for word or nearly, and nothing else", async () => {
    const goals = (overall: string, annual: string) =>
      findingsOf([
        ...project('河道保洁项目', ['2025年该项目安排资金共计120万元。']),
        '（三）绩效目标',
        `总体目标：${overall}`,
        `年度目标：${annual}`,
      ]);
    const kinds = (findings: Finding[]) => findings.filter((f) => f.message.startsWith('年度目标与总体目标相同'));

    const same = kinds(
      await goals(
        '使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善。',
        '使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善。',
      ),
    );
    expect(same.map((f) => [f.kind, f.severity, f.project, f.locations.map((l) => l.role)])).toEqual([
      ['duplicate_section', 'warning', '河道保洁项目', ['overall goals', 'annual goals']],
    ]);
    // the same goals, one word changed
    expect(
      kinds(
        await goals(
          '使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善，群众满意度不断提高。',
          '使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善，群众满意度不断提升。',
        ),
      ),
    ).toHaveLength(1);
    // a year's goal of its own, or one of the overall goals, is what a year is for
    expect(
      kinds(await goals('使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善。', '全年完成河道保洁养护，及时清除水面漂浮物。')),
    ).toEqual([]);
    expect(
      kinds(await goals('1.水面保洁率稳定在较高水平；2.河道环境面貌持续改善；3.群众满意度不断提高。', '水面保洁率稳定在较高水平。')),
    ).toEqual([]);
  });

  it('reports a section repeated in another part, and an item listed twice', async () => {
    const paragraph =
      '2022年，政法委在区工委的正确领导下，认真贯彻落实上级关于政府信息公开工作的一系列方针、政策，深入贯彻落实科学发展观，认真贯彻《政府信息公开条例》，加强领导，明确职责，规范管理，健全制度，积极稳妥推进政府信息公开工作，取得了较好的成效。';
    const findings = await findingsOf([
      '一、总体绩效目标',
      paragraph,
      '二、分项绩效目标',
      '（一）、国安办经费绩效目标：',
      '1、针对国家安全进行组织宣传；',
      '2、针对国家安全进行组织宣传。',
      '三、工作保障措施',
      paragraph.replace('较好的', '良好的'),
    ]);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ['duplicate_section', 'warning'],
      ['duplicate_item', 'warning'],
    ]);
    expect(findings[0].message).toMatch(/^“三、工作保障措施”重复了“一、总体绩效目标”的内容（1段，相似度≥0\.9\d）$/);
    expect(findings[1].project).toBe('国安办经费');
  });

  it('reports a line pasted twice inside one project: side by side, a few lines apart, or joined to the line above', async () => {
    const pasted = (lines: string[]) => findingsOf([...project('校舍维修项目', ['2022年该项目主要安排资金共计10万元。']), ...lines]);
    const apart = await pasted([
      '该项目实施地点为全县12所中小学校。',
      '项目实施期为2022年1月至12月。',
      '该项目实施地点为全县12所中小学校。',
    ]);
    const kinds = apart.filter((f) => f.kind === 'duplicate_section');
    expect(kinds.map((f) => [f.project, f.message])).toEqual([
      ['校舍维修项目', '同一段文字重复出现：“该项目实施地点为全县12所中小学校。”'],
    ]);
    expect(kinds[0].locations.map((l) => l.role)).toEqual(['first occurrence', 'repeated']);

    const joined = await pasted([
      '该项目由县教育局基建股负责实施，主要用于校舍维修工作。',
      '1、维修教学楼屋面；该项目由县教育局基建股负责实施，主要用于校舍维修工作。',
    ]);
    const copy = joined.find((f) => f.kind === 'duplicate_section');
    expect(copy?.locations[1].quote).toBe('该项目由县教育局基建股负责实施，主要用于校舍维修工作。');

    const doubled = await findingsOf([
      '2018年该项目主要安排一般公共预算资金共计18万元。其中：',
      '2018年该项目主要安排一般公共预算资金共计18万元。其中：',
      '1、培训资料费18万元。',
    ]);
    expect(doubled.filter((f) => f.kind === 'duplicate_section').map((f) => f.locations[0].quote)).toEqual([
      '2018年该项目主要安排一般公共预算资金共计18万元。其中：',
    ]);
  });

  it('does not report repeats that belong to the form: template lines, a list written twice, figures, table headers', async () => {
    const findings = await findingsOf([
      ...project('校舍维修项目', ['2022年该项目主要安排资金共计10万元。']),
      '项目总体目标',
      '1.完成年度校舍维修任务。',
      '2.新增危房“零增长”，坚决做到“应修尽修”。',
      '3.开展校舍安全排查，及时消除隐患。',
      '年度总体目标',
      '1.完成年度校舍维修',
      '任务。',
      '2.新增危房“零增长”，坚决做到“应修尽修”。',
      '3.开展校舍安全排查，及时',
      '消除隐患。',
      '预算数决算数预算数决算数',
      '226,145,100.00',
      '预算数决算数预算数决算数',
      '226,145,100.00',
    ]);
    expect(findings.filter((f) => f.kind === 'duplicate_section')).toEqual([]);
  });

  it('counts the goals set for the year against the declared count', async () => {
    const findings = await findingsOf([
      '项目一：公路路域环境整治',
      '实施单位：综合执法大队。',
      '资金安排：共12万元。',
      '共设定1项年度目标：1.清理公路沿线违章建筑；2.补植公路绿化苗木。',
    ]);
    expect(findings.filter((f) => f.kind === 'count_mismatch').map((f) => f.message)).toEqual(['声明设置1项绩效目标，实际列出2项']);
  });

  it('compares the count declared for all indicators with the indicators listed', async () => {
    const findings = await findingsOf([
      '项目一：公路路域环境整治',
      '资金安排：共12万元。',
      '共设置6项绩效指标。数量指标：补植苗木达到3700株以上，整治路段里程≥110公里；满意度指标：沿线群众满意度至少达90%。',
    ]);
    expect(findings.filter((f) => f.kind === 'count_mismatch').map((f) => [f.message, f.locations[0].quote])).toEqual([
      ['声明共设置6项绩效指标，实际列出3项', '共设置6项绩效指标'],
    ]);
  });

  it('flags placeholders left in and a percentage above 100', async () => {
    const findings = await findingsOf([
      '项目名称 | 社区养老服务',
      '一级指标 | 二级指标 | 三级指标 | 指标值',
      '产出指标 | 质量指标 | 服务覆盖率 | ≥**%',
    ]);
    expect(findings.some((f) => f.kind === 'suspicious_value' && f.message.includes('≥**%'))).toBe(true);
    const unitless = await findingsOf([
      '项目名称 | 办公楼日常维护',
      '一级指标 | 二级指标 | 三级指标 | 指标值',
      '满意度指标 | 服务对象满意度 | 工作人员满意度 | 大于等于150',
      '产出指标 | 数量指标 | 维修次数 | 大于等于150',
    ]);
    expect(unitless.filter((f) => f.kind === 'suspicious_value').map((f) => f.message)).toEqual([
      '指标“工作人员满意度”的百分比150%超过100%',
    ]);
    const inProse = await findingsOf([
      '项目一：消费维权',
      '资金安排：共12万元。',
      '1.成本指标：项目预算控制数最多**万元；2.数量指标：检查次数**次。',
    ]);
    expect(inProse.filter((f) => f.kind === 'suspicious_value').map((f) => [f.project, f.locations[0].quote])).toEqual([
      ['消费维权', '**万元'],
      ['消费维权', '**次'],
    ]);
  });

  it('flags gaps in the printed page numbers', async () => {
    const findings = await findingsOf(['第一页正文。', '3', '第二页正文。', '4', '第三页正文。', '7', '最后一页。']);
    expect(findings.filter((f) => f.kind === 'suspicious_value').map((f) => [f.expected, f.actual])).toEqual([['5', '7']]);
  });
});
