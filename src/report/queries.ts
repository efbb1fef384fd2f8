export type { IncomingCopy } from '../store/store.js';

/** The filings to report, in id order; `missing` are requested ids the database does not hold. */
export function reportFilingIds(all: readonly number[], wanted?: readonly number[]): { ids: number[]; missing: number[] } {
  if (!wanted) return { ids: [...all], missing: [] };
  const present = new Set(all);
  const asked = new Set(wanted);
  return { ids: all.filter((id) => asked.has(id)), missing: [...asked].filter((id) => !present.has(id)) };
}
