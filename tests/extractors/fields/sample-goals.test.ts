import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { readDocument } from '../../../src/normalize/read-document.js';
import { Extraction, type Indicator, type Project } from '../../../src/model/extraction.js';
import { samplePath } from '../../helpers/paths.js';

const formats = ['txt', 'docx', 'pdf'] as const;
type Format = (typeof formats)[number];
const extractions = {} as Record<Format, Extraction>;

beforeAll(async () => {
  for (const format of formats) {
    extractions[format] = Extraction.parse(extractFiling(await readDocument(format, readFileSync(samplePath(format)))));
  }
});

type ExpectedIndicator = [goal: number, category: Indicator['category'], name: string];

/** Each project: its declared goal count, its listed goals and its named indicators, as the filing writes them. */
const EXPECTED: [name: string, declaredGoals: number | null, goals: string[], indicators: ExpectedIndicator[]][] = [
  [
    '信访维稳项目',
    2,
    ['完成日常接访、值班工作', '完成特殊敏感期间信访维稳值班、督导、接权返工作；开展网上信访知识宣传活动'],
    [
      [1, '产出', '接劝返成功率'],
      [1, '效果', '成功接劝返回流人数'],
      [2, '产出', '网上信访知识知晓人数'],
      [2, '满意度', '群众满意度'],
    ],
  ],
  [
    '王跃强专项医疗专项项目',
    2,
    ['做好王跃强医疗费工作；对王跃强及家人稳控及时', '做好王跃强专项工作组差旅费工作'],
    [
      [1, '产出', '王跃强工作小组报销及时次数'],
      [1, '效果', '重点时期王跃强稳控合格率'],
      [2, '产出', '重点时期王跃强家属上访次数'],
      [2, '满意度', '病患家属满意度'],
    ],
  ],
  [
    '特殊疑难问题专项项目',
    2,
    ['开展疑难信访案件排查专项行动', '确保化解疑难信访案件专项资金按程序拨付到位'],
    [
      [1, '产出', '符合条件的特殊疑难信访案件解决率'],
      [1, '效果', '开展特殊疑难信访案件排查专项行动次数'],
      [2, '产出', '使用专项资金化解特殊疑难案件信访人签订息诉罢访保证书率'],
      [2, '满意度', '被救助对象满意度'],
    ],
  ],
  [
    '综治工作经费项目',
    1,
    ['加大对平安建设工作的宣传工作力度，提高人民群众对平安建设的知晓率'],
    [
      [1, '产出', '开展平安建设宣传教育活动次数'],
      [1, '效果', '平安创建完成率'],
      [2, '产出', '网格化管理完成率'],
      [2, '满意度', '群众满意度'],
    ],
  ],
  [
    '铁路护路可视化监管项目',
    2,
    ['按照省市要求做好铁路护路联防工作', '积极开展宣传教育活动，铁路沿线全方位覆盖监控正常使用'],
    [
      [1, '产出', '完成爱路护路宣传教育活动宣传次数'],
      [1, '效果', '重要敏感时期的护路联防工作完成率'],
      [2, '产出', '铁路沿线视频监控覆盖正常运行率'],
      [2, '满意度', '完成铁路沿线视频监控建设及联网应用完工使用率'],
    ],
  ],
  [
    '上板城综合楼维护项目',
    2,
    ['做好日常安保及保洁工作，对综治楼的维修工作', '做好水电暖网等项目缴费工作'],
    [
      [1, '产出', '全年维修维护次数'],
      [1, '效果', '上板城综合楼维护合格率'],
      [2, '产出', '水、电、暖、网正常运行率'],
      [2, '满意度', '工作人员满意度'],
    ],
  ],
  [
    '交警专项项目',
    2,
    ['保障车辆租赁项目及时运行', '保障服装到位'],
    [
      [1, '产出', '保障车辆租赁工作顺利进行'],
      [1, '效益', '提高工作效率保障工作能力'],
      [2, '满意度', '保障服务对象满意'],
    ],
  ],
  [
    '普法宣传项目',
    2,
    ['创新宣传途径，多样化做好日常宣传工作', '做好“12.4”法宣日的宣传工作'],
    [
      [1, '产出', '普法宣传次数'],
      [1, '效果', '日常普法宣传覆盖率'],
      [2, '产出', '“12.4”法宣日宣传覆盖率'],
      [2, '满意度', '市法宣办对宣传情况满意度'],
    ],
  ],
  [
    '社区矫正基地维护项目',
    2,
    ['确保社区矫正基地正常运行', '充分发挥矫正基地的作用，按市局要求每月至少集中培训一次'],
    [
      [1, '产出', '社区矫正基地正常运行率'],
      [1, '满意度', '市局对矫正人员管理情况满意度'],
      [2, '产出', '使用社区矫正基地培训学习、劳动次数'],
      [2, '效果', '最大限度降低重新违法犯罪和社会不稳定因素发生率'],
    ],
  ],
  [
    '社区矫正经费项目',
    2,
    [
      '深化社区矫正工作，最大限度降低社区服刑人员重新犯罪保持社会稳定',
      '落实各项社区矫正政策，加强社区矫正管理管控、教育矫正工作；提高社区矫正质量，使社区服刑人员顺利回归社会',
    ],
    [
      [1, '产出', '审前调查评估完成率'],
      [1, '效果', '社区服刑人员再犯罪率'],
      [2, '产出', '组织集中教育和社区服务覆盖率'],
      [2, '满意度', '市局对矫正人员管理情况满意度'],
    ],
  ],
  [
    '防范办经费项目',
    2,
    ['完善反邢教教育宣传，针对反邪教进行组织宣传，扩大宣传资料发放的覆盖面', '反宣品清除，对全区反宣品清除请缴'],
    [
      [1, '产出', '反邪教宣传次数'],
      [1, '效果', '反宣品清除次数'],
      [2, '产出', '较去年宣传资料增长率'],
      [2, '满意度', '群众满意度'],
    ],
  ],
  [
    '国安办专项项目',
    2,
    ['针对国家安全进行组织宣传', '扩大宣传资料发放的覆盖面'],
    [
      [1, '产出', '国家安全知识宣传次数'],
      [1, '效果', '国家安全知识宣传受众人数'],
      [2, '产出', '国家安全知识宣传受众人数比例'],
      [2, '满意度', '群众满意度'],
    ],
  ],
  [
    '群众中心办公楼维护项目',
    2,
    ['对机构办公楼进行日常维护，保障机关正常工作开展', '保障执法执勤车辆正常运行'],
    [
      [1, '产出', '群众工作中心维护次数'],
      [1, '效果', '办公设施设备使用率'],
      [2, '产出', '执法、执勤保障率'],
      [2, '满意度', '工作人员满意度'],
    ],
  ],
  [
    '高新区法庭建设项目',
    null,
    ['协助双桥区法院做好高新区法庭办公用房改造、数字化法庭建设等工作'],
    [
      [1, '产出', '按时间节点履行相关程序全力推进'],
      [1, '效果', '法庭软硬件采购安装悬挂标识'],
      [1, '满意度', '群众满意度'],
    ],
  ],
  [
    '法制工作专项项目',
    2,
    ['法制培训', '聘请常年法律顾问'],
    [
      [1, '产出', '按合同约定期限定期组织律师事务所签订服务协议'],
      [1, '效果', '法律服务能否给社会带来积极影响'],
      [2, '满意度', '法律服务能否让行政机关满意'],
    ],
  ],
];

/** The thresholds the 评价标准 sentences set, on the indicator each constrains. */
const EXPECTED_THRESHOLDS: [project: string, indicator: string, thresholds: string[]][] = [
  ['特殊疑难问题专项项目', '符合条件的特殊疑难信访案件解决率', ['>= 90 %']],
  ['特殊疑难问题专项项目', '开展特殊疑难信访案件排查专项行动次数', ['>= 4 次']],
  ['社区矫正经费项目', '社区服刑人员再犯罪率', ['<= 10 %']],
  ['国安办专项项目', '国家安全知识宣传受众人数', ['>= 5000 人', '>= 1000 人', '>= 24000 人']],
  ['国安办专项项目', '国家安全知识宣传次数', []],
  ['信访维稳项目', '接劝返成功率', ['= 100 %']],
  ['信访维稳项目', '成功接劝返回流人数', ['<= 2 人']],
  ['信访维稳项目', '网上信访知识知晓人数', []],
  ['信访维稳项目', '群众满意度', ['qualitative']],
  ['王跃强专项医疗专项项目', '王跃强工作小组报销及时次数', ['= 1 次 每月']],
  ['上板城综合楼维护项目', '全年维修维护次数', ['= 1 次 每月']],
  ['上板城综合楼维护项目', '上板城综合楼维护合格率', ['= 100 %']],
  ['社区矫正基地维护项目', '使用社区矫正基地培训学习、劳动次数', ['>= 1 次 每月']],
  ['社区矫正基地维护项目', '最大限度降低重新违法犯罪和社会不稳定因素发生率', ['<= 10 %']],
  ['综治工作经费项目', '开展平安建设宣传教育活动次数', ['>= 3 次']],
  ['综治工作经费项目', '平安创建完成率', ['>= 80 %']],
  ['普法宣传项目', '日常普法宣传覆盖率', ['= 80 %']],
  ['社区矫正经费项目', '组织集中教育和社区服务覆盖率', []],
  ['社区矫正经费项目', '市局对矫正人员管理情况满意度', ['qualitative']],
];

/** The 分项绩效目标 list: each project as the summary names it, with the number of goals it lists. */
const EXPECTED_DEPARTMENT_GOALS: [project: string, goals: number][] = [
  ['特殊疑难问题专项', 2],
  ['群众中心办公楼维护', 2],
  ['铁路护路可视化监管项目费', 1],
  ['交警专项', 1],
  ['社区矫正基地维护费用', 2],
  ['社区矫正', 2],
  ['防范办经费', 2],
  ['国安办经费', 2],
  ['普法宣传', 2],
  ['王跃强医疗专项', 2],
  ['综治工作', 2],
  ['上板城综合楼维护经费', 1],
  ['高新区法庭建设', 1],
  ['信访维稳专项', 2],
  ['法制工作专项', 1],
];

const project = (format: Format, name: string): Project => {
  const found = extractions[format].projects.find((p) => p.name === name);
  if (!found) throw new Error(`no project ${name} in ${format}`);
  return found;
};
const shown = (t: Indicator['thresholds'][number]) =>
  t.op === 'qualitative' ? 'qualitative' : [t.op, t.value, t.unit, t.period].filter((x) => x !== null).join(' ');

describe.each(formats)('goals and indicators of the sample (%s)', (format) => {
  it.each(EXPECTED)('%s: declared goals, listed goals and named indicators', (name, declared, goals, indicators) => {
    const found = project(format, name);
    expect(found.declared_goal_count).toBe(declared);
    expect(found.goals.map((g) => g.text)).toEqual(goals);
    expect(found.goals.every((g) => g.kind === 'listed')).toBe(true);
    expect(found.indicators.map((i): ExpectedIndicator => [i.goal_index!, i.category, i.name])).toEqual(indicators);
  });

  it('names 57 indicators in all', () => {
    expect(extractions[format].projects.flatMap((p) => p.indicators)).toHaveLength(57);
  });

  it.each(EXPECTED_THRESHOLDS)('%s: %s', (name, indicator, thresholds) => {
    const found = project(format, name).indicators.find((i) => i.name === indicator);
    expect(found?.thresholds.map(shown)).toEqual(thresholds);
  });

  it('links every 评价标准 threshold to an indicator', () => {
    expect(extractions[format].notes.filter((n) => n.code === 'threshold_unlinked')).toEqual([]);
  });

  it('declares the indicator counts per goal', () => {
    const declared = project(format, '交警专项项目').declared_indicator_counts.map((d) => `${d.goal_index}:${d.count}${d.category}`);
    expect(declared).toEqual(['1:1产出', '1:1效益', '2:1产出', '2:1满意度']);
    expect(extractions[format].projects.flatMap((p) => p.declared_indicator_counts)).toHaveLength(59);
  });

  it('reads the 分项绩效目标 list of 15 projects', () => {
    expect(extractions[format].department_goals.map((l) => [l.project, l.goals.length])).toEqual(EXPECTED_DEPARTMENT_GOALS);
    expect(extractions[format].department_goals[0].goals.map((g) => g.text)).toEqual([
      '开展疑难信访案件排查专项行动',
      '确保化解疑难信访案件专项资金按程序拨付到位',
    ]);
  });
});

describe('the sample across formats', () => {
  const comparable = (format: Format) =>
    extractions[format].projects.map((p) => ({
      goals: p.goals.map((g) => [g.index, g.kind, g.text]),
      declared: p.declared_indicator_counts.map((d) => [d.goal_index, d.category, d.count]),
      indicators: p.indicators.map((i) => [i.goal_index, i.category, i.name, i.thresholds.map(shown)]),
    }));

  it('gives identical goals, indicators and thresholds in TXT, DOCX and PDF', () => {
    expect(comparable('docx')).toEqual(comparable('txt'));
    expect(comparable('pdf')).toEqual(comparable('txt'));
  });

  it('quotes each threshold as the text reads, with the page number of the TXT removed (10%, not 2710%)', () => {
    const [threshold] = project('txt', '社区矫正经费项目').indicators.find((i) => i.name === '社区服刑人员再犯罪率')!.thresholds;
    expect(threshold.source.quote).toBe('不得超过10%');
    expect(threshold.value).toBe(10);
  });
});

describe('the department indicator table', () => {
  const rows = (format: Format) =>
    extractions[format].department_indicators.map((r) => [
      r.category,
      r.subcategory,
      r.name,
      r.symbol,
      r.value,
      r.unit,
      r.threshold && shown(r.threshold),
    ]);

  it.each(['docx', 'pdf'] as const)('has 6 rows in %s', (format) => {
    expect(rows(format)).toEqual([
      [
        '产出',
        '指标1',
        '完成思想政治工作重大任务，推进社会主义核心价值观落地生根',
        null,
        '组织健全，工作落实，做好普法宣传',
        '文字描述',
        'qualitative',
      ],
      [
        '产出',
        '指标2',
        '落实司法为民措施，保护被侵权人合法利益',
        null,
        '不断完善司法救助，切实保护民生，让人民群众感受到司法以人为本，享受到司法人文关怀',
        '文字描述',
        'qualitative',
      ],
      ['产出', '完成率', '信息采集上报比例', '=', '100', '%', '= 100 %'],
      ['效果', '社会稳定水平', '已按程序处理信访案', null, null, null, null],
      ['效果', '社会稳定水平', '群众安全感', null, null, null, null],
      ['满意度', '群众满意度', '群众满意度', '=', null, '%', '= %'],
    ]);
  });

  it('recovers the rows the flattened TXT lines still show', () => {
    expect(rows('txt')).toEqual([
      ['产出', '完成率', '信息采集上报比例', '=', '100', '%', '= 100 %'],
      ['效果', '社会稳定水平', '已按程序处理信访案', null, null, null, null],
      ['效果', '社会稳定水平', '群众安全感', null, null, null, null],
      ['满意度', null, '群众满意度', '=', null, '%', '= %'],
    ]);
  });
});
