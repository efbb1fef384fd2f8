import { readFile, stat } from 'node:fs/promises';
import PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import { IngestError, asIngestError } from '../parsers/errors.js';
import { requireFormat } from '../parsers/index.js';
import type { PostgresStore } from '../store/postgres/store.js';
import { sha256Of } from './hash.js';
import { walkInputs } from './walk.js';

/** The pg-boss queue every worker claims files from. */
export const QUEUE = 'filings-ingest';
/** Tries of a file whose processing fails for a reason that may pass (a timeout, a crashed worker) before it is dead. */
export const DEFAULT_TRIES = 3;
/**
 * A claimed file not finished after this long (its machine was killed, say) returns to the queue. It must
 * exceed the per-file --timeout of the workers (60 s by default) plus a commit.
 */
export const DEFAULT_VISIBILITY_TIMEOUT_S = 300;
/** Bytes travel through PostgreSQL (bytea, whose hard limit is 1 GiB); larger files are refused at enqueue. */
export const DEFAULT_MAX_QUEUED_BYTES = 200 * 1024 * 1024;

/** pg-boss's tables live beside ours: in `<schema>_queue` (`filings_queue` for the public schema). */
export function queueSchema(store: PostgresStore): string {
  return store.target.schema === 'public' ? 'filings_queue' : `${store.target.schema}_queue`;
}

/** pg-boss on the store's own connections; `supervise` runs its maintenance (returning expired jobs to the queue). */
export async function startBoss(store: PostgresStore, options: { supervise: boolean; maintenanceSeconds?: number }): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => store.pool.query(text, values) },
    schema: queueSchema(store),
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
  });
  boss.on('error', (error) => console.error(`filings: job queue: ${error.message}`));
  await boss.start();
  return boss;
}

/** pg-boss writing in an open transaction of ours: a job's state changes with the rows it stands for. */
export function inTransaction(client: PoolClient): { db: PgBoss.Db } {
  return { db: { executeSql: (text, values) => client.query(text, values) } };
}

export interface EnqueueOptions {
  tries?: number;
  visibilityTimeoutS?: number;
  maxFileBytes?: number;
  force?: boolean;
  onFile?: (event: EnqueueEvent) => void;
}

export type EnqueueEvent =
  | { status: 'queued'; path: string; bytes: number }
  | { status: 'skipped'; path: string; reason: string }
  | { status: 'error'; path: string; code: string; message: string };

export interface EnqueueSummary {
  queued: number;
  skipped: number;
  failed: number;
}

/**
 * Register files as jobs: each file's path, hash, size and bytes in queued_files and a pg-boss job naming
 * it, in one transaction. Skipped like `ingest` skips: stored unchanged, failed before for good, or already
 * waiting in the queue.
 */
export async function enqueue(store: PostgresStore, inputs: string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const tries = options.tries ?? DEFAULT_TRIES;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  const boss = await startBoss(store, { supervise: false });
  const summary: EnqueueSummary = { queued: 0, skipped: 0, failed: 0 };
  const emit = (event: EnqueueEvent) => {
    if (event.status === 'queued') summary.queued++;
    else if (event.status === 'skipped') summary.skipped++;
    else summary.failed++;
    options.onFile?.(event);
  };
  try {
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: tries - 1,
      expireInSeconds: options.visibilityTimeoutS ?? DEFAULT_VISIBILITY_TIMEOUT_S,
    });
    for await (const entry of walkInputs(inputs)) {
      if ('error' in entry) {
        emit({ status: 'error', path: entry.path, code: 'UNREADABLE', message: entry.error.message });
        continue;
      }
      try {
        requireFormat(entry.path);
        const info = await stat(entry.path);
        if (info.size > maxBytes) throw new IngestError('TOO_LARGE', `${info.size} bytes, limit ${maxBytes}`, 'read');
        const bytes = await readFile(entry.path);
        const sha256 = sha256Of(bytes);
        const skip = options.force ? null : await skipReason(store, entry.path, sha256);
        if (skip) {
          emit({ status: 'skipped', path: entry.path, reason: skip });
          continue;
        }
        const queued = await store.transaction(async (client) => {
          const { rows } = await client.query<{ id: number }>(
            `INSERT INTO queued_files (path, sha256, byte_size, bytes) VALUES ($1, $2, $3, $4)
             ON CONFLICT (path, sha256) WHERE outcome IS NULL DO NOTHING RETURNING id`,
            [entry.path, sha256, bytes.length, bytes],
          );
          if (rows.length === 0) return false;
          await boss.send(
            QUEUE,
            { file: rows[0].id },
            {
              retryLimit: tries - 1,
              expireInSeconds: options.visibilityTimeoutS ?? DEFAULT_VISIBILITY_TIMEOUT_S,
              ...inTransaction(client),
            },
          );
          return true;
        });
        if (queued) emit({ status: 'queued', path: entry.path, bytes: bytes.length });
        else emit({ status: 'skipped', path: entry.path, reason: 'already queued' });
      } catch (thrown) {
        const error = asIngestError(thrown, 'read');
        emit({ status: 'error', path: entry.path, code: error.code, message: error.message });
      }
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
  return summary;
}

async function skipReason(store: PostgresStore, filePath: string, sha256: string): Promise<string | null> {
  const existing = await store.findByPath(filePath);
  if (existing?.sha256 === sha256 && existing.current) return 'unchanged';
  const known = await store.knownError(filePath, sha256);
  if (known) return `failed before (${known.code}), unchanged; --force retries`;
  return null;
}

export interface QueueStatus {
  queued: number;
  running: number;
  /** Running files by machine (host:pid of the worker that claimed them). */
  runningBy: Record<string, number>;
  done: number;
  /** Processed, with an ingest error recorded (corrupt, encrypted…), as ingest records them. */
  failed: number;
  /** Given up after every try: each with the last error. */
  dead: { path: string; error: string }[];
  /** Files finished per minute over the last `windowMinutes`, and by machine. */
  perMinute: number;
  perMinuteBy: Record<string, number>;
  windowMinutes: number;
}

/** What the queue holds, from pg-boss's job states and the queued files' outcomes. */
export async function queueStatus(store: PostgresStore, windowMinutes = 5): Promise<QueueStatus> {
  const jobs = `${queueSchema(store)}.job`;
  const present = await store.pool.query('SELECT to_regclass($1) AS t', [jobs]);
  const states = new Map<string, number>();
  const runningBy: Record<string, number> = {};
  let expiredDead: { path: string; error: string }[] = [];
  if (present.rows[0].t !== null) {
    for (const row of (
      await store.pool.query<{ state: string; n: number }>(
        `SELECT state, count(*)::integer AS n FROM ${jobs} WHERE name = $1 GROUP BY state`,
        [QUEUE],
      )
    ).rows)
      states.set(row.state, row.n);
    const running = await store.pool.query<{ machine: string | null; n: number }>(
      `SELECT q.machine, count(*)::integer AS n FROM ${jobs} j JOIN queued_files q ON q.id = (j.data->>'file')::bigint
        WHERE j.name = $1 AND j.state = 'active' GROUP BY q.machine ORDER BY q.machine`,
      [QUEUE],
    );
    for (const row of running.rows) runningBy[row.machine ?? '(starting)'] = row.n;
    // a file whose last try ended with its machine (killed, expired) never reached a worker's own bookkeeping
    expiredDead = (
      await store.pool.query<{ path: string; error: string }>(
        `SELECT q.path, coalesce(j.output->>'message', j.output::text, 'failed') AS error FROM ${jobs} j
           JOIN queued_files q ON q.id = (j.data->>'file')::bigint
          WHERE j.name = $1 AND j.state = 'failed' AND q.outcome IS NULL ORDER BY q.id`,
        [QUEUE],
      )
    ).rows;
  }
  const outcomes = await store.pool.query<{ outcome: string; n: number }>(
    'SELECT outcome, count(*)::integer AS n FROM queued_files WHERE outcome IS NOT NULL GROUP BY outcome',
  );
  const count = (outcome: string) => outcomes.rows.find((r) => r.outcome === outcome)?.n ?? 0;
  const dead = (
    await store.pool.query<{ path: string; error: string }>(
      "SELECT path, coalesce(error, '') AS error FROM queued_files WHERE outcome = 'dead' ORDER BY id",
    )
  ).rows;
  const recent = await store.pool.query<{ machine: string | null; n: number }>(
    `SELECT machine, count(*)::integer AS n FROM queued_files WHERE finished_at > now() - make_interval(mins => $1) GROUP BY machine ORDER BY machine`,
    [windowMinutes],
  );
  const perMinuteBy: Record<string, number> = {};
  for (const row of recent.rows) perMinuteBy[row.machine ?? '?'] = row.n / windowMinutes;
  return {
    queued: (states.get('created') ?? 0) + (states.get('retry') ?? 0),
    running: states.get('active') ?? 0,
    runningBy,
    done: count('ok'),
    failed: count('error'),
    dead: [...dead, ...expiredDead],
    perMinute: Object.values(perMinuteBy).reduce((a, b) => a + b, 0),
    perMinuteBy,
    windowMinutes,
  };
}

/** Whether any job is still waiting or claimed: a worker with --until-empty stops when none is. */
export async function queueDrained(store: PostgresStore): Promise<boolean> {
  const jobs = `${queueSchema(store)}.job`;
  const { rows } = await store.pool.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM ${jobs} WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
    [QUEUE],
  );
  return rows[0].n === 0;
}
