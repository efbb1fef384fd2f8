import type { SynthBlock, Template } from './filing.js';
import { sumAmounts, wanString } from './money.js';
import type { FilingPlan, IndicatorPlan, ProjectPlan } from './plan.js';
import type { Rng } from './random.js';
import type { PlantedKind } from './truth.js';

/**
 * Known problems planted on purpose, each recorded so an evaluation can check a checker finds it.
 * Most are planted in the plan before rendering (the templates then print them faithfully); a duplicated
 * paragraph is planted in the rendered blocks.
 */

export interface PlantRecord {
  kind: PlantedKind;
  /** Index into the filing's projects. */
  project: number;
  detail: string;
}

type PlanProblem = 'sum_mismatch' | 'goal_count' | 'indicator_count' | 'missing_value' | 'placeholder' | 'suspicious_value';

/** Forms state no counts, so count mismatches are planted only where the template states them. */
const PROBLEMS_BY_TEMPLATE: Record<Template, readonly PlanProblem[]> = {
  prose: ['sum_mismatch', 'goal_count', 'indicator_count', 'missing_value', 'placeholder', 'suspicious_value'],
  inline: ['sum_mismatch', 'goal_count', 'indicator_count', 'missing_value', 'placeholder', 'suspicious_value'],
  table: ['sum_mismatch', 'missing_value', 'placeholder', 'suspicious_value'],
};

function isNumeric(indicator: IndicatorPlan): boolean {
  return indicator.target.kind === 'numeric' && indicator.target.flavor !== 'frequency' && indicator.target.flavor !== 'incident';
}

/** A rate that cannot pass 100% (a growth rate can: 增长率 150% is no error). */
function isRate(indicator: IndicatorPlan): boolean {
  return (
    indicator.target.kind === 'numeric' &&
    indicator.target.unit === '%' &&
    indicator.target.op !== '<=' &&
    indicator.target.op !== '<' &&
    !/增长|增幅|提高|上升/.test(indicator.name)
  );
}

/** A difference that cannot be a rounding artefact: at least 1万元, or a tenth of the amount. */
function drawDelta(rng: Rng, amount: number): number {
  const delta = Math.max(100, Math.round((amount * rng.int(5, 25)) / 100 / 100) * 100);
  return rng.chance(0.5) || amount <= delta ? delta : -delta;
}

function plantSumMismatch(rng: Rng, project: ProjectPlan, template: Template): string | null {
  if (template === 'table') {
    const before = project.sources.fiscal;
    project.sources.fiscal = before + drawDelta(rng, before);
    const parts = project.sources.fiscal + (project.sources.carryover ?? 0) + project.sources.other;
    return `年度资金总额${wanString(project.total)}万元，资金来源合计${wanString(parts)}万元`;
  }
  const candidates = project.items.filter((item) => item.amount !== null && item.children.length === 0);
  if (candidates.length === 0) return null;
  const item = rng.pick(candidates);
  const amount = item.amount ?? 0;
  item.amount = amount + drawDelta(rng, amount);
  return `合计${wanString(project.total)}万元，明细之和${wanString(sumAmounts(project.items.map((line) => line.amount)))}万元（“${item.label}”）`;
}

function plantGoalCount(rng: Rng, project: ProjectPlan): string {
  const actual = project.goals.length;
  project.declaredGoalCount = actual === 1 || rng.chance(0.5) ? actual + 1 : actual - 1;
  return `声明${project.declaredGoalCount}项绩效目标，实际列出${actual}项`;
}

function plantIndicatorCount(rng: Rng, project: ProjectPlan, template: Template): string {
  const indicator = rng.pick(project.indicators);
  const inGroup = project.indicators.filter((other) => other.goalIndex === indicator.goalIndex && other.level1 === indicator.level1).length;
  const actual = template === 'prose' ? inGroup : project.indicators.length;
  const delta = actual > 1 && rng.chance(0.5) ? -1 : 1;
  project.indicatorCountAdjust = { goalIndex: indicator.goalIndex, level1: indicator.level1, delta };
  return template === 'prose'
    ? `目标${indicator.goalIndex}声明${actual + delta}项${indicator.level1}类指标，实际列出${actual}项`
    : `声明${actual + delta}项绩效指标，实际列出${actual}项`;
}

function plantValue(
  rng: Rng,
  project: ProjectPlan,
  problem: 'missing_value' | 'placeholder' | 'suspicious_value',
  used: Set<IndicatorPlan>,
): string | null {
  const eligible = project.indicators.filter(
    (indicator) => !used.has(indicator) && (problem === 'suspicious_value' ? isRate(indicator) : isNumeric(indicator)),
  );
  if (eligible.length === 0) return null;
  const indicator = rng.pick(eligible);
  used.add(indicator);
  if (indicator.target.kind !== 'numeric') return null;
  const target = indicator.target;
  switch (problem) {
    case 'missing_value':
      indicator.target = { ...target, value: null };
      return `指标“${indicator.name}”有符号和单位但缺少指标值`;
    case 'placeholder':
      indicator.target = { ...target, placeholder: true };
      return `指标“${indicator.name}”的指标值是模板占位符“**”`;
    case 'suspicious_value': {
      const value = rng.pick([105, 110, 120, 150]);
      indicator.target = { ...target, op: rng.chance(0.7) ? '>=' : '=', value };
      return `指标“${indicator.name}”的比率${value}%超过100%`;
    }
  }
}

const KIND_OF: Record<PlanProblem, PlantedKind> = {
  sum_mismatch: 'sum_mismatch',
  goal_count: 'count_mismatch',
  indicator_count: 'count_mismatch',
  missing_value: 'missing_value',
  placeholder: 'missing_value',
  suspicious_value: 'suspicious_value',
};

/** Plants two to four problems in the plan (mutating it) and records them. */
export function plantInPlan(rng: Rng, plan: FilingPlan, template: Template): PlantRecord[] {
  const problems = rng.sample(PROBLEMS_BY_TEMPLATE[template], rng.int(2, 4));
  const used = new Set<IndicatorPlan>();
  const records: PlantRecord[] = [];
  for (const problem of problems) {
    const index = rng.int(0, plan.projects.length - 1);
    const project = plan.projects[index];
    let detail: string | null;
    switch (problem) {
      case 'sum_mismatch':
        detail = plantSumMismatch(rng, project, template);
        break;
      case 'goal_count':
        detail = plantGoalCount(rng, project);
        break;
      case 'indicator_count':
        detail = project.indicatorCountAdjust === null ? plantIndicatorCount(rng, project, template) : null;
        break;
      default:
        detail = plantValue(rng, project, problem, used);
    }
    if (detail !== null) records.push({ kind: KIND_OF[problem], project: index, detail });
  }
  return records;
}

/** Repeats one project paragraph later in the same project, as copy-paste leaves it. */
export function plantDuplicate(rng: Rng, blocks: SynthBlock[]): PlantRecord | null {
  const candidates = blocks
    .map((block, position) => ({ block, position }))
    .filter(({ block }) => block.type === 'paragraph' && block.project !== null && block.role !== 'boilerplate' && block.text.length >= 12);
  if (candidates.length === 0) return null;
  const { block, position } = rng.pick(candidates);
  if (block.type !== 'paragraph' || block.project === null) return null;
  const project = block.project;
  let insertAt = position + 1;
  while (insertAt < blocks.length && blocks[insertAt].project === project && rng.chance(0.5)) insertAt++;
  blocks.splice(insertAt, 0, { ...block });
  const excerpt = block.text.length > 24 ? `${block.text.slice(0, 24)}…` : block.text;
  return { kind: 'duplicate_section', project, detail: `段落重复出现：“${excerpt}”` };
}
