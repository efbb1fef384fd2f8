import type Database from 'better-sqlite3';
import type { Finding } from '../model/finding.js';

/** Read-only queries the report needs beyond FilingStore's: small, over the store's `db`. */

/** The filings to report, in id order; `missing` are requested ids the database does not hold. */
export function reportFilingIds(db: Database.Database, wanted?: readonly number[]): { ids: number[]; missing: number[] } {
  const all = db.prepare('SELECT id FROM filings ORDER BY id').pluck().all() as number[];
  if (!wanted) return { ids: all, missing: [] };
  const present = new Set(all);
  const asked = new Set(wanted);
  return { ids: all.filter((id) => asked.has(id)), missing: [...asked].filter((id) => !present.has(id)) };
}

/** A copied_section finding of another filing that points into this one: the other side of the link. */
export interface IncomingCopy {
  fromFiling: number;
  /** Position of the finding among the other filing's findings (as FilingStore.findingsOf orders them). */
  findingIndex: number;
  severity: Finding['severity'];
  message: string;
  page: number | null;
  start: number;
  end: number;
}

/**
 * Every copy finding's location in another filing, grouped by that filing: the page of the copied
 * filing shows where its text was found again and links back. Only the few fields needed are read
 * (no quotes), so this stays small even for a large corpus.
 */
export function incomingCopies(db: Database.Database): Map<number, IncomingCopy[]> {
  const rows = db
    .prepare(
      `SELECT f.filing_id AS fromFiling,
              (SELECT COUNT(*) FROM findings g WHERE g.filing_id = f.filing_id AND g.id < f.id) AS findingIndex,
              f.severity, f.message,
              json_extract(l.value, '$.filing_id') AS toFiling,
              json_extract(l.value, '$.page') AS page,
              json_extract(l.value, '$.start') AS start,
              json_extract(l.value, '$.end') AS end
         FROM findings f, json_each(f.data, '$.locations') l
        WHERE f.kind = 'copied_section' AND json_extract(l.value, '$.filing_id') IS NOT NULL
        ORDER BY f.id`,
    )
    .all() as (IncomingCopy & { toFiling: number })[];
  const byFiling = new Map<number, IncomingCopy[]>();
  for (const { toFiling, ...copy } of rows) {
    const list = byFiling.get(toFiling) ?? [];
    list.push(copy);
    byFiling.set(toFiling, list);
  }
  return byFiling;
}
