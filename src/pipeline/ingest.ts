import { readFile, stat } from 'node:fs/promises';
import { IngestError, asIngestError } from '../parsers/errors.js';
import { DEFAULT_PARSE_LIMITS, requireFormat, type ParseLimits } from '../parsers/index.js';
import { DEFAULT_DB_PATH, DatabaseBusyError, FilingStore } from '../store/database.js';
import { processFile, sha256Of } from './process.js';
import type { StageTimings } from './record.js';
import { walkInputs } from './walk.js';

export interface IngestOptions {
  db?: string;
  /** Re-ingest files whose content has not changed, and retry files that failed before. */
  force?: boolean;
  maxFileBytes?: number;
  limits?: ParseLimits;
  /** Called once per file, in the order files finish. */
  onFile?: (event: FileEvent) => void;
}

export type FileEvent =
  | { status: 'ok'; path: string; filingId: number; pages: number | null; blocks: number; warnings: number; timings: StageTimings }
  | { status: 'skipped'; path: string; reason: string }
  | { status: 'error'; path: string; code: string; stage: string; message: string };

export interface IngestSummary {
  total: number;
  ok: number;
  skipped: number;
  failed: number;
  elapsedMs: number;
  db: string;
}

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Ingest files and folders into the database: each file is parsed, normalized and stored in its own transaction. */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const dbPath = options.db ?? DEFAULT_DB_PATH;
  const store = FilingStore.open(dbPath);
  const summary: IngestSummary = { total: 0, ok: 0, skipped: 0, failed: 0, elapsedMs: 0, db: dbPath };
  const emit = (event: FileEvent) => {
    summary.total++;
    if (event.status === 'ok') summary.ok++;
    else if (event.status === 'skipped') summary.skipped++;
    else summary.failed++;
    options.onFile?.(event);
  };
  try {
    for await (const entry of walkInputs(inputs)) {
      if ('error' in entry) {
        const error = new IngestError('UNREADABLE', entry.error.message, 'read');
        store.recordError({ path: entry.path, sha256: null, stage: 'read', code: error.code, message: error.message });
        emit({ status: 'error', path: entry.path, code: error.code, stage: 'read', message: error.message });
        continue;
      }
      emit(await ingestOne(store, entry.path, options));
    }
  } finally {
    store.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

async function ingestOne(store: FilingStore, filePath: string, options: IngestOptions): Promise<FileEvent> {
  let sha256: string | null = null;
  try {
    const format = requireFormat(filePath);
    const bytes = await readBytes(filePath, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    sha256 = sha256Of(bytes);
    if (!options.force) {
      const existing = store.findByPath(filePath);
      if (existing?.sha256 === sha256 && existing.current) return { status: 'skipped', path: filePath, reason: 'unchanged' };
      const known = store.knownError(filePath, sha256);
      if (known) return { status: 'skipped', path: filePath, reason: `failed before (${known.code}), unchanged; --force retries` };
    }
    const record = await processFile({ path: filePath, sha256, byteSize: bytes.length, format }, bytes, options.limits ?? DEFAULT_PARSE_LIMITS);
    const storeStarted = performance.now();
    const filingId = store.saveFiling(record);
    record.timings.store = performance.now() - storeStarted;
    const { document } = record;
    return { status: 'ok', path: filePath, filingId, pages: document.pageCount, blocks: document.blocks.length, warnings: document.messages.length, timings: record.timings };
  } catch (thrown) {
    if (thrown instanceof DatabaseBusyError) throw thrown;
    const error = asIngestError(thrown, 'parse');
    store.recordError({ path: filePath, sha256, stage: error.stage, code: error.code, message: error.message });
    return { status: 'error', path: filePath, code: error.code, stage: error.stage, message: error.message };
  }
}

async function readBytes(filePath: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(filePath);
    if (info.size > maxBytes) throw new IngestError('TOO_LARGE', `${info.size} bytes, limit ${maxBytes}`, 'read');
    return await readFile(filePath);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('UNREADABLE', (error as Error).message, 'read');
  }
}
