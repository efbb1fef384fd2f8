import { describe, expect, it } from 'vitest';
import { extractGoals } from '../../../extractors/fields/goals.js';
import { extractIndicators } from '../../../extractors/fields/indicators.js';
import { findStructure } from '../../../extractors/layout/structure.js';
import type { DocumentModel } from '../../../src/model/document.js';
import type { Indicator } from '../../../src/model/extraction.js';
import { normalize } from '../../../src/normalize/normalize.js';
import { splitLines, type SourceItem } from '../../../src/parsers/source-items.js';
import { documentFromText } from '../../helpers/document.js';

const TITLE = '关于校舍维修项目绩效目标指标的说明';

function extract(document: DocumentModel) {
  const [section] = findStructure(document).projects;
  const result = extractIndicators(section, document, extractGoals(section, document).goals);
  for (const indicator of result.indicators) expect(indicator.source.quote).toBe(indicator.name);
  return result;
}

/** A one-project filing with the given goals, 绩效指标 and 评价标准 lines. */
async function indicatorsOf(indicatorLines: string[], options: { goals?: string; standards?: string[] } = {}) {
  const lines = [
    TITLE,
    '二、绩效目标和指标设置情况',
    '（一）绩效目标',
    options.goals ?? '本项目主要设置了2项绩效目标：一是完成维修；二是保障安全。',
    '（二）绩效指标',
    ...indicatorLines,
    '（三）评价标准',
    ...(options.standards ?? []),
  ];
  return extract(await documentFromText(lines.join('\n')));
}

const brief = (indicators: Indicator[]) => indicators.map((i) => `${i.goal_index ?? '-'}:${i.category}:${i.subcategory ?? '-'}:${i.name}`);
const thresholds = (indicator: Indicator) =>
  indicator.thresholds.map((t) => `${t.op} ${t.value} ${t.unit ?? ''}${t.period ? ` ${t.period}` : ''}`.trim());

describe('indicator sentences: 对应目标N设置…，分别是…', () => {
  it('gives each name the declared category in order, and the goal the sentence names', async () => {
    const result = await indicatorsOf([
      '1、对应目标一设置1项产出指标、1项效果指标，分别是维修面积；维修合格率。',
      '2、对应目标二设置1项产出指标、1项满意度指标，分别是安全检查次数；师生满意度。',
    ]);
    expect(brief(result.indicators)).toEqual([
      '1:产出:-:维修面积',
      '1:效果:-:维修合格率',
      '2:产出:-:安全检查次数',
      '2:满意度:-:师生满意度',
    ]);
    expect(result.declared.map((d) => `${d.goal_index}:${d.count}${d.category}:${d.source.quote}`)).toEqual([
      '1:1产出:1项产出指标',
      '1:1效果:1项效果指标',
      '2:1产出:1项产出指标',
      '2:1满意度:1项满意度指标',
    ]);
  });

  it('reads counts above one and Chinese numerals', async () => {
    const result = await indicatorsOf(['1、对应目标一设置两项产出指标、1项效益指标，分别是维修面积；维修学校数；安全事故发生率。']);
    expect(brief(result.indicators)).toEqual(['1:产出:-:维修面积', '1:产出:-:维修学校数', '1:效益:-:安全事故发生率']);
    expect(result.declared.map((d) => d.count)).toEqual([2, 1]);
  });

  it('keeps names with 、 and commas whole when ；separates them', async () => {
    const result = await indicatorsOf(['2、对应目标二设置1项产出指标、1项满意度指标，分别是水、电、暖、网正常运行率；工作人员满意度。']);
    expect(result.indicators.map((i) => i.name)).toEqual(['水、电、暖、网正常运行率', '工作人员满意度']);
  });

  it('follows the names onto the next block: "分别是A；" then "B。"', async () => {
    const result = await indicatorsOf(['2、对应目标二设置1项产出指标、1项满意度指标，分别是网上信访知识知晓人数；', '群众满意度。']);
    expect(brief(result.indicators)).toEqual(['2:产出:-:网上信访知识知晓人数', '2:满意度:-:群众满意度']);
  });

  it('reads names given as list items after "分别是："', async () => {
    const result = await indicatorsOf(['对应目标一设置2项产出指标，分别是：', '1、维修面积；', '2、维修学校数。']);
    expect(brief(result.indicators)).toEqual(['1:产出:-:维修面积', '1:产出:-:维修学校数']);
  });

  it('a single name after 是 takes the slot its words fit, when fewer names than declared', async () => {
    const result = await indicatorsOf(['2、对应目标二设置1项产出指标、1项满意度指标，是保障服务对象满意']);
    expect(brief(result.indicators)).toEqual(['2:满意度:-:保障服务对象满意']);
    expect(result.declared).toHaveLength(2);
  });

  it('a sentence naming no goal belongs to the project’s only goal', async () => {
    const result = await indicatorsOf(
      ['1、对应目标一设置1项产出指标、1项效果指标，分别是A工作推进；B标识安装', '1项满意度指标，是群众满意度。'],
      {
        goals: '协助法院做好法庭建设工作',
      },
    );
    expect(brief(result.indicators)).toEqual(['1:产出:-:A工作推进', '1:效果:-:B标识安装', '1:满意度:-:群众满意度']);
  });

  it('with several goals, a sentence naming none has no goal', async () => {
    const result = await indicatorsOf(['1项满意度指标，是群众满意度。']);
    expect(brief(result.indicators)).toEqual(['-:满意度:-:群众满意度']);
  });
});

describe('other indicator sentences', () => {
  it('目标一下设产出指标2项、效益指标1项：A、B、C', async () => {
    const result = await indicatorsOf(['1、目标一下设产出指标2项、效益指标1项：维修面积、维修学校数、安全事故发生率。']);
    expect(brief(result.indicators)).toEqual(['1:产出:-:维修面积', '1:产出:-:维修学校数', '1:效益:-:安全事故发生率']);
  });

  it('针对目标二，设置产出指标2项（A、B），满意度指标1项（C）', async () => {
    const result = await indicatorsOf(['2、针对目标二，设置产出指标2项（检查次数、整改率），满意度指标1项（师生满意度）。']);
    expect(brief(result.indicators)).toEqual(['2:产出:-:检查次数', '2:产出:-:整改率', '2:满意度:-:师生满意度']);
  });

  it('indicators written with their targets, labelled by 二级', async () => {
    const result = await indicatorsOf([
      '数量指标：培训人次不少于500人次，维修面积达到1000平方米；时效指标：完成时限：及时；社会效益指标：安全事故明显减少；满意度指标：师生满意度达到基本满意。',
    ]);
    expect(brief(result.indicators)).toEqual([
      '-:产出:数量指标:培训人次',
      '-:产出:数量指标:维修面积',
      '-:产出:时效指标:完成时限',
      '-:效益:社会效益指标:安全事故',
      '-:满意度:-:师生满意度',
    ]);
    expect(result.indicators.map(thresholds)).toEqual([
      ['>= 500 人次'],
      ['>= 1000 平方米'],
      ['qualitative null'],
      ['qualitative null'],
      ['qualitative null'],
    ]);
  });

  it('a colon parts the name of an indicator from its value, whatever the name holds', async () => {
    const result = await indicatorsOf([
      '质量指标：资助资金使用合规性：合规，资助资金发放准确率保持95%；时效指标：补助发放及时率：不低于98%。',
    ]);
    expect(brief(result.indicators)).toEqual([
      '-:产出:质量指标:资助资金使用合规性',
      '-:产出:质量指标:资助资金发放准确率',
      '-:产出:时效指标:补助发放及时率',
    ]);
    expect(result.indicators.map(thresholds)).toEqual([['qualitative null'], ['= 95 %'], ['>= 98 %']]);
  });

  it('indicators written with their targets, labelled by 一级 in a list', async () => {
    const result = await indicatorsOf([
      '绩效指标：',
      '1.产出指标：维修学校数不少于10所，验收合格率100%。',
      '2.效益指标：安全事故控制为0起。',
      '3.成本指标：项目总成本在115万元以内。',
    ]);
    expect(brief(result.indicators)).toEqual(['-:产出:-:维修学校数', '-:产出:-:验收合格率', '-:效益:-:安全事故', '-:成本:-:项目总成本']);
    expect(result.indicators.map(thresholds)).toEqual([['>= 10 所'], ['= 100 %'], ['= 0 起'], ['<= 115 万元']]);
  });

  it('成本指标 beside 数量/质量 labels is the 二级 of 产出', async () => {
    const result = await indicatorsOf(['数量指标：维修学校数不少于10所；成本指标：单校维修成本不超过20万元。']);
    expect(brief(result.indicators)).toEqual(['-:产出:数量指标:维修学校数', '-:产出:成本指标:单校维修成本']);
  });
});

describe('the count declared for all of a project\u2019s indicators', () => {
  it.each([
    ['共设置6项绩效指标。数量指标：培训人次不少于500人次。', 6],
    ['本项目设置5项绩效指标，具体如下。', 5],
    ['绩效指标共5项：数量指标：培训人次不少于500人次。', 5],
    ['共确定三个绩效指标，分别为培训人次、合格率和满意度。', 3],
    ['对应目标一设置1项产出指标、1项满意度指标，分别是培训人次；学员满意度。', null],
  ])('%s', async (sentence, count) => {
    const result = await indicatorsOf([sentence]);
    expect(result.declaredTotal?.count ?? null).toBe(count);
    if (count !== null) expect(result.declaredTotal?.source.quote).toMatch(/指标/);
  });
});

describe('评价标准 thresholds linked to the indicators', () => {
  it('links each goal’s clauses to that goal’s indicators', async () => {
    const result = await indicatorsOf(
      [
        '1、对应目标一设置1项产出指标、1项效果指标，分别是维修学校数；维修合格率。',
        '2、对应目标二设置1项产出指标、1项满意度指标，分别是安全检查次数；师生满意度。',
      ],
      {
        standards: [
          '1、目标一对应指标的评价标准是按照《2021年校舍维修办法》要求，维修学校至少10所；维修合格率达到百分之百，才能保障安全。',
          '2、目标二对应指标的评价标准是每季度至少检查一次；做到使大部分师生满意。',
        ],
      },
    );
    expect(result.indicators.map((i) => [i.name, thresholds(i)])).toEqual([
      ['维修学校数', ['>= 10 所']],
      ['维修合格率', ['= 100 %']],
      ['安全检查次数', ['>= 1 次 每季度']],
      ['师生满意度', ['qualitative null']],
    ]);
    expect(result.unlinked).toEqual([]);
    const [first] = result.indicators[0].thresholds;
    expect(first.source.quote).toBe('至少10所');
  });

  it('returns what fits no indicator as unlinked', async () => {
    const result = await indicatorsOf(['1、对应目标一设置1项满意度指标，是师生满意度。'], {
      standards: ['1、目标一对应指标的评价标准是甲；乙；宣传活动至少3次。'],
    });
    expect(result.indicators[0].thresholds).toEqual([]);
    expect(result.unlinked.map((t) => t.text)).toEqual(['至少3次']);
  });
});

/** A one-project document whose indicator table comes as a format gives it: merged cells once, with spans. */
function documentWithTable(rows: (string | { text: string; rowSpan: number })[][]): DocumentModel {
  const text = `${TITLE}\n（二）绩效指标\n`;
  const items: SourceItem[] = [
    ...splitLines(text),
    {
      kind: 'table',
      page: null,
      sourceStart: text.length,
      rows: rows.map((row) =>
        row
          .map((cell) => (typeof cell === 'string' ? { text: cell, rowSpan: 1 } : cell))
          .map((cell) => ({ ...cell, colSpan: 1, sourceStart: text.length, exactSource: false })),
      ),
    },
  ];
  return normalize({ format: 'txt', items, sourceText: text, sourceBlocks: null, physicalPageCount: null, messages: [] });
}

describe('indicator tables', () => {
  it('reads 一级 | 二级 | 三级 | 符号 | 值 | 单位 with 一级 cells merged down their rows', () => {
    const document = documentWithTable([
      ['一级指标', '二级指标', '三级指标', '符号', '值', '单位'],
      [{ text: '产出指标', rowSpan: 2 }, '数量指标', '维修面积', '≥', '500', '平方米'],
      ['质量指标', '验收合格率', '＝', '100', '%'],
      ['效益指标', '社会效益', '安全事故', '定性', '明显减少', ''],
      ['满意度指标', '服务对象满意度', '师生满意度', '≥', '', '%'],
    ]);
    const result = extract(document);
    expect(brief(result.indicators)).toEqual([
      '-:产出:数量指标:维修面积',
      '-:产出:质量指标:验收合格率',
      '-:效益:社会效益:安全事故',
      '-:满意度:服务对象满意度:师生满意度',
    ]);
    expect(result.indicators.map(thresholds)).toEqual([['>= 500 平方米'], ['= 100 %'], ['qualitative null'], ['>= null %']]);
  });

  it('reads a single 指标值 column, carrying an empty 一级 cell from above', async () => {
    const document = await documentFromText(
      [
        TITLE,
        '| 一级指标 | 二级指标 | 三级指标 | 指标值 |',
        '| 产出指标 | 数量指标 | 培训人次 | ≥500人次 |',
        '|  | 时效指标 | 完成时限 | ≤10天 |',
        '| 效果指标 | 社会效益 | 群众知晓率 | ≥90.00(%) |',
        '| 满意度指标 | 服务对象满意度 | 学员满意度 | >=85 |',
      ].join('\n'),
    );
    const result = extract(document);
    expect(brief(result.indicators)).toEqual([
      '-:产出:数量指标:培训人次',
      '-:产出:时效指标:完成时限',
      '-:效果:社会效益:群众知晓率',
      '-:满意度:服务对象满意度:学员满意度',
    ]);
    expect(result.indicators.map(thresholds)).toEqual([['>= 500 人次'], ['<= 10 天'], ['>= 90 %'], ['>= 85']]);
    expect(result.indicators[0].thresholds[0].source.quote).toBe('≥500人次');
  });

  it('reads the weight column (权重, 分值, 权重（%）) with its source, and none where the table has no such column', async () => {
    const table = (header: string, weights: string[]) =>
      documentFromText(
        [
          TITLE,
          `| 一级指标 | 二级指标 | 三级指标 | 指标值 | ${header} |`,
          `| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | ${weights[0]} |`,
          `|  | 质量指标 | 培训合格率 | ≥95% | ${weights[1]} |`,
          `| 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ${weights[2]} |`,
        ].join('\n'),
      );
    const weighted = extract(await table('权重', ['40', '12.5', '10%'])).indicators;
    expect(weighted.map((i) => i.weight?.value ?? null)).toEqual(['40', '12.5', '10']);
    expect(weighted[1].weight?.source.quote).toBe('12.5');
    expect(weighted.map(thresholds)).toEqual([['>= 500 人次'], ['>= 95 %'], ['>= 90 %']]);
    expect(extract(await table('分值（分）', ['30', '30', '40'])).indicators.map((i) => i.weight?.value ?? null)).toEqual([
      '30',
      '30',
      '40',
    ]);
    // an empty or worded cell is no weight
    expect(extract(await table('权重', ['', '较高', '20'])).indicators.map((i) => i.weight?.value ?? null)).toEqual([null, null, '20']);
    expect(extract(await table('备注', ['40', '30', '30'])).indicators.map((i) => i.weight)).toEqual([null, null, null]);
  });

  it('reads the national template’s 指标性质 as the symbol and 度量单位 as the unit', async () => {
    const document = await documentFromText(
      [
        TITLE,
        '| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重（分） |',
        '| 产出指标 | 数量指标 | 维修面积 | ≥ | 500 | 平方米 | 50 |',
        '| 满意度指标 | 服务对象满意度 | 师生满意度 | ≥ | 90 | % | 50 |',
      ].join('\n'),
    );
    const result = extract(document);
    expect(result.indicators.map(thresholds)).toEqual([['>= 500 平方米'], ['>= 90 %']]);
    expect(result.indicators.map((i) => i.weight?.value)).toEqual(['50', '50']);
  });
});
