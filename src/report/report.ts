import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store.js';
import { filingFileName, filingPage } from './filing-page.js';
import { indexPage, indexRow, type IndexRow } from './index-page.js';
import { reportFilingIds } from './queries.js';

/**
 * Writes the review report: index.html and one page per filing. Filings are read, rendered and written
 * one at a time (only the small index rows are kept), so a database of thousands of filings is never
 * held in memory.
 */

export interface ReportOptions {
  outDir: string;
  /** Only these filings (all when absent). */
  filingIds?: readonly number[];
  /** How a stored absolute path is shown (relative to the working directory, say). */
  displayPath?: (storedPath: string) => string;
  /** Called after each filing page is written. */
  onFiling?: (done: number, total: number) => void;
}

export interface ReportSummary {
  filings: number;
  outDir: string;
  index: string;
}

export class UnknownFilingError extends Error {
  constructor(readonly ids: number[]) {
    super(`no filing ${ids.map((id) => `#${id}`).join(', ')} in the database`);
    this.name = 'UnknownFilingError';
  }
}

/** Write through a temporary name: a reviewer opening the folder mid-run never sees half a page. */
function writeAtomically(file: string, content: string): void {
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function writeReport(store: Store, options: ReportOptions): Promise<ReportSummary> {
  const all = (await store.listFilings()).map((filing) => filing.id);
  const { ids, missing } = reportFilingIds(all, options.filingIds);
  if (missing.length) throw new UnknownFilingError(missing);
  const outDir = path.resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const display = options.displayPath ?? ((p: string) => p);
  const incoming = await store.incomingCopies();
  const inReport = new Set(ids);
  const filingHref = (id: number, fragment: string) =>
    inReport.has(id) || existsSync(path.join(outDir, filingFileName(id))) ? `${filingFileName(id)}#${fragment}` : null;

  const positionOf = new Map(ids.map((id, k) => [id, k]));
  const rows: IndexRow[] = [];
  // the ids were read first (for previous/next links); a filing stored meanwhile waits for the next report
  for await (const filing of store.exportedFilings(ids)) {
    const id = filing.filing.id;
    const position = positionOf.get(id)!;
    const displayPath = display(filing.filing.path);
    const page = filingPage({
      filing,
      document: await store.loadDocument(id),
      displayPath,
      incoming: incoming.get(id) ?? [],
      previous: position > 0 ? ids[position - 1] : null,
      next: position + 1 < ids.length ? ids[position + 1] : null,
      position: position + 1,
      count: ids.length,
      filingHref,
    });
    writeAtomically(path.join(outDir, filingFileName(id)), page);
    rows.push(indexRow(filing, displayPath));
    options.onFiling?.(rows.length, ids.length);
  }
  const index = path.join(outDir, 'index.html');
  writeAtomically(index, indexPage(rows, new Date().toISOString().replace('T', ' ').slice(0, 19)));
  return { filings: rows.length, outDir, index };
}
