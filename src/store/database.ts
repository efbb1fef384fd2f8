import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { type Block, type DocumentModel, Message } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { FilingRecord } from './record.js';
import { ExtractionWriter, PIPELINE_VERSION } from './extraction-writer.js';
import { CopyIndex } from './copy-index.js';
import { FindingWriter } from './finding-writer.js';
import { SCHEMA_VERSION, migrate } from './migrations.js';

export const DEFAULT_DB_PATH = path.join('output', 'filings.sqlite');
/** How long a write waits for another process holding the database before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

export interface FilingRow {
  id: number;
  path: string;
  sha256: string;
  format: string;
  byte_size: number;
  page_count: number | null;
  ingested_at: string;
  status: string;
}

/** What became of one filing of a batch: its id, or why it could not be stored. */
export type SavedFiling = { filingId: number } | { error: Error };

export interface ErrorRow {
  path: string;
  sha256: string | null;
  stage: string;
  code: string;
  message: string;
}

/** Errors that the same bytes will give again: not retried on a re-run unless forced. */
export const DETERMINISTIC_ERRORS = new Set([
  'EMPTY_FILE',
  'NOT_TEXT',
  'ENCODING',
  'CORRUPT_DOCX',
  'NOT_DOCX',
  'ZIP_BOMB',
  'CORRUPT_PDF',
  'NOT_PDF',
  'ENCRYPTED_PDF',
  'DAMAGED_PDF',
  'NO_TEXT_LAYER',
  'NO_TEXT',
  'UNSUPPORTED_FORMAT',
]);

export class DatabaseBusyError extends Error {
  constructor(dbPath: string) {
    super(`the database ${dbPath} is locked by another process (waited ${BUSY_TIMEOUT_MS / 1000} s); try again when it has finished`);
    this.name = 'DatabaseBusyError';
  }
}

/** A database this code must not read or write: another application's, or a newer release's. Nothing was written. */
export class DatabaseSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseSchemaError';
  }
}

/**
 * Refuse, before anything is written (even the WAL mode, which changes the file header), a database that
 * is not this tool's (tables but no `filings`), one a newer release wrote, and — to read — one that still
 * needs migrating (its tables are not what the queries expect).
 */
function checkSchema(db: Database.Database, dbPath: string, readonly: boolean): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  ).map((t) => t.name);
  if (version === 0 && tables.length === 0) {
    if (readonly) throw new DatabaseSchemaError(`${dbPath} is an empty database (run filings ingest first)`);
    return;
  }
  if (!tables.includes('filings')) {
    const some = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ', …' : '');
    throw new DatabaseSchemaError(
      `${dbPath} is not a filings database (it holds the tables ${some || 'none'}, schema version ${version}); nothing was written`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new DatabaseSchemaError(
      `${dbPath} was written by a newer release of filings (schema version ${version}; this one knows up to ${SCHEMA_VERSION}); nothing was written`,
    );
  }
  if (readonly && version < SCHEMA_VERSION) {
    throw new DatabaseSchemaError(
      `${dbPath} has schema version ${version}, this release reads ${SCHEMA_VERSION}: run filings migrate --db ${dbPath} (ingest also migrates)`,
    );
  }
}

export class FilingStore {
  private constructor(
    readonly db: Database.Database,
    readonly dbPath: string,
  ) {}

  static open(dbPath: string = DEFAULT_DB_PATH, options: { readonly?: boolean } = {}): FilingStore {
    if (!options.readonly) mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    const db = new Database(dbPath, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: BUSY_TIMEOUT_MS,
    });
    try {
      checkSchema(db, dbPath, options.readonly === true);
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // a 16 MB page cache ingests 3,000 generated filings as fast as 64 MB did, with ≈60 MB less
        db.pragma('cache_size = -16384');
        // rare WAL checkpoints (every ≈120 MB of log): a checkpoint copies each page changed since the last
        // one once, and the copy index changes pages all over its B-tree. Over 10,000 filings on 2 workers
        // the last tenth ran at 90% of the first with 10,000 pages, at 99% with 30,000
        db.pragma('wal_autocheckpoint = 30000');
        db.pragma('foreign_keys = ON');
        // one process at a time reads the schema version and migrates: two ingests starting together on a
        // new database would otherwise both create the tables
        db.transaction(() => migrate(db)).immediate();
      }
    } catch (error) {
      db.close();
      throw isBusy(error) ? new DatabaseBusyError(dbPath) : error;
    }
    return new FilingStore(db, dbPath);
  }

  close(): void {
    this.db.close();
  }

  /** The schema version the database is at (after open, the current one unless read-only). */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Run `work` in one transaction; a busy database becomes a clear error. */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw isBusy(error) ? new DatabaseBusyError(this.dbPath) : error;
    }
  }

  /** The stored filing at this path, and whether the current pipeline version produced it. */
  findByPath(filePath: string): { id: number; sha256: string; current: boolean } | undefined {
    const row = this.statements.findByPath.get(filePath) as { id: number; sha256: string; pipeline_version: number | null } | undefined;
    return row && { id: row.id, sha256: row.sha256, current: row.pipeline_version === PIPELINE_VERSION };
  }

  /** The last deterministic error recorded for these exact bytes at this path, if any. */
  knownError(filePath: string, sha256: string): ErrorRow | undefined {
    const row = this.statements.lastError.get(filePath, sha256) as ErrorRow | undefined;
    return row && DETERMINISTIC_ERRORS.has(row.code) ? row : undefined;
  }

  recordError(error: ErrorRow): void {
    this.transaction(() => this.statements.insertError.run({ ...error, occurred_at: new Date().toISOString() }));
  }

  /** Store a filing and everything extracted from it, replacing any earlier version of the same path. Returns its id. */
  saveFiling(record: FilingRecord): number {
    return this.transaction(() => {
      const { file, document } = record;
      this.statements.deleteByPath.run(file.path);
      const info = this.statements.insertFiling.run({
        path: file.path,
        sha256: file.sha256,
        format: file.format,
        byte_size: file.byteSize,
        page_count: document.pageCount,
        ingested_at: new Date().toISOString(),
        status: document.messages.length > 0 ? 'warnings' : 'ok',
        encoding: typeof record.meta.encoding === 'string' ? record.meta.encoding : null,
        normalized_text: document.text,
        source_text: document.sourceText,
        source_map: JSON.stringify({ runs: document.sourceRuns, sourceBlocks: document.sourceBlocks }),
        printed_pages: JSON.stringify(document.printedPageNumbers),
        page_starts: JSON.stringify(document.pageStarts),
        messages: JSON.stringify(document.messages),
      });
      const filingId = Number(info.lastInsertRowid);
      document.blocks.forEach((block, idx) => this.statements.insertBlock.run(blockRow(filingId, idx, block)));
      this.extractionWriter.write(filingId, record.extraction);
      const copies = this.copyIndex.checkAndAdd(filingId, document, record.copyParagraphs);
      const ids = this.findingWriter.write(filingId, [...record.findings, ...copies.map((c) => c.finding)]);
      this.copyIndex.remember(ids.slice(record.findings.length), copies);
      return filingId;
    });
  }

  /**
   * Store several filings in one transaction (one commit instead of one per filing: what makes bulk
   * ingestion fast). Each filing goes through saveFiling, whose transaction becomes a savepoint here, so a
   * filing that cannot be stored is rolled back alone and reported in its place; the others are kept.
   */
  saveFilings(records: FilingRecord[]): SavedFiling[] {
    return this.transaction(() =>
      records.map((record): SavedFiling => {
        try {
          return { filingId: this.saveFiling(record) };
        } catch (error) {
          return { error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
  }

  listFilings(): FilingRow[] {
    return this.db
      .prepare('SELECT id, path, sha256, format, byte_size, page_count, ingested_at, status FROM filings ORDER BY id')
      .all() as FilingRow[];
  }

  getFiling(idOrPath: string | number): FilingRow | undefined {
    const byId = typeof idOrPath === 'number' || /^\d+$/.test(idOrPath);
    const sql = `SELECT id, path, sha256, format, byte_size, page_count, ingested_at, status FROM filings WHERE ${byId ? 'id = ?' : 'path = ?'}`;
    return this.db.prepare(sql).get(byId ? Number(idOrPath) : path.resolve(String(idOrPath))) as FilingRow | undefined;
  }

  /** The stored document model of a filing (blocks, text, source map), as the extractors saw it. */
  loadDocument(filingId: number): DocumentModel {
    const row = this.db
      .prepare(
        'SELECT format, page_count, normalized_text, source_text, source_map, printed_pages, page_starts, messages FROM filings WHERE id = ?',
      )
      .get(filingId) as Record<string, string | number | null>;
    const blocks = (this.db.prepare('SELECT * FROM blocks WHERE filing_id = ? ORDER BY idx').all(filingId) as BlockRow[]).map(rowBlock);
    const sourceMap = JSON.parse(String(row.source_map)) as { runs: [number, number, number][]; sourceBlocks: number[] | null };
    return {
      format: row.format as DocumentModel['format'],
      pageCount: row.page_count as number | null,
      text: String(row.normalized_text),
      blocks,
      sourceText: String(row.source_text),
      sourceRuns: sourceMap.runs,
      sourceBlocks: sourceMap.sourceBlocks,
      printedPageNumbers: JSON.parse(String(row.printed_pages)),
      pageStarts: JSON.parse(String(row.page_starts)),
      messages: z.array(Message).parse(JSON.parse(String(row.messages))),
    };
  }

  /** Findings stored for a filing. */
  findingsOf(filingId: number): Finding[] {
    const rows = this.statements.findingsOf.all(filingId) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Finding);
  }

  /** The filing's section tree, in document order. */
  sectionsOf(filingId: number): StoredSection[] {
    return this.db
      .prepare(
        'SELECT idx, parent_idx, level, style, number, title, kind, page, start, end, span_end FROM sections WHERE filing_id = ? ORDER BY idx',
      )
      .all(filingId) as StoredSection[];
  }

  /** What the extraction accounted for, as stored with it; null for extractions stored before it was measured. */
  coverageOf(filingId: number): { coverage: number | null; evidence: number | null } | null {
    const row = this.db.prepare('SELECT coverage, coverage_evidence FROM extractions WHERE filing_id = ?').get(filingId) as
      | { coverage: number | null; coverage_evidence: number | null }
      | undefined;
    return row ? { coverage: row.coverage, evidence: row.coverage_evidence } : null;
  }

  listErrors(): (ErrorRow & { occurred_at: string })[] {
    return this.db.prepare('SELECT path, sha256, stage, code, message, occurred_at FROM ingest_errors ORDER BY id').all() as (ErrorRow & {
      occurred_at: string;
    })[];
  }

  private cached: ReturnType<FilingStore['prepare']> | undefined;
  private writer: ExtractionWriter | undefined;

  private get extractionWriter(): ExtractionWriter {
    this.writer ??= new ExtractionWriter(this.db);
    return this.writer;
  }

  private copies: CopyIndex | undefined;

  get copyIndex(): CopyIndex {
    this.copies ??= new CopyIndex(this.db);
    return this.copies;
  }

  private findings: FindingWriter | undefined;

  private get findingWriter(): FindingWriter {
    this.findings ??= new FindingWriter(this.db);
    return this.findings;
  }

  private get statements(): ReturnType<FilingStore['prepare']> {
    this.cached ??= this.prepare();
    return this.cached;
  }

  private prepare() {
    const db = this.db;
    return {
      findByPath: db.prepare(
        'SELECT f.id, f.sha256, e.pipeline_version FROM filings f LEFT JOIN extractions e ON e.filing_id = f.id WHERE f.path = ?',
      ),
      lastError: db.prepare(
        'SELECT path, sha256, stage, code, message FROM ingest_errors WHERE path = ? AND sha256 = ? ORDER BY id DESC LIMIT 1',
      ),
      insertError: db.prepare(
        'INSERT INTO ingest_errors (path, sha256, stage, code, message, occurred_at) VALUES (@path, @sha256, @stage, @code, @message, @occurred_at)',
      ),
      deleteByPath: db.prepare('DELETE FROM filings WHERE path = ?'),
      findingsOf: db.prepare('SELECT data FROM findings WHERE filing_id = ? ORDER BY id'),
      insertFiling: db.prepare(`
        INSERT INTO filings (path, sha256, format, byte_size, page_count, ingested_at, status, encoding, normalized_text,
                             source_text, source_map, printed_pages, page_starts, messages)
        VALUES (@path, @sha256, @format, @byte_size, @page_count, @ingested_at, @status, @encoding, @normalized_text,
                @source_text, @source_map, @printed_pages, @page_starts, @messages)`),
      insertBlock: db.prepare(
        'INSERT INTO blocks (filing_id, idx, type, level, marker, page, start, end, text, cells) VALUES (@filing_id, @idx, @type, @level, @marker, @page, @start, @end, @text, @cells)',
      ),
    };
  }
}

export interface BlockRow {
  filing_id: number;
  idx: number;
  type: Block['type'];
  level: number | null;
  marker: string | null;
  page: number | null;
  start: number;
  end: number;
  text: string | null;
  cells: string | null;
}

export function blockRow(filingId: number, idx: number, block: Block): BlockRow {
  return {
    filing_id: filingId,
    idx,
    type: block.type,
    level: block.type === 'heading' ? block.level : null,
    marker: block.type === 'list_item' ? block.marker : null,
    page: block.page,
    start: block.start,
    end: block.end,
    text: block.type === 'table' ? null : block.text,
    cells: block.type === 'table' ? JSON.stringify(block.rows) : null,
  };
}

export function rowBlock(row: BlockRow): Block {
  const base = { page: row.page, start: row.start, end: row.end };
  switch (row.type) {
    case 'heading':
      return { ...base, type: 'heading', level: row.level ?? 1, text: row.text ?? '' };
    case 'list_item':
      return { ...base, type: 'list_item', marker: row.marker ?? '', text: row.text ?? '' };
    case 'table':
      return { ...base, type: 'table', rows: JSON.parse(row.cells ?? '[]') };
    default:
      return { ...base, type: 'paragraph', text: row.text ?? '' };
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export interface StoredSection {
  idx: number;
  parent_idx: number | null;
  level: number;
  style: string;
  number: string;
  title: string;
  kind: 'project' | 'department' | 'statement' | 'other';
  page: number | null;
  start: number;
  end: number;
  span_end: number;
}
