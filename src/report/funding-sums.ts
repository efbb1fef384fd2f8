import { Decimal } from '../model/decimal.js';
import type { FundingItem, Project } from '../model/extraction.js';

/**
 * The figures the report compares, in exact decimals (never float sums): a project's declared total
 * against the sum of its top-level breakdown — the comparison the sum check makes at the top of the
 * funding tree — and a filing's total funding.
 */

export interface FundingComparison {
  /** The declared total in 万元; null when the project states none. */
  declared: Decimal | null;
  /** Sum of the top-level items that have an amount; null when the project has no priced item. */
  computed: Decimal | null;
  pricedItems: FundingItem[];
  /** Top-level items without an amount (`其他欠款等`): they may hold the difference. */
  unpricedItems: FundingItem[];
}

export function fundingComparison(project: Project): FundingComparison {
  const pricedItems = project.funding_items.filter((item) => item.amount !== null);
  const unpricedItems = project.funding_items.filter((item) => item.amount === null);
  const computed = pricedItems.length ? pricedItems.reduce((sum, item) => sum.add(Decimal.parse(item.amount!.wan)), Decimal.ZERO) : null;
  return { declared: project.total ? Decimal.parse(project.total.wan) : null, computed, pricedItems, unpricedItems };
}

export function differs(comparison: FundingComparison): boolean {
  return comparison.declared !== null && comparison.computed !== null && !comparison.declared.equals(comparison.computed);
}

/** Sum of the projects' declared totals in 万元; null when no project states one. */
export function filingTotal(projects: readonly Project[]): Decimal | null {
  const totals = projects.flatMap((p) => (p.total ? [Decimal.parse(p.total.wan)] : []));
  return totals.length ? totals.reduce((sum, t) => sum.add(t), Decimal.ZERO) : null;
}

/** "1234567.5" → "1,234,567.5": grouping on the exact decimal text, not through a float. */
export function groupDigits(value: Decimal): string {
  const [whole, fraction] = value.toString().split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
