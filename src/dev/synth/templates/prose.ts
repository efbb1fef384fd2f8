import { wanString } from '../money.js';
import type { FilingPlan, IndicatorPlan, Level1, ProjectPlan } from '../plan.js';
import type { Rng } from '../random.js';
import { phraseTargetProse, type PhrasedTarget } from '../thresholds.js';
import type { ProjectTruth } from '../truth.js';
import { CRITERIA_BASES, CRITERIA_PURPOSES, DESCRIPTION_SENTENCES, OVERVIEW_SENTENCES } from '../vocab/common.js';
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
  spacedUnit,
  withProjectSuffix,
  type MarkerStyle,
  type Rendered,
} from './shared.js';

/**
 * The prose explanation (关于X项目绩效目标指标的说明) in three parts, like the sample filing, but with every
 * sentence frame drawn from several variants. Variants are chosen once per filing: a real filing keeps its
 * own wording from project to project.
 */

const PART_HEADINGS = {
  department: ['第一部分 部门整体绩效目标', '第一部分 部门整体支出绩效目标', '第一部分　部门绩效目标'],
  special: ['第二部分 专项资金绩效目标', '第二部分 专项资金绩效目标情况'],
  projects: ['第三部分 预算项目绩效目标', '第三部分 项目支出绩效目标', '第三部分　预算项目绩效目标说明'],
} as const;

const NO_SPECIAL_FUNDS = ['我部门{year}年无专项资金绩效目标，特此说明。', '{year}年本部门未安排专项资金，无专项资金绩效目标。'] as const;

const TITLES = ['关于{name}绩效目标指标的说明', '{name}绩效目标说明', '关于{name}绩效目标设置情况的说明'] as const;

const SECTIONS = {
  basics: ['一、项目基本情况', '一、项目概述', '一、项目基本概况'],
  outline: ['（一）项目概况', '（一）项目简介', '（一）项目内容'],
  funding: ['（二）资金安排情况', '（二）资金预算安排', '（二）项目资金安排'],
  targets: ['二、绩效目标和指标设置情况', '二、绩效目标及指标', '二、项目绩效目标和指标'],
  goals: ['（一）绩效目标', '（一）年度绩效目标'],
  indicators: ['（二）绩效指标', '（二）绩效指标设置'],
  criteria: ['（三）评价标准', '（三）指标评价标准'],
} as const;

/** `{name}` project, `{duty}`, `{activity}`, `{unit}`, `{dept}`, `{n}` number of contents. */
const OUTLINE_INTROS = [
  '{name}是我部门为履行{duty}职责，开展{activity}工作活动设置的。主要项目内容包括以下{n}个方面：',
  '该项目由{unit}负责实施，主要用于{activity}工作，具体包括以下{n}项内容：',
  '为做好{activity}工作，{dept}设立{name}，项目内容主要有以下{n}个方面：',
] as const;

/** `{year}`, `{total}`. */
const FUNDING_INTROS = [
  '{year}年该项目主要安排一般公共预算资金共计{total}。其中：',
  '本年度该项目预算资金{total}，全部为一般公共预算拨款，具体安排如下：',
  '{year}年预算安排该项目资金{total}，其中：',
] as const;

/** `{label}`, `{amount}`; the line ends in "；" or "。". */
const FUNDING_LINES = ['{label}方面，安排{amount}', '{label}，安排{amount}', '{label}{amount}', '用于{label}{amount}'] as const;

/** `{alias}`, `{count}`, `{goals}`. */
const GOAL_INTROS = [
  '{alias}主要设置了{count}项绩效目标：{goals}',
  '本项目共设定{count}个绩效目标：{goals}',
  '围绕项目实施，{alias}设定了{count}项年度绩效目标，即：{goals}',
] as const;

type IndicatorStyle = 'duiying' | 'xiashe' | 'zhendui';

interface ProseStyle {
  partOne: string;
  partTwo: string | null;
  partThree: string;
  spacedUnits: boolean;
  title: string;
  sections: { [K in keyof typeof SECTIONS]: string };
  outlineIntro: string;
  contentMarkers: MarkerStyle;
  fundingIntro: string;
  fundingLine: string;
  fundingMarkers: MarkerStyle;
  nesting: NestingStyle;
  goalIntro: string;
  indicatorStyle: IndicatorStyle;
}

function chooseStyle(rng: Rng): ProseStyle {
  const pick = <T>(variants: readonly T[]): T => rng.pick(variants);
  return {
    partOne: pick(PART_HEADINGS.department),
    partTwo: rng.chance(0.6) ? pick(PART_HEADINGS.special) : null,
    partThree: pick(PART_HEADINGS.projects),
    spacedUnits: rng.chance(0.7),
    title: pick(TITLES),
    sections: {
      basics: pick(SECTIONS.basics),
      outline: pick(SECTIONS.outline),
      funding: pick(SECTIONS.funding),
      targets: pick(SECTIONS.targets),
      goals: pick(SECTIONS.goals),
      indicators: pick(SECTIONS.indicators),
      criteria: pick(SECTIONS.criteria),
    },
    outlineIntro: pick(OUTLINE_INTROS),
    contentMarkers: pick<MarkerStyle>(['dun', 'dun', 'dot']),
    fundingIntro: pick(FUNDING_INTROS),
    fundingLine: pick(FUNDING_LINES),
    fundingMarkers: pick<MarkerStyle>(['dun', 'dot', 'paren']),
    nesting: pick<NestingStyle>(['brackets', 'qizhong']),
    goalIntro: pick(GOAL_INTROS),
    indicatorStyle: rng.weighted<IndicatorStyle>([
      ['duiying', 2],
      ['xiashe', 1],
      ['zhendui', 1],
    ]),
  };
}

/** The 一级 label in a 绩效指标 sentence: 产出指标, 效果指标 / 效益指标, 满意度指标, 成本指标. */
function levelLabel(plan: FilingPlan, level1: Level1): string {
  return `${categoryOf(plan, level1)}指标`;
}

function renderOverview(sink: BlockSink, rng: Rng, plan: FilingPlan): void {
  const values = { year: plan.year, dept: plan.department, mission: rng.pick(plan.spec.missions) };
  const [opening, ...rest] = OVERVIEW_SENTENCES;
  const sentences = [rng.pick([opening, rest[0], rest[1]]), ...rng.sample(rest.slice(2), rng.int(1, 3))];
  sink.paragraph(sentences.map((sentence) => fill(sentence, values)).join(''), 'overview');
}

/** 分项绩效目标: each project's goals under a short name ("（一）、学生资助绩效目标："). */
function renderDepartmentGoals(sink: BlockSink, rng: Rng, plan: FilingPlan, names: NameRecorder[]): Rendered['departmentGoals'] {
  const listName = rng.pick<(project: ProjectPlan) => string>([(p) => p.theme.alias, (p) => p.theme.name, (p) => `${p.theme.alias}专项`]);
  return plan.projects.map((project, index) => {
    const shortName = names[index].use(listName(project));
    sink.listItem(`（${chineseNumber(index + 1)}）、`, `${shortName}绩效目标：`, 'department_goals');
    project.goals.forEach((goal, goalIndex) => {
      const last = goalIndex === project.goals.length - 1;
      sink.listItem(`${goalIndex + 1}、`, `${goal}${last ? '。' : '；'}`, 'department_goals');
    });
    return { project: names[index].name, goals: [...project.goals] };
  });
}

function renderOutline(
  sink: BlockSink,
  rng: Rng,
  plan: FilingPlan,
  project: ProjectPlan,
  style: ProseStyle,
  index: number,
  name: string,
): void {
  sink.heading(3, style.sections.outline, 'description', index);
  let intro = fill(style.outlineIntro, {
    name,
    duty: plan.spec.duty,
    activity: project.theme.activity,
    unit: project.unit,
    dept: plan.department,
    n: project.contents.length,
  });
  if (rng.chance(0.3)) intro = fill(rng.pick(DESCRIPTION_SENTENCES), { policy: project.policy, unit: project.unit }) + intro;
  sink.paragraph(intro, 'description', index);
  project.contents.forEach((content, i) => {
    sink.listItem(
      marker(style.contentMarkers, i + 1),
      `${content}${i === project.contents.length - 1 ? '。' : '；'}`,
      'description',
      index,
    );
  });
}

function renderFunding(sink: BlockSink, rng: Rng, plan: FilingPlan, project: ProjectPlan, style: ProseStyle, index: number): void {
  sink.heading(3, style.sections.funding, 'funding', index);
  sink.paragraph(fill(style.fundingIntro, { year: plan.year, total: proseAmount(rng, project.total, 0.08) }), 'funding', index);
  project.items.forEach((item, i) => {
    const last = i === project.items.length - 1;
    const text =
      item.amount === null ? item.label : fill(style.fundingLine, { label: item.label, amount: lineAmount(rng, item, style.nesting) });
    sink.listItem(marker(style.fundingMarkers, i + 1), `${text}${last ? '。' : '；'}`, 'funding', index);
  });
}

/** "一是A。二是B。" — or "即A。" when there is one goal. */
function goalList(goals: readonly string[], separator: string): string {
  if (goals.length === 1) return `即${goals[0]}。`;
  return `${goals.map((goal, i) => `${chineseNumber(i + 1)}是${goal}`).join(separator)}。`;
}

/** Indicators grouped by goal, in order, with the 一级 categories in order of first appearance. */
function groupByGoal(project: ProjectPlan): Array<{ goalIndex: number; indicators: IndicatorPlan[]; levels: Level1[] }> {
  const groups = new Map<number, IndicatorPlan[]>();
  for (const indicator of project.indicators) groups.set(indicator.goalIndex, [...(groups.get(indicator.goalIndex) ?? []), indicator]);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([goalIndex, indicators]) => ({ goalIndex, indicators, levels: [...new Set(indicators.map((indicator) => indicator.level1))] }));
}

function declaredCount(project: ProjectPlan, goalIndex: number, level1: Level1, actual: number): number {
  const adjust = project.indicatorCountAdjust;
  return adjust !== null && adjust.goalIndex === goalIndex && adjust.level1 === level1 ? actual + adjust.delta : actual;
}

function indicatorSentence(
  plan: FilingPlan,
  project: ProjectPlan,
  group: ReturnType<typeof groupByGoal>[number],
  style: IndicatorStyle,
): string {
  const goal = `目标${chineseNumber(group.goalIndex)}`;
  const byLevel = group.levels.map((level1) => {
    const names = group.indicators.filter((indicator) => indicator.level1 === level1).map((indicator) => indicator.name);
    return { label: levelLabel(plan, level1), count: declaredCount(project, group.goalIndex, level1, names.length), names };
  });
  const allNames = group.indicators.map((indicator) => indicator.name);
  switch (style) {
    case 'duiying': {
      const counts = byLevel.map((level) => `${level.count}项${level.label}`).join('、');
      return allNames.length === 1
        ? `对应${goal}设置${counts}，是${allNames[0]}。`
        : `对应${goal}设置${counts}，分别是${allNames.join('；')}。`;
    }
    case 'xiashe':
      return `${goal}下设${byLevel.map((level) => `${level.label}${level.count}项`).join('、')}：${allNames.join('、')}。`;
    case 'zhendui':
      return `针对${goal}，设置${byLevel.map((level) => `${level.label}${level.count}项（${level.names.join('、')}）`).join('，')}。`;
  }
}

/** One indicator's target as a clause of a 评价标准 sentence. */
function criterionClause(rng: Rng, project: ProjectPlan, indicator: IndicatorPlan): PhrasedTarget {
  const phrased = phraseTargetProse(rng, indicator.target);
  if (indicator.target.kind === 'qualitative' && indicator.level1 === '满意度') {
    const text =
      indicator.target.word === '大部分满意' && rng.chance(0.6)
        ? `做到使大部分${project.serviceObject}满意`
        : `${indicator.name}达到${phrased.text}`;
    return { text, threshold: phrased.threshold };
  }
  return { text: `${indicator.name}${qualitativeJoiner(indicator.target)}${phrased.text}`, threshold: phrased.threshold };
}

function renderTargets(
  sink: BlockSink,
  rng: Rng,
  plan: FilingPlan,
  project: ProjectPlan,
  style: ProseStyle,
  index: number,
  names: NameRecorder,
): ProjectTruth['indicators'] {
  sink.heading(3, style.sections.goals, 'goals', index);
  const candidate = rng.pick([`${project.theme.alias}项目`, names.name, withProjectSuffix(project.theme.name)]);
  // Only a name the sentence prints counts as an alias.
  const alias = style.goalIntro.includes('{alias}') ? names.use(candidate) : candidate;
  const separator = rng.pick(['。', '；']);
  sink.paragraph(
    fill(style.goalIntro, { alias, count: project.declaredGoalCount, goals: goalList(project.goals, separator) }),
    'goals',
    index,
  );

  const groups = groupByGoal(project);
  sink.heading(3, style.sections.indicators, 'indicators', index);
  groups.forEach((group, i) =>
    sink.listItem(`${i + 1}、`, indicatorSentence(plan, project, group, style.indicatorStyle), 'indicators', index),
  );

  sink.heading(3, style.sections.criteria, 'criteria', index);
  const truths: ProjectTruth['indicators'] = [];
  groups.forEach((group, i) => {
    const clauses = group.indicators.map((indicator, k) => {
      const clause = criterionClause(rng, project, indicator);
      truths.push(indicatorTruth(plan, indicator, [clause.threshold], { goalIndex: group.goalIndex, withSubcategory: false }));
      const base = k === 0 || rng.chance(0.5) ? fill(rng.pick(CRITERIA_BASES), { policy: project.policy }) : '';
      const purpose = rng.chance(0.5) ? `，${rng.pick(CRITERIA_PURPOSES)}` : '';
      return `${base}${clause.text}${purpose}`;
    });
    sink.listItem(`${i + 1}、`, `目标${chineseNumber(group.goalIndex)}对应指标的评价标准是${clauses.join('；')}。`, 'criteria', index);
  });
  return truths;
}

export function renderProse(plan: FilingPlan, rng: Rng): Rendered {
  const style = chooseStyle(rng);
  const sink = new BlockSink();
  const names = plan.projects.map((project) => {
    const recorder = new NameRecorder();
    recorder.use(withProjectSuffix(project.theme.name));
    return recorder;
  });

  sink.heading(1, style.partOne, 'title');
  sink.heading(3, '一、总体绩效目标', 'overview');
  renderOverview(sink, rng, plan);
  sink.heading(3, '二、分项绩效目标', 'department_goals');
  const departmentGoals = renderDepartmentGoals(sink, rng, plan, names);
  if (style.partTwo !== null) {
    sink.heading(1, style.partTwo, 'title');
    sink.paragraph(fill(rng.pick(NO_SPECIAL_FUNDS), { year: plan.year }), 'overview');
  }
  sink.heading(1, style.partThree, 'title');

  const projects = plan.projects.map((project, index): ProjectTruth => {
    const name = names[index].name;
    sink.heading(2, style.spacedUnits ? spacedUnit(project.unit) : project.unit, 'unit', index);
    sink.heading(2, fill(style.title, { name }), 'title', index);
    sink.heading(3, style.sections.basics, 'description', index);
    renderOutline(sink, rng, plan, project, style, index, name);
    renderFunding(sink, rng, plan, project, style, index);
    sink.heading(3, style.sections.targets, 'goals', index);
    const indicators = renderTargets(sink, rng, plan, project, style, index, names[index]);
    sink.paragraph(plan.closingLine, 'boilerplate', index);
    return {
      name,
      aliases: names[index].aliases,
      ...projectTruthBase(plan, project),
      total: { wan: wanString(project.total) },
      funding_items: project.items.map(fundingTruth),
      expense_items: [],
      declared_goal_count: project.declaredGoalCount,
      goals: project.goals.map((text, i) => ({ index: i + 1, text })),
      indicators,
    };
  });
  return { blocks: sink.blocks, projects, departmentGoals };
}
