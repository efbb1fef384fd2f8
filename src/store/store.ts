import { IngestError } from '../parsers/errors.js';
import type { DocumentModel } from '../model/document.js';
import type { ExportedFiling } from '../model/export.js';
import type { Finding } from '../model/finding.js';
import type { ErrorRow, FilingRow, SavedFiling } from './database.js';
import type { FilingRecord } from './record.js';

/** The stored version of a path: its hash, and whether the current pipeline version produced it. */
export interface StoredVersion {
  id: number;
  sha256: string;
  current: boolean;
}

/** A copied_section finding of another filing that points into this one: the other side of the link. */
export interface IncomingCopy {
  fromFiling: number;
  /** Position of the finding among the other filing's findings (as findingsOf orders them). */
  findingIndex: number;
  severity: Finding['severity'];
  message: string;
  page: number | null;
  start: number;
  end: number;
}

/** What one commit stored: each filing's id or failure (in order), and every error row it recorded. */
export interface Committed {
  filings: SavedFiling[];
  /** The error rows given, then one per filing that could not be stored. */
  errors: ErrorRow[];
}

/**
 * Everything the product reads from or writes to its database, whatever the engine: SQLite (a file, the
 * default) or PostgreSQL (a shared server). Calls are coarse (a batch, a filing, a list) so that the SQLite
 * engine does its work synchronously inside each call, as fast as before, and the PostgreSQL engine pays
 * one round trip per call rather than per row where it can.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Where the data is, for messages: the file path, or the server URL without its password. */
  readonly location: string;
  close(): Promise<void>;

  findByPath(filePath: string): Promise<StoredVersion | undefined>;
  /** The last deterministic error recorded for these exact bytes at this path, if any. */
  knownError(filePath: string, sha256: string): Promise<ErrorRow | undefined>;
  /**
   * Store filings and error rows in one transaction, each filing atomically (a filing that cannot be stored
   * is rolled back alone and recorded as an error instead).
   */
  commit(records: FilingRecord[], errors: ErrorRow[]): Promise<Committed>;

  listFilings(): Promise<FilingRow[]>;
  getFiling(idOrPath: string | number): Promise<FilingRow | undefined>;
  loadDocument(filingId: number): Promise<DocumentModel>;
  findingsOf(filingId: number): Promise<Finding[]>;
  listErrors(): Promise<(ErrorRow & { occurred_at: string })[]>;
  /** Filings as the export shape, in id order, a few at a time (a database of thousands is never held in memory). */
  exportedFilings(filingIds?: readonly number[]): AsyncIterable<ExportedFiling>;
  /** Every copy finding's location in another filing, grouped by that filing. */
  incomingCopies(): Promise<Map<number, IncomingCopy[]>>;
}

export function groupIncoming(rows: (IncomingCopy & { toFiling: number })[]): Map<number, IncomingCopy[]> {
  const byFiling = new Map<number, IncomingCopy[]>();
  for (const { toFiling, ...copy } of rows) {
    const list = byFiling.get(toFiling) ?? [];
    list.push(copy);
    byFiling.set(toFiling, list);
  }
  return byFiling;
}

/** The error row of a filing that reached the store but could not be stored. */
export function storeErrorRow(record: FilingRecord, error: Error): ErrorRow {
  const failure = new IngestError('INTERNAL', error.message, 'store');
  return { path: record.file.path, sha256: record.file.sha256, stage: 'store', code: failure.code, message: failure.message };
}

/** A filing's section tree and coverage, as stored with its extraction (the same in both engines). */
export async function layoutOf(store: Store, filingId: number): Promise<Pick<ExportedFiling, 'sections' | 'coverage'>> {
  for await (const filing of store.exportedFilings([filingId])) return { sections: filing.sections, coverage: filing.coverage };
  return { sections: [], coverage: null };
}
