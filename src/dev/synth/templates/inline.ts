import { wanString } from '../money.js';
import type { FilingPlan, IndicatorPlan, Level1, ProjectPlan } from '../plan.js';
import type { Rng } from '../random.js';
import { phraseTargetProse, type PhrasedTarget } from '../thresholds.js';
import { IndicatorSubcategory, type ProjectTruth } from '../truth.js';
import { lineAmount, proseAmount, type NestingStyle } from './money-text.js';
import {
  BlockSink,
  fill,
  qualitativeJoiner,
  categoryOf,
  chineseNumber,
  fundingTruth,
  indicatorTruth,
  marker,
  NameRecorder,
  projectTruthBase,
  withProjectSuffix,
  type MarkerStyle,
  type Rendered,
} from './shared.js';

/**
 * Compact explanations: one heading per project in another style than the sample (项目一：X, （一）X项目,
 * X项目绩效目标说明), funding as one sentence with "；"-separated lines, goals as a list or 年度目标：…,
 * and indicators with their targets in running sentences.
 */

type HeadingStyle = 'xiangmu' | 'paren' | 'title';

const TITLES = [
  '{dept}{year}年度部门预算项目绩效目标说明',
  '{year}年{dept}项目绩效目标',
  '{dept}{year}年度项目支出绩效目标情况说明',
] as const;

/** `{total}`, `{lines}`, `{year}`. */
const FUNDING_SENTENCES = [
  '该项目预算资金{total}，其中：{lines}。',
  '{year}年预算安排{total}，具体为：{lines}。',
  '项目年度预算{total}，主要用于：{lines}。',
] as const;
/** Only for lines without nested parts: brackets inside brackets would not read. */
const FUNDING_BRACKETED = '资金安排：共{total}（{lines}）。';

const UNIT_LINES = ['实施单位：{unit}。', '责任科室：{unit}。', '项目实施单位为{unit}。'] as const;
const OUTLINE_LINES = ['项目概况：{contents}。', '主要内容：{contents}。', '项目内容：{contents}。'] as const;

interface InlineStyle {
  heading: HeadingStyle;
  funding: string;
  goalsAsList: boolean;
  goalMarkers: MarkerStyle;
  /** Indicators as one sentence labelled by 二级 (数量指标：…；质量指标：…) or as a list by 一级. */
  indicatorsAsList: boolean;
  unitLine: string;
  outlineLine: string;
  nesting: NestingStyle;
  closing: boolean;
}

function chooseStyle(rng: Rng): InlineStyle {
  return {
    heading: rng.pick<HeadingStyle>(['xiangmu', 'paren', 'title']),
    funding: rng.pick(FUNDING_SENTENCES),
    goalsAsList: rng.chance(0.5),
    goalMarkers: rng.pick<MarkerStyle>(['paren', 'dot']),
    indicatorsAsList: rng.chance(0.4),
    unitLine: rng.pick(UNIT_LINES),
    outlineLine: rng.pick(OUTLINE_LINES),
    nesting: rng.pick<NestingStyle>(['brackets', 'qizhong']),
    closing: rng.chance(0.3),
  };
}

function projectHeading(style: HeadingStyle, index: number, names: NameRecorder, project: ProjectPlan): string {
  switch (style) {
    case 'xiangmu':
      return `项目${chineseNumber(index + 1)}：${names.use(project.theme.name)}`;
    case 'paren':
      return `（${chineseNumber(index + 1)}）${names.use(withProjectSuffix(project.theme.name))}`;
    case 'title':
      return `${names.use(withProjectSuffix(project.theme.name))}绩效目标说明`;
  }
}

function renderFunding(sink: BlockSink, rng: Rng, plan: FilingPlan, project: ProjectPlan, style: InlineStyle, index: number): void {
  const nested = project.items.some((item) => item.children.length > 0);
  const pattern = !nested && rng.chance(0.25) ? FUNDING_BRACKETED : style.funding;
  const lines = project.items.map((item) => (item.amount === null ? item.label : `${item.label}${lineAmount(rng, item, style.nesting)}`));
  sink.paragraph(
    fill(pattern, { total: proseAmount(rng, project.total, 0.08), lines: lines.join('；'), year: plan.year }),
    'funding',
    index,
  );
}

/** Goals, with a stated count when the style (or a planted mismatch) calls for one. Returns the declared count. */
function renderGoals(sink: BlockSink, rng: Rng, project: ProjectPlan, style: InlineStyle, index: number): number | null {
  const mismatch = project.declaredGoalCount !== project.goals.length;
  const declare = mismatch || rng.chance(0.4);
  const intro = declare ? `共设定${project.declaredGoalCount}项年度目标：` : '年度目标：';
  if (style.goalsAsList && project.goals.length > 1) {
    sink.paragraph(intro, 'goals', index);
    project.goals.forEach((goal, i) =>
      sink.listItem(marker(style.goalMarkers, i + 1), `${goal}${i === project.goals.length - 1 ? '。' : '；'}`, 'goals', index),
    );
  } else if (project.goals.length === 1) {
    sink.paragraph(`${intro}${project.goals[0]}。`, 'goals', index);
  } else {
    sink.paragraph(`${intro}${project.goals.map((goal, i) => `${i + 1}.${goal}`).join('；')}。`, 'goals', index);
  }
  return declare ? project.declaredGoalCount : null;
}

/** An indicator and its target as a clause: "培训人次不少于500人次", "群众满意度达到基本满意". */
function indicatorClause(rng: Rng, indicator: IndicatorPlan): PhrasedTarget {
  const phrased = phraseTargetProse(rng, indicator.target);
  const joiner = indicator.target.kind === 'qualitative' && indicator.level1 === '满意度' ? '达到' : qualitativeJoiner(indicator.target);
  return { text: `${indicator.name}${joiner}${phrased.text}`, threshold: phrased.threshold };
}

/**
 * The label of an indicator in a 二级-labelled sentence: 数量指标, 社会效益指标, 经济成本指标; 效果指标 and
 * 满意度指标 where the 一级 is the only label that reads right. A 一级 成本 indicator prints its 二级
 * (经济成本指标) so it is not confused with the 产出 sub-category 成本指标.
 */
function sentenceLabel(plan: FilingPlan, indicator: IndicatorPlan): { label: string; subcategory: boolean } {
  switch (indicator.level1) {
    case '产出':
    case '成本':
      return { label: indicator.subcategory, subcategory: true };
    case '效益':
      return plan.effectLabel === '效果'
        ? { label: '效果指标', subcategory: false }
        : { label: `${indicator.subcategory}指标`, subcategory: true };
    case '满意度':
      return { label: '满意度指标', subcategory: false };
  }
}

const LEVEL_ORDER: readonly Level1[] = ['产出', '效益', '满意度', '成本'];

/** Indicators in table order: by 一级, then by 二级 as IndicatorSubcategory lists them. */
function byCategory(a: IndicatorPlan, b: IndicatorPlan): number {
  return (
    LEVEL_ORDER.indexOf(a.level1) - LEVEL_ORDER.indexOf(b.level1) ||
    IndicatorSubcategory.options.indexOf(a.subcategory) - IndicatorSubcategory.options.indexOf(b.subcategory)
  );
}

function renderIndicators(
  sink: BlockSink,
  rng: Rng,
  plan: FilingPlan,
  project: ProjectPlan,
  style: InlineStyle,
  index: number,
): ProjectTruth['indicators'] {
  const adjust = project.indicatorCountAdjust;
  const declared = adjust !== null ? project.indicators.length + adjust.delta : rng.chance(0.3) ? project.indicators.length : null;
  const prefix = declared === null ? '绩效指标：' : `共设置${declared}项绩效指标。`;
  const truths: ProjectTruth['indicators'] = [];

  if (style.indicatorsAsList) {
    sink.paragraph(prefix, 'indicators', index);
    const levels = [...new Set(project.indicators.map((indicator) => indicator.level1))];
    levels.forEach((level1, i) => {
      const clauses = project.indicators
        .filter((indicator) => indicator.level1 === level1)
        .map((indicator) => {
          const clause = indicatorClause(rng, indicator);
          truths.push(indicatorTruth(plan, indicator, [clause.threshold], { goalIndex: null, withSubcategory: false }));
          return clause.text;
        });
      sink.listItem(`${i + 1}.`, `${categoryOf(plan, level1)}指标：${clauses.join('，')}。`, 'indicators', index);
    });
    return truths;
  }

  // One sentence: indicators with the same label share it ("数量指标：A…，B…；质量指标：…").
  const segments: Array<{ label: string; clauses: string[] }> = [];
  for (const indicator of [...project.indicators].sort(byCategory)) {
    const { label, subcategory } = sentenceLabel(plan, indicator);
    const clause = indicatorClause(rng, indicator);
    truths.push(indicatorTruth(plan, indicator, [clause.threshold], { goalIndex: null, withSubcategory: subcategory }));
    const last = segments[segments.length - 1];
    if (last !== undefined && last.label === label) last.clauses.push(clause.text);
    else segments.push({ label, clauses: [clause.text] });
  }
  const sentence = segments.map((segment) => `${segment.label}：${segment.clauses.join('，')}`).join('；');
  sink.paragraph(`${declared === null ? '' : prefix}${sentence}。`, 'indicators', index);
  return truths;
}

export function renderInline(plan: FilingPlan, rng: Rng): Rendered {
  const style = chooseStyle(rng);
  const sink = new BlockSink();
  sink.heading(1, fill(rng.pick(TITLES), { dept: plan.department, year: plan.year }), 'title');
  sink.paragraph(`${plan.department}${plan.year}年度共有${plan.projects.length}个项目编制了绩效目标，具体说明如下。`, 'overview');

  const projects = plan.projects.map((project, index): ProjectTruth => {
    const names = new NameRecorder();
    sink.heading(2, projectHeading(style.heading, index, names, project), 'title', index);
    sink.paragraph(fill(style.unitLine, { unit: project.unit }), 'unit', index);
    sink.paragraph(fill(style.outlineLine, { contents: project.contents.join('；') }), 'description', index);
    renderFunding(sink, rng, plan, project, style, index);
    const declaredGoalCount = renderGoals(sink, rng, project, style, index);
    const indicators = renderIndicators(sink, rng, plan, project, style, index);
    if (style.closing) sink.paragraph(plan.closingLine, 'boilerplate', index);
    return {
      name: names.name,
      aliases: names.aliases,
      ...projectTruthBase(plan, project),
      total: { wan: wanString(project.total) },
      funding_items: project.items.map(fundingTruth),
      expense_items: [],
      declared_goal_count: declaredGoalCount,
      goals: project.goals.map((text, i) => ({ index: i + 1, text })),
      indicators,
    };
  });
  return { blocks: sink.blocks, projects, departmentGoals: [] };
}
