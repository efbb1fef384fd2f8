import path from 'node:path';
import type pg from 'pg';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { type DocumentModel, Message } from '../../model/document.js';
import type { ExportedFiling } from '../../model/export.js';
import { Extraction } from '../../model/extraction.js';
import { Finding } from '../../model/finding.js';
import { type BlockRow, DETERMINISTIC_ERRORS, type ErrorRow, type FilingRow, type SavedFiling, blockRow, rowBlock } from '../database.js';
import { toExportedFiling } from '../export.js';
import { PIPELINE_VERSION } from '../extraction-writer.js';
import type { FilingRecord } from '../record.js';
import { type Committed, type IncomingCopy, type Store, type StoredVersion, groupIncoming, storeErrorRow } from '../store.js';
import { createPool, parsePostgresTarget, type PostgresTarget } from './connection.js';
import { checkAndAddCopies, rememberEvidence } from './copy-index.js';
import { writeExtraction } from './extraction-writer.js';
import { migratePostgres } from './migrations.js';
import { allocateIds, insertRows } from './rows.js';

/** Filings read per query while exporting: memory stays bounded, round trips few. */
const EXPORT_PAGE = 50;

const FILING_COLUMNS = `id, path, sha256, format, byte_size, page_count,
  to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ingested_at, status`;

/** The shared engine: a PostgreSQL server that any number of machines write to at once (see docs/postgres.md). */
export class PostgresStore implements Store {
  readonly engine = 'postgres';

  private constructor(
    readonly pool: pg.Pool,
    readonly target: PostgresTarget,
  ) {}

  static async open(url: string, options: { connections?: number } = {}): Promise<PostgresStore> {
    const target = parsePostgresTarget(url);
    const pool = createPool(target, options.connections);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, target.schema);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw new Error(`cannot use the PostgreSQL database ${target.display}: ${(error as Error).message}`);
    }
    return new PostgresStore(pool, target);
  }

  get location(): string {
    return this.target.display;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Run `work` in one transaction on one connection. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async findByPath(filePath: string): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query<{ id: number; sha256: string; pipeline_version: number | null }>(
      'SELECT f.id, f.sha256, e.pipeline_version FROM filings f LEFT JOIN extractions e ON e.filing_id = f.id WHERE f.path = $1',
      [filePath],
    );
    const row = rows[0];
    return row && { id: row.id, sha256: row.sha256, current: row.pipeline_version === PIPELINE_VERSION };
  }

  async knownError(filePath: string, sha256: string): Promise<ErrorRow | undefined> {
    const { rows } = await this.pool.query<ErrorRow>(
      'SELECT path, sha256, stage, code, message FROM ingest_errors WHERE path = $1 AND sha256 = $2 ORDER BY id DESC LIMIT 1',
      [filePath, sha256],
    );
    return rows[0] && DETERMINISTIC_ERRORS.has(rows[0].code) ? rows[0] : undefined;
  }

  async commit(records: FilingRecord[], errors: ErrorRow[]): Promise<Committed> {
    return this.transaction(async (client) => {
      const filings: SavedFiling[] = [];
      const rows = [...errors];
      for (const record of records) {
        const saved = await this.saveInSavepoint(client, record);
        filings.push(saved);
        if ('error' in saved) rows.push(storeErrorRow(record, saved.error));
      }
      for (const row of rows) await this.recordError(client, row);
      return { filings, errors: rows };
    });
  }

  /** Store one filing inside the caller's transaction; a failure rolls back this filing alone. */
  async saveInSavepoint(client: PoolClient, record: FilingRecord): Promise<SavedFiling> {
    await client.query('SAVEPOINT filing');
    try {
      const filingId = await this.saveFiling(client, record);
      await client.query('RELEASE SAVEPOINT filing');
      return { filingId };
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT filing');
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  async recordError(client: PoolClient, row: ErrorRow): Promise<void> {
    await client.query('INSERT INTO ingest_errors (path, sha256, stage, code, message, occurred_at) VALUES ($1, $2, $3, $4, $5, now())', [
      row.path,
      row.sha256,
      row.stage,
      row.code,
      row.message,
    ]);
  }

  /** Store a filing and everything extracted from it, replacing any earlier version of the same path (as FilingStore.saveFiling). */
  private async saveFiling(client: PoolClient, record: FilingRecord): Promise<number> {
    const { file, document } = record;
    await client.query('DELETE FROM filings WHERE path = $1', [file.path]);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO filings (path, sha256, format, byte_size, page_count, ingested_at, status, encoding, normalized_text,
                            source_text, source_map, printed_pages, page_starts, messages)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        file.path,
        file.sha256,
        file.format,
        file.byteSize,
        document.pageCount,
        document.messages.length > 0 ? 'warnings' : 'ok',
        typeof record.meta.encoding === 'string' ? record.meta.encoding : null,
        document.text,
        document.sourceText,
        JSON.stringify({ runs: document.sourceRuns, sourceBlocks: document.sourceBlocks }),
        JSON.stringify(document.printedPageNumbers),
        JSON.stringify(document.pageStarts),
        JSON.stringify(document.messages),
      ],
    );
    const filingId = rows[0].id;
    const blocks = document.blocks.map((block, idx) => {
      const row = blockRow(filingId, idx, block);
      return [row.filing_id, row.idx, row.type, row.level, row.marker, row.page, row.start, row.end, row.text, row.cells];
    });
    await insertRows(client, 'blocks', ['filing_id', 'idx', 'type', 'level', 'marker', 'page', 'start', 'end', 'text', 'cells'], blocks);
    await writeExtraction(client, filingId, record.extraction);
    const copies = await checkAndAddCopies(client, `filings-copy-index:${this.target.schema}`, filingId, document, record.copyParagraphs);
    const findings = [...record.findings, ...copies.map((c) => c.finding)].map((raw) => Finding.parse(raw));
    const ids = await allocateIds(client, 'findings', findings.length);
    await insertRows(
      client,
      'findings',
      ['id', 'filing_id', 'kind', 'severity', 'project', 'message', 'message_en', 'expected', 'actual', 'data'],
      findings.map((f, k) => [
        ids[k],
        filingId,
        f.kind,
        f.severity,
        f.project,
        f.message,
        f.message_en,
        f.expected,
        f.actual,
        JSON.stringify(f),
      ]),
    );
    await rememberEvidence(client, ids.slice(record.findings.length), copies);
    return filingId;
  }

  async listFilings(): Promise<FilingRow[]> {
    return (await this.pool.query<FilingRow>(`SELECT ${FILING_COLUMNS} FROM filings ORDER BY id`)).rows;
  }

  async getFiling(idOrPath: string | number): Promise<FilingRow | undefined> {
    const byId = typeof idOrPath === 'number' || /^\d+$/.test(idOrPath);
    const { rows } = await this.pool.query<FilingRow>(`SELECT ${FILING_COLUMNS} FROM filings WHERE ${byId ? 'id' : 'path'} = $1`, [
      byId ? Number(idOrPath) : path.resolve(String(idOrPath)),
    ]);
    return rows[0];
  }

  async loadDocument(filingId: number): Promise<DocumentModel> {
    const { rows } = await this.pool.query<Record<string, string | number | null>>(
      'SELECT format, page_count, normalized_text, source_text, source_map, printed_pages, page_starts, messages FROM filings WHERE id = $1',
      [filingId],
    );
    const row = rows[0];
    const blocks = (
      await this.pool.query<BlockRow>(
        'SELECT filing_id, idx, type, level, marker, page, start, "end", text, cells FROM blocks WHERE filing_id = $1 ORDER BY idx',
        [filingId],
      )
    ).rows.map(rowBlock);
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

  async findingsOf(filingId: number): Promise<Finding[]> {
    const { rows } = await this.pool.query<{ data: unknown }>('SELECT data FROM findings WHERE filing_id = $1 ORDER BY id', [filingId]);
    // jsonb keeps its own key order: parsing gives back the schema's, as the SQLite engine stores it
    return rows.map((r) => Finding.parse(r.data));
  }

  async listErrors(): Promise<(ErrorRow & { occurred_at: string })[]> {
    const { rows } = await this.pool.query<ErrorRow & { occurred_at: string }>(
      `SELECT path, sha256, stage, code, message,
              to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at
         FROM ingest_errors ORDER BY id`,
    );
    return rows;
  }

  async *exportedFilings(filingIds?: readonly number[]): AsyncGenerator<ExportedFiling> {
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<{
        id: number;
        path: string;
        sha256: string;
        format: string;
        page_count: number | null;
        data: unknown;
      }>(
        `SELECT f.id, f.path, f.sha256, f.format, f.page_count, e.data
           FROM filings f LEFT JOIN extractions e ON e.filing_id = f.id
          WHERE f.id > $1 AND ($2::bigint[] IS NULL OR f.id = ANY($2::bigint[]))
          ORDER BY f.id LIMIT ${EXPORT_PAGE}`,
        [after, filingIds ? [...filingIds] : null],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        yield toExportedFiling(row, row.data, await this.findingsOf(row.id));
      }
      after = rows[rows.length - 1].id;
    }
  }

  async incomingCopies(): Promise<Map<number, IncomingCopy[]>> {
    const { rows } = await this.pool.query<IncomingCopy & { toFiling: number }>(
      `SELECT f.filing_id AS "fromFiling",
              (SELECT count(*) FROM findings g WHERE g.filing_id = f.filing_id AND g.id < f.id)::integer AS "findingIndex",
              f.severity, f.message,
              (l.value->>'filing_id')::bigint AS "toFiling",
              (l.value->>'page')::integer AS page,
              (l.value->>'start')::integer AS start,
              (l.value->>'end')::integer AS "end"
         FROM findings f, jsonb_array_elements(f.data->'locations') WITH ORDINALITY AS l(value, position)
        WHERE f.kind = 'copied_section' AND l.value->>'filing_id' IS NOT NULL
        ORDER BY f.id, l.position`,
    );
    return groupIncoming(rows);
  }
}
