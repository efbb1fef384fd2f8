import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import { IngestError, asIngestError } from '../parsers/errors.js';
import { DEFAULT_PARSE_LIMITS, requireFormat, type ParseLimits } from '../parsers/index.js';
import type { ErrorRow } from '../store/database.js';
import type { PostgresStore } from '../store/postgres/store.js';
import { storeErrorRow } from '../store/store.js';
import type { FilingRecord } from '../store/record.js';
import type { FileEvent } from './events.js';
import { okEvent } from './batch-writer.js';
import { DEFAULT_TIMEOUT_MS } from './ingest.js';
import { QUEUE, inTransaction, queueDrained, startBoss } from './queue.js';
import { WorkerPool } from './worker-pool.js';

/**
 * Failures that another try may not repeat (a file that hung a worker, a worker that died): the job is
 * retried, and dead after its last try. Any other failure is the file's own (corrupt, encrypted…): recorded
 * as an ingest error at once, as ingest records it.
 */
const RETRIED = new Set(['TIMEOUT', 'INTERNAL']);

export interface WorkOptions {
  workers: number;
  /** Stop once no job is waiting or claimed anywhere; otherwise wait for new jobs until the signal. */
  untilEmpty?: boolean;
  timeoutMs?: number;
  workerHeapMb?: number;
  limits?: ParseLimits;
  /** How often an idle worker asks for jobs, and how often this process returns expired jobs to the queue. */
  pollMs?: number;
  signal?: AbortSignal;
  onFile?: (event: WorkEvent) => void;
}

/** A file's event as ingest reports it, or a try that failed and will be retried. */
export type WorkEvent = FileEvent | { status: 'retry'; path: string; code: string; message: string; attempt: number };

export interface WorkSummary {
  ok: number;
  failed: number;
  retried: number;
  dead: number;
  machine: string;
  elapsedMs: number;
}

interface QueuedFile {
  path: string;
  sha256: string;
  byte_size: number;
  bytes: Buffer | null;
  outcome: string | null;
}

type Claimed = PgBoss.JobWithMetadata<{ file: number }>;

/**
 * Take files from the queue and ingest them: claim as many jobs as there are free places in the worker
 * pool, process each on a worker thread, and commit each filing with its job's completion in one
 * transaction, so a filing is stored once whatever happens: a job whose machine died comes back after
 * its visibility timeout, and a job delivered twice finds its file already done and only completes.
 */
export async function work(store: PostgresStore, options: WorkOptions): Promise<WorkSummary> {
  const started = performance.now();
  const machine = `${hostname()}:${process.pid}`;
  const pollMs = options.pollMs ?? 1000;
  const boss = await startBoss(store, { supervise: true, maintenanceSeconds: Math.max(1, Math.round(pollMs / 1000)) });
  const pool = new WorkerPool({ size: options.workers, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, heapMb: options.workerHeapMb });
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  const summary: WorkSummary = { ok: 0, failed: 0, retried: 0, dead: 0, machine, elapsedMs: 0 };
  const emit = (event: WorkEvent) => {
    if (event.status === 'ok') summary.ok++;
    else if (event.status === 'error') summary.failed++;
    else if (event.status === 'retry') summary.retried++;
    options.onFile?.(event);
  };
  // two files per worker thread: one running, one waiting, so that a thread never idles for a fetch
  const capacity = options.workers * 2;
  const running = new Set<Promise<void>>();
  let fatal: unknown = null;
  try {
    while (!options.signal?.aborted && fatal === null) {
      const free = capacity - running.size;
      const jobs = free > 0 ? await boss.fetch<{ file: number }>(QUEUE, { batchSize: free, includeMetadata: true }) : [];
      for (const job of jobs) {
        const task = handle(job).catch((error) => {
          fatal ??= error;
        });
        running.add(task);
        task.finally(() => running.delete(task));
      }
      if (jobs.length > 0 && running.size < capacity) continue;
      if (running.size === 0 && options.untilEmpty && (await queueDrained(store))) break;
      await Promise.race([...running, sleep(pollMs, options.signal)]);
    }
    await Promise.all(running);
  } finally {
    await pool.close();
    await boss.stop({ graceful: false, close: false, wait: true });
  }
  if (fatal !== null) throw fatal;
  summary.elapsedMs = performance.now() - started;
  return summary;

  async function handle(job: Claimed): Promise<void> {
    const fileId = job.data.file;
    const { rows } = await store.pool.query<QueuedFile>(
      'UPDATE queued_files SET machine = $2, started_at = now(), attempts = attempts + 1 WHERE id = $1 RETURNING path, sha256, byte_size, bytes, outcome',
      [fileId, machine],
    );
    const file = rows[0];
    if (!file || file.outcome !== null || file.bytes === null) {
      // delivered again after its commit (its first worker was slow, not dead): nothing left to do
      await boss.complete(QUEUE, job.id);
      return;
    }
    let failure: IngestError;
    try {
      const format = requireFormat(file.path);
      const outcome = await pool.run(
        { path: file.path, sha256: file.sha256, byteSize: Number(file.byte_size), format },
        new Uint8Array(file.bytes),
        limits,
      );
      if (outcome.ok) {
        await finish(job, fileId, file, outcome.record, null);
        return;
      }
      failure = new IngestError(outcome.failure.code, outcome.failure.detail, outcome.failure.stage);
    } catch (thrown) {
      failure = asIngestError(thrown, 'read');
    }
    const row: ErrorRow = { path: file.path, sha256: file.sha256, stage: failure.stage, code: failure.code, message: failure.message };
    const reason = `${failure.code}: ${failure.message}`;
    if (!RETRIED.has(failure.code)) {
      await finish(job, fileId, file, null, row);
    } else if (job.retryCount < job.retryLimit) {
      await store.pool.query('UPDATE queued_files SET error = $2 WHERE id = $1', [fileId, reason]);
      await boss.fail(QUEUE, job.id, { message: reason });
      emit({ status: 'retry', path: file.path, code: failure.code, message: failure.message, attempt: job.retryCount + 1 });
    } else {
      await store.transaction(async (client) => {
        await store.recordError(client, row);
        await client.query("UPDATE queued_files SET outcome = 'dead', error = $2, finished_at = now() WHERE id = $1", [fileId, reason]);
        await boss.fail(QUEUE, job.id, { message: reason }, inTransaction(client));
      });
      summary.dead++;
      emit({
        status: 'error',
        path: file.path,
        code: failure.code,
        stage: failure.stage,
        message: `${failure.message} (dead after ${job.retryCount + 1} tries)`,
      });
    }
  }

  /** Commit the filing (or its error row), the file's outcome and the job's completion together. */
  async function finish(
    job: Claimed,
    fileId: number,
    file: QueuedFile,
    record: FilingRecord | null,
    error: ErrorRow | null,
  ): Promise<void> {
    const commitStarted = performance.now();
    const result = await store.transaction(async (client: PoolClient) => {
      const current = await client.query<{ outcome: string | null }>('SELECT outcome FROM queued_files WHERE id = $1 FOR UPDATE', [fileId]);
      if (current.rows[0]?.outcome !== null) return { duplicate: true as const };
      let filingId: number | null = null;
      let errorRow = error;
      if (record) {
        const saved = await store.saveInSavepoint(client, record);
        if ('filingId' in saved) filingId = saved.filingId;
        else errorRow = storeErrorRow(record, saved.error);
      }
      if (errorRow) await store.recordError(client, errorRow);
      await client.query('UPDATE queued_files SET outcome = $2, error = $3, finished_at = now(), bytes = NULL WHERE id = $1', [
        fileId,
        filingId === null ? 'error' : 'ok',
        errorRow ? `${errorRow.code}: ${errorRow.message}` : null,
      ]);
      await boss.complete(QUEUE, job.id, { machine }, inTransaction(client));
      return { duplicate: false as const, filingId, errorRow };
    });
    if (result.duplicate) {
      await boss.complete(QUEUE, job.id);
      return;
    }
    if (result.filingId !== null && record) {
      emit({ ...okEvent(record, result.filingId, performance.now() - commitStarted), path: file.path });
    } else if (result.errorRow) {
      const row = result.errorRow;
      emit({ status: 'error', path: row.path, code: row.code, stage: row.stage, message: row.message });
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
