import { wanString } from '../money.js';
import type { BlockRole, CellMerge, SynthBlock } from '../filing.js';
import type { FilingPlan, FundingNode, IndicatorPlan, Level1, ProjectPlan } from '../plan.js';
import type { Target } from '../thresholds.js';
import type { FundingItem, IndicatorCategory, ProjectTruth, Threshold, Truth } from '../truth.js';

/** What every template returns: the blocks in order and the truth as those blocks print it. */
export interface Rendered {
  blocks: SynthBlock[];
  projects: ProjectTruth[];
  departmentGoals: Truth['department_goals'];
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section and goal numbering). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** How a filing numbers a list: "1、", "1.", "（1）", "（一）", "一是". */
export type MarkerStyle = 'dun' | 'dot' | 'paren' | 'cnParen' | 'cnShi';

export function marker(style: MarkerStyle, n: number): string {
  switch (style) {
    case 'dun':
      return `${n}、`;
    case 'dot':
      return `${n}.`;
    case 'paren':
      return `（${n}）`;
    case 'cnParen':
      return `（${chineseNumber(n)}）`;
    case 'cnShi':
      return `${chineseNumber(n)}是`;
  }
}

/** Fills `{key}` slots of a phrasing pattern; unknown keys stay visible so a missing value shows in review. */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * What stands between an indicator and a one-word target: "校舍安全隐患有效消除" reads on, but
 * "项目完成及时性及时" does not, so short words follow a colon as forms print them ("项目完成及时性：及时").
 */
export function qualitativeJoiner(target: Target): string {
  return target.kind === 'qualitative' && [...target.word].length <= 2 ? '：' : '';
}

/** "教育股" → "教 育 股", as filings set short unit names; long names stay as they are. */
export function spacedUnit(unit: string): string {
  return unit.length <= 5 ? [...unit].join(' ') : unit;
}

/** Collects blocks in order, each tagged with its project and role. */
export class BlockSink {
  readonly blocks: SynthBlock[] = [];

  heading(level: 1 | 2 | 3, text: string, role: BlockRole, project: number | null = null): void {
    this.blocks.push({ type: 'heading', level, text, role, project });
  }

  paragraph(text: string, role: BlockRole, project: number | null = null): void {
    this.blocks.push({ type: 'paragraph', text, role, project });
  }

  listItem(marker: string, text: string, role: BlockRole, project: number | null = null): void {
    this.blocks.push({ type: 'list_item', marker, text, role, project });
  }

  table(rows: string[][], merges: CellMerge[], headerRows: number, role: BlockRole, project: number | null = null): void {
    const width = Math.max(...rows.map((row) => row.length));
    const grid = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
    this.blocks.push({ type: 'table', rows: grid, merges, headerRows, role, project });
  }
}

/** Names a project goes by in one filing: the first recorded is its truth name, the rest are aliases. */
export class NameRecorder {
  private readonly names: string[] = [];

  use(name: string): string {
    if (!this.names.includes(name)) this.names.push(name);
    return name;
  }

  get name(): string {
    return this.names[0];
  }

  get aliases(): string[] {
    return this.names.slice(1);
  }
}

export function fundingTruth(node: FundingNode): FundingItem {
  return {
    label: node.label,
    wan: node.amount === null ? null : wanString(node.amount),
    children: node.children.map(fundingTruth),
  };
}

/** The 一级 category as this filing prints it (效益 or, in older prose, 效果). */
export function categoryOf(plan: FilingPlan, level1: Level1): IndicatorCategory {
  return level1 === '效益' ? plan.effectLabel : level1;
}

export function indicatorTruth(
  plan: FilingPlan,
  indicator: IndicatorPlan,
  thresholds: Threshold[],
  options: { goalIndex: number | null; withSubcategory: boolean },
): ProjectTruth['indicators'][number] {
  return {
    goal_index: options.goalIndex,
    category: categoryOf(plan, indicator.level1),
    subcategory: options.withSubcategory ? indicator.subcategory : null,
    name: indicator.name,
    thresholds,
  };
}

/** The project truth fields every template fills the same way. */
export function projectTruthBase(plan: FilingPlan, project: ProjectPlan): Pick<ProjectTruth, 'department' | 'unit' | 'year'> {
  return { department: plan.department, unit: project.unit, year: plan.year };
}

/** The project name with the 项目 suffix filings add ("学生资助经费项目"), unless it already ends in one. */
export function withProjectSuffix(name: string): string {
  return /(项目|工程)$/.test(name) ? name : `${name}项目`;
}
