import { sumAmounts, type WanCents } from './money.js';
import type { Rng } from './random.js';
import type { NumericOp, Period, Target } from './thresholds.js';
import { SATISFACTION_WORDS } from './thresholds.js';
import type { IndicatorSubcategory } from './truth.js';
import { CLOSING_LINES, GENERIC_THEMES, PLACES, UNPRICED_ITEMS } from './vocab/common.js';
import { DEPARTMENTS } from './vocab/departments.js';
import {
  DEPARTMENT_NAMES,
  satisfaction,
  type DepartmentName,
  type DepartmentSpec,
  type IndicatorSpec,
  type ThemeSpec,
} from './vocab/specs.js';

/**
 * The facts of a filing before any template writes them: which projects, how much money in which lines,
 * which goals and indicators with which targets. Templates decide only how these are printed, so the same
 * seed printed as prose or as a table describes the same projects.
 */

export interface FundingNode {
  label: string;
  /** Null for a line printed without an amount ("其他支出等"). */
  amount: WanCents | null;
  children: FundingNode[];
}

/** Funding by source, as forms print it under 年度资金总额. */
export interface FundingSources {
  fiscal: WanCents;
  /** 上年结转资金; null where the form has no such row. */
  carryover: WanCents | null;
  other: WanCents;
}

/** 一级指标 before a template names it ("效益" prints as 效果 in older prose). */
export type Level1 = '产出' | '效益' | '满意度' | '成本';

export interface IndicatorPlan {
  /** 1-based goal the indicator serves. */
  goalIndex: number;
  level1: Level1;
  subcategory: IndicatorSubcategory;
  name: string;
  target: Target;
}

export interface ProjectPlan {
  theme: ThemeSpec;
  unit: string;
  /** 项目内容: what the project does. */
  contents: string[];
  goals: string[];
  /** The goal count the filing states; equals goals.length unless a count mismatch is planted. */
  declaredGoalCount: number;
  items: FundingNode[];
  /** The annual total as printed; equals the sum of items (and of sources) unless a sum mismatch is planted. */
  total: WanCents;
  sources: FundingSources;
  /** 项目资金总额 over the whole implementation period, printed on some forms; never the annual total. */
  multiYearTotal: WanCents | null;
  indicators: IndicatorPlan[];
  /** Added to a declared indicator count (prose: one goal and category; inline: the project total). */
  indicatorCountAdjust: { goalIndex: number; level1: Level1; delta: number } | null;
  serviceObject: string;
  policy: string;
}

export interface FilingPlan {
  spec: DepartmentSpec;
  place: string;
  /** As printed: "青山县教育局". */
  department: string;
  year: number;
  /** How this filing names the 效益 category: 效果 in older prose, 效益 since. */
  effectLabel: '效果' | '效益';
  /** Whether 成本指标 is a first-level category (common since 2021). */
  costAsLevel1: boolean;
  closingLine: string;
  projects: ProjectPlan[];
}

export interface PlanOptions {
  department?: DepartmentName;
  projectCount?: number;
  /** Theme names not to use (copies.ts keeps filings from sharing projects). */
  excludeThemes?: ReadonlySet<string>;
}

/** Extra funding lines when a theme's own lines are too few for the drawn item count. */
const EXTRA_ITEMS = ['办公用品购置', '差旅费', '专家咨询费', '资料印刷费', '劳务费', '邮电费', '会议费', '设备维护费'] as const;

/** Rates where lower is better get a ceiling, not a floor ("再犯罪率不得超过10%"). */
const LOWER_IS_BETTER = ['再犯罪', '差错率', '受害率', '故障率', '发生率', '失学'] as const;

const COST_LEVEL1_NAMES = ['项目成本控制数', '项目预算控制数', '项目总成本'] as const;

/** Amount scales, in hundredths of 万元: small projects of a few 万元 up to large ones of a thousand. */
const SCALES: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[100, 3_000], 3],
  [[1_000, 20_000], 5],
  [[10_000, 100_000], 2],
];

/** Rounding grains by size: large lines are mostly whole 万元 ("安排6万元"), small ones carry decimals ("0.86万元"). */
const GRAINS: ReadonlyArray<readonly [number, ReadonlyArray<readonly [number, number]>]> = [
  [
    1_000,
    [
      [100, 7],
      [10, 2],
      [1, 1],
    ],
  ],
  [
    100,
    [
      [100, 4],
      [10, 4],
      [1, 2],
    ],
  ],
  [
    0,
    [
      [10, 5],
      [1, 5],
    ],
  ],
];

function drawAmount(rng: Rng, [min, max]: readonly [number, number]): WanCents {
  const raw = rng.int(min, max);
  const grains = GRAINS.find(([floor]) => raw >= floor)?.[1] ?? [[1, 1]];
  const grain = rng.weighted(grains);
  return Math.max(grain, Math.round(raw / grain) * grain);
}

function buildItems(rng: Rng, theme: ThemeSpec, projectScale: readonly [number, number]): FundingNode[] {
  const wanted = rng.int(1, 8);
  // The scale is the project's; lines share it, so more lines means smaller lines.
  const scale: readonly [number, number] = [
    Math.max(10, Math.round(projectScale[0] / wanted)),
    Math.max(20, Math.round(projectScale[1] / wanted)),
  ];
  const own = rng.shuffle(theme.items);
  const extras = rng.shuffle(EXTRA_ITEMS.filter((label) => !own.some((item) => item.label === label)));
  const nodes: FundingNode[] = [];
  for (let i = 0; i < wanted; i++) {
    const spec = own[i];
    if (spec === undefined) {
      const label = extras[i - own.length];
      if (label === undefined) break;
      nodes.push({ label, amount: drawAmount(rng, scale), children: [] });
      continue;
    }
    if (spec.children.length > 0 && rng.chance(0.7)) {
      const children = spec.children.map((label) => ({
        label,
        amount: drawAmount(rng, [scale[0], Math.max(scale[0], scale[1] / 3)]),
        children: [],
      }));
      nodes.push({ label: spec.label, amount: sumAmounts(children.map((child) => child.amount)), children });
    } else {
      nodes.push({ label: spec.label, amount: drawAmount(rng, scale), children: [] });
    }
  }
  if (nodes.length > 1 && rng.chance(0.12)) nodes.push({ label: rng.pick(UNPRICED_ITEMS), amount: null, children: [] });
  return nodes;
}

function buildSources(rng: Rng, total: WanCents): FundingSources {
  const other = rng.chance(0.35) ? Math.floor((total * rng.int(5, 40)) / 100) : 0;
  const carryover = rng.chance(0.3) ? (rng.chance(0.5) ? 0 : Math.floor(((total - other) * rng.int(5, 30)) / 100)) : null;
  return { fiscal: total - other - (carryover ?? 0), carryover, other };
}

function niceCount(rng: Rng, [min, max]: readonly [number, number]): number {
  const raw = rng.int(min, max);
  const step = raw >= 1000 ? 100 : raw >= 100 ? 10 : 1;
  return Math.max(min, Math.round(raw / step) * step);
}

function frequencyTarget(rng: Rng): Target {
  const [op, value, period] = rng.pick<readonly [NumericOp, number, Period]>([
    ['=', 1, '月'],
    ['>=', 1, '月'],
    ['>=', 1, '季度'],
    ['>=', rng.pick([2, 3, 4, 5, 6, 12]), '年'],
    ['=', rng.pick([2, 4, 6, 12]), '年'],
  ]);
  return { kind: 'numeric', op, value, unit: '次', period, flavor: 'frequency', placeholder: false };
}

function numeric(op: NumericOp, value: number, unit: string, flavor: IndicatorSpec['flavor']): Target {
  return { kind: 'numeric', op, value, unit, period: null, flavor, placeholder: false };
}

/** The target an indicator gets, by what it measures. */
function drawTarget(rng: Rng, spec: IndicatorSpec, total: WanCents): Target {
  switch (spec.flavor) {
    case 'rate': {
      if (LOWER_IS_BETTER.some((word) => spec.name.includes(word))) {
        return numeric(rng.chance(0.8) ? '<=' : '<', rng.pick([1, 2, 3, 5, 10]), '%', 'rate');
      }
      const value = rng.pick([80, 85, 90, 90, 92, 95, 95, 98, 100]);
      if (value === 100) return numeric('=', 100, '%', 'rate');
      return numeric(
        rng.weighted<NumericOp>([
          ['>=', 8],
          ['=', 1],
          ['>', 1],
        ]),
        value,
        '%',
        'rate',
      );
    }
    case 'count':
      return numeric(
        rng.weighted<NumericOp>([
          ['>=', 8],
          ['=', 2],
        ]),
        niceCount(rng, spec.range),
        spec.unit ?? '个',
        'count',
      );
    case 'duration':
      return numeric(rng.chance(0.85) ? '<=' : '<', rng.int(spec.range[0], spec.range[1]), spec.unit ?? '天', 'duration');
    case 'frequency':
      return frequencyTarget(rng);
    case 'incident':
      return numeric('=', 0, spec.unit ?? '起', 'incident');
    case 'money':
      return numeric('<=', Math.max(1, Math.round(total / 100 / rng.int(3, 10))), '万元', 'money');
    case 'satisfaction':
      return rng.chance(0.75)
        ? numeric(rng.chance(0.9) ? '>=' : '>', rng.pick([80, 85, 90, 90, 95]), '%', 'satisfaction')
        : { kind: 'qualitative', word: rng.pick(SATISFACTION_WORDS) };
    case 'qualitative':
      return { kind: 'qualitative', word: rng.pick(spec.words) };
  }
}

function level1Of(spec: IndicatorSpec): Level1 {
  if (spec.flavor === 'satisfaction') return '满意度';
  return ['数量指标', '质量指标', '时效指标', '成本指标'].includes(spec.subcategory) ? '产出' : '效益';
}

/**
 * Indicators spread over the goals the way filings do it: each goal gets at least one 产出 indicator,
 * effects and satisfaction go to some goal, and a cost indicator is added on newer filings.
 */
function buildIndicators(
  rng: Rng,
  project: { theme: ThemeSpec; goals: string[]; total: WanCents; serviceObject: string },
  costAsLevel1: boolean,
): IndicatorPlan[] {
  const goalCount = project.goals.length;
  const outputs = rng.shuffle(project.theme.outputs);
  const effects = rng.shuffle(project.theme.effects);
  const chosen: Array<{ goalIndex: number; spec: IndicatorSpec }> = [];
  for (let goal = 1; goal <= goalCount; goal++) {
    const output = outputs.shift();
    if (output !== undefined) chosen.push({ goalIndex: goal, spec: output });
  }
  for (const output of outputs) if (rng.chance(0.4)) chosen.push({ goalIndex: rng.int(1, goalCount), spec: output });
  for (const effect of effects) if (rng.chance(0.75)) chosen.push({ goalIndex: rng.int(1, goalCount), spec: effect });
  if (rng.chance(0.85)) chosen.push({ goalIndex: goalCount, spec: satisfaction(project.serviceObject) });
  chosen.sort((a, b) => a.goalIndex - b.goalIndex);
  const indicators: IndicatorPlan[] = chosen.map(({ goalIndex, spec }) => ({
    goalIndex,
    level1: level1Of(spec),
    subcategory: spec.subcategory,
    name: spec.name,
    target: drawTarget(rng, spec, project.total),
  }));
  if (costAsLevel1 && rng.chance(0.6)) {
    // Either a ceiling at the budget, or the word forms use for it ("成本控制合理性 | 合理").
    const qualitativeCost = rng.chance(0.3);
    indicators.unshift({
      goalIndex: 1,
      level1: '成本',
      subcategory: '经济成本指标',
      name: qualitativeCost ? '成本控制合理性' : rng.pick(COST_LEVEL1_NAMES),
      target: qualitativeCost
        ? { kind: 'qualitative', word: rng.pick(['合理', '可控']) }
        : numeric('<=', Number((project.total / 100).toFixed(2)), '万元', 'money'),
    });
  }
  return indicators;
}

function buildProject(rng: Rng, plan: Pick<FilingPlan, 'spec' | 'costAsLevel1'>, theme: ThemeSpec): ProjectPlan {
  const { spec } = plan;
  const contents = rng.sample(theme.contents, rng.int(2, theme.contents.length));
  const goalCount = Math.min(
    contents.length,
    rng.weighted<number>([
      [1, 2],
      [2, 5],
      [3, 3],
    ]),
  );
  const goals = contents.slice(0, goalCount);
  const scale = rng.weighted(SCALES);
  const items = buildItems(rng, theme, scale);
  const total = sumAmounts(items.map((item) => item.amount));
  const serviceObject = theme.serviceObject ?? rng.pick(spec.serviceObjects);
  const multiYearTotal = rng.chance(0.25) ? total * rng.int(2, 3) + drawAmount(rng, scale) : null;
  return {
    theme,
    unit: rng.pick(spec.units),
    contents,
    goals,
    declaredGoalCount: goals.length,
    items,
    total,
    sources: buildSources(rng, total),
    multiYearTotal,
    indicators: buildIndicators(rng, { theme, goals, total, serviceObject }, plan.costAsLevel1),
    indicatorCountAdjust: null,
    serviceObject,
    policy: rng.pick(spec.policies),
  };
}

export function planFiling(rng: Rng, options: PlanOptions = {}): FilingPlan {
  const name = options.department ?? rng.pick(DEPARTMENT_NAMES);
  const spec = DEPARTMENTS[name];
  const place = rng.pick(PLACES);
  const year = rng.int(2018, 2025);
  const effectLabel = year < 2021 ? (rng.chance(0.7) ? '效果' : '效益') : rng.chance(0.2) ? '效果' : '效益';
  const costAsLevel1 = year >= 2021 && rng.chance(0.5);
  const excluded = options.excludeThemes ?? new Set<string>();
  const themes = [...spec.themes, ...GENERIC_THEMES].filter((theme) => !excluded.has(theme.name));
  const wanted = options.projectCount ?? rng.int(3, 15);
  // The department's own projects come first, as filings list them; generic ones fill up.
  const ownThemes = rng.shuffle(themes.filter((theme) => spec.themes.includes(theme)));
  const genericThemes = rng.shuffle(themes.filter((theme) => !spec.themes.includes(theme)));
  const ownShare = Math.min(ownThemes.length, Math.max(1, Math.ceil(wanted * 0.6)));
  const chosen = [...ownThemes.slice(0, ownShare), ...genericThemes, ...ownThemes.slice(ownShare)].slice(0, wanted);
  const base = { spec, costAsLevel1 };
  return {
    spec,
    place,
    department: `${place}${name}`,
    year,
    effectLabel,
    costAsLevel1,
    closingLine: rng.weighted<string>([
      [CLOSING_LINES[0], 6],
      [CLOSING_LINES[1], 2],
      [CLOSING_LINES[2], 2],
    ]),
    projects: chosen.map((theme) => buildProject(rng, base, theme)),
  };
}
