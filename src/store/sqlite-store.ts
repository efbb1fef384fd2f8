import type { DocumentModel } from '../model/document.js';
import type { ExportedFiling } from '../model/export.js';
import type { Finding } from '../model/finding.js';
import { type ErrorRow, type FilingRow, FilingStore } from './database.js';
import { exportedFilings } from './export.js';
import type { FilingRecord } from './record.js';
import { type Committed, type IncomingCopy, type Store, type StoredVersion, groupIncoming, storeErrorRow } from './store.js';

/** The embedded engine: FilingStore (better-sqlite3, synchronous) behind the Store interface, each call done at once. */
export class SqliteStore implements Store {
  readonly engine = 'sqlite';

  private constructor(readonly filings: FilingStore) {}

  static open(dbPath: string, options: { readonly?: boolean } = {}): SqliteStore {
    return new SqliteStore(FilingStore.open(dbPath, options));
  }

  get location(): string {
    return this.filings.dbPath;
  }

  async close(): Promise<void> {
    this.filings.close();
  }

  async findByPath(filePath: string): Promise<StoredVersion | undefined> {
    return this.filings.findByPath(filePath);
  }

  async knownError(filePath: string, sha256: string): Promise<ErrorRow | undefined> {
    return this.filings.knownError(filePath, sha256);
  }

  async commit(records: FilingRecord[], errors: ErrorRow[]): Promise<Committed> {
    return this.filings.transaction(() => {
      const saved = this.filings.saveFilings(records);
      const rows = [...errors];
      saved.forEach((result, i) => {
        if ('error' in result) rows.push(storeErrorRow(records[i], result.error));
      });
      for (const row of rows) this.filings.recordError(row);
      return { filings: saved, errors: rows };
    });
  }

  async listFilings(): Promise<FilingRow[]> {
    return this.filings.listFilings();
  }

  async getFiling(idOrPath: string | number): Promise<FilingRow | undefined> {
    return this.filings.getFiling(idOrPath);
  }

  async loadDocument(filingId: number): Promise<DocumentModel> {
    return this.filings.loadDocument(filingId);
  }

  async findingsOf(filingId: number): Promise<Finding[]> {
    return this.filings.findingsOf(filingId);
  }

  async listErrors(): Promise<(ErrorRow & { occurred_at: string })[]> {
    return this.filings.listErrors();
  }

  async *exportedFilings(filingIds?: readonly number[]): AsyncGenerator<ExportedFiling> {
    yield* exportedFilings(this.filings, filingIds ? [...filingIds] : undefined);
  }

  async incomingCopies(): Promise<Map<number, IncomingCopy[]>> {
    const rows = this.filings.db
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
    return groupIncoming(rows);
  }
}
