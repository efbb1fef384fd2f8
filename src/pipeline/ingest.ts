import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { IngestError, asIngestError } from '../parsers/errors.js';
import { DEFAULT_PARSE_LIMITS, requireFormat, type ParseLimits } from '../parsers/index.js';
import { dbTarget, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { BatchWriter, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batch-writer.js';
import type { FileEvent } from './events.js';
import { sha256Of } from './hash.js';
import { readRegularFile } from './read-file.js';
import { JOBS_PER_WORKER, WorkerPool, WorkerStartError } from './worker-pool.js';
import { walkInputs } from './walk.js';

export type { FileEvent } from './events.js';

export interface IngestOptions {
  /** A SQLite file or a postgres:// URL (see dbTarget); default $FILINGS_DB, else output/filings.sqlite. */
  db?: string;
  /** Re-ingest files whose content has not changed, and retry files that failed before. */
  force?: boolean;
  /** Worker threads processing files in parallel; default the number of cores. */
  workers?: number;
  /** A file still processing after this long is recorded as a TIMEOUT error; default 60 s. */
  timeoutMs?: number;
  /** Each worker's JavaScript heap limit in MB; default 2,048 (see DEFAULT_WORKER_HEAP_MB). */
  workerHeapMb?: number;
  /** Larger files are refused (TOO_LARGE), reading at most this much; default 200 MiB. */
  maxFileBytes?: number;
  /** Follow symbolic links met while walking folders; default no (they are reported as skipped). */
  followSymlinks?: boolean;
  limits?: ParseLimits;
  batch?: BatchLimits;
  /** When aborted, no new file is started; files in progress are finished and committed, then ingest returns. */
  signal?: AbortSignal;
  /** Called once per file, in the order files are committed (not the walk's order: workers finish out of order). */
  onFile?: (event: FileEvent) => void;
}

export interface IngestSummary {
  total: number;
  ok: number;
  skipped: number;
  failed: number;
  elapsedMs: number;
  db: string;
  workers: number;
  /** Stopped by the signal before every file was seen. */
  interrupted: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Ingest files and folders into the database. The walk streams paths; the main thread reads and hashes
 * each file and skips what is already stored; worker threads parse, normalize, extract and check; the main
 * thread, the one writer, commits results in batches. Memory is bounded whatever the number of files: at
 * most JOBS_PER_WORKER files per worker (one running, the others waiting in its port), one more being read,
 * and one batch of records.
 */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const dbPath = dbTarget(options.db);
  const workers = options.workers ?? availableParallelism();
  const summary: IngestSummary = { total: 0, ok: 0, skipped: 0, failed: 0, elapsedMs: 0, db: dbPath, workers, interrupted: false };
  const inFlight = new Set<string>();
  const emit = (event: FileEvent) => {
    if (event.status !== 'skipped') inFlight.delete(event.path);
    summary.total++;
    if (event.status === 'ok') summary.ok++;
    else if (event.status === 'skipped') summary.skipped++;
    else summary.failed++;
    options.onFile?.(event);
  };

  // the first error that stops the run (locked database, worker that cannot start)
  const fatal: { error: unknown }[] = [];
  const queue = new PQueue({ concurrency: (JOBS_PER_WORKER + 1) * workers });
  const fail = (error: unknown) => {
    if (fatal.length === 0) fatal.push({ error });
    queue.clear();
  };
  const stopping = () => fatal.length > 0 || options.signal?.aborted === true;

  const store = await openStore(dbPath);
  summary.db = store.location;
  let pool: WorkerPool | null = null;
  const writer = new BatchWriter(store, emit, fail, options.batch ?? DEFAULT_BATCH_LIMITS);
  try {
    pool = new WorkerPool({ size: workers, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, heapMb: options.workerHeapMb });
    const file = new FileIngest(store, pool, writer, inFlight, emit, options);
    for await (const entry of walkInputs(inputs, { followSymlinks: options.followSymlinks })) {
      if (stopping()) break;
      if ('skip' in entry) {
        emit({ status: 'skipped', path: entry.path, reason: entry.skip });
        continue;
      }
      if ('error' in entry) {
        const error = new IngestError('UNREADABLE', entry.error.message, 'read');
        await writer.addError({ path: entry.path, sha256: null, stage: 'read', code: error.code, message: error.message });
        continue;
      }
      // backpressure: the walk waits while a full line of files waits for workers
      await queue.onSizeLessThan(queue.concurrency);
      if (stopping()) break;
      queue.add(() => file.ingest(entry.path, entry.explicit)).catch(fail);
    }
    if (stopping()) queue.clear();
    await queue.onIdle();
    await writer.flush();
  } catch (error) {
    fail(error);
  } finally {
    await writer.close();
    await pool?.close();
    await store.close();
  }
  if (fatal.length > 0) throw fatal[0].error;
  summary.interrupted = options.signal?.aborted === true;
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** One file's way from path to writer. */
class FileIngest {
  private readonly maxFileBytes: number;
  private readonly limits: ParseLimits;

  constructor(
    private readonly store: Store,
    private readonly pool: WorkerPool,
    private readonly writer: BatchWriter,
    private readonly inFlight: Set<string>,
    private readonly emit: (event: FileEvent) => void,
    private readonly options: IngestOptions,
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  }

  async ingest(filePath: string, explicit: boolean): Promise<void> {
    let sha256: string | null = null;
    try {
      const format = requireFormat(filePath);
      const readStarted = performance.now();
      // links named on the command line are followed; the walk has already decided about the others
      const followSymlinks = explicit || this.options.followSymlinks === true;
      const deadline = Date.now() + (this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const read = await readRegularFile(filePath, this.maxFileBytes, followSymlinks, deadline);
      if ('skip' in read) {
        this.emit({ status: 'skipped', path: filePath, reason: read.skip });
        return;
      }
      const { bytes } = read;
      sha256 = sha256Of(bytes);
      const readMs = performance.now() - readStarted;
      // the same path named twice (a folder and a file in it) while its first copy is not yet committed
      if (this.inFlight.has(filePath)) {
        this.emit({ status: 'skipped', path: filePath, reason: 'named twice' });
        return;
      }
      this.inFlight.add(filePath);
      const skip = await this.skipReason(filePath, sha256);
      if (skip !== null) {
        this.inFlight.delete(filePath);
        this.emit({ status: 'skipped', path: filePath, reason: skip });
        return;
      }
      const outcome = await this.pool.run({ path: filePath, sha256, byteSize: bytes.length, format }, bytes, this.limits);
      if (outcome.ok) {
        outcome.record.timings.read = readMs;
        await this.writer.addFiling(outcome.record);
      } else {
        const { code, stage, detail } = outcome.failure;
        await this.writer.addError({ path: filePath, sha256, stage, code, message: new IngestError(code, detail, stage).message });
      }
    } catch (thrown) {
      // no file can be processed: the run stops (ingest's fail)
      if (thrown instanceof WorkerStartError) throw thrown;
      const error = asIngestError(thrown, 'read');
      await this.writer.addError({ path: filePath, sha256, stage: error.stage, code: error.code, message: error.message });
    }
  }

  /** Why this file need not be processed, or null. */
  private async skipReason(filePath: string, sha256: string): Promise<string | null> {
    if (this.options.force) return null;
    const existing = await this.store.findByPath(filePath);
    if (existing?.sha256 === sha256 && existing.current) return 'unchanged';
    const known = await this.store.knownError(filePath, sha256);
    if (known) return `failed before (${known.code}), unchanged; --force retries`;
    return null;
  }
}
