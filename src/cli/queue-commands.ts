import { availableParallelism } from 'node:os';
import { DEFAULT_TIMEOUT_MS } from '../pipeline/ingest.js';
import {
  DEFAULT_MAX_QUEUED_BYTES,
  DEFAULT_TRIES,
  DEFAULT_VISIBILITY_TIMEOUT_S,
  enqueue,
  queueStatus,
  type EnqueueEvent,
} from '../pipeline/queue.js';
import { work, type WorkEvent } from '../pipeline/work.js';
import { DEFAULT_PARSE_LIMITS } from '../parsers/index.js';
import { dbTarget, isPostgres } from '../store/open.js';
import { PostgresStore } from '../store/postgres/store.js';
import { UsageError, parseCommandArgs, positiveInteger, positiveNumber, type Command } from './command.js';
import { relative } from './ingest-command.js';
import { trapInterrupts } from './interrupt.js';

const MIB = 1024 * 1024;
const DB_LINE = '  --db URL   the PostgreSQL server, postgres://user@host:port/database[?schema=name] (default $FILINGS_DB)';

/** The queue lives in PostgreSQL only: a SQLite file has one writer and needs none. */
async function openServer(option: string | undefined, command: string): Promise<PostgresStore> {
  const target = dbTarget(option);
  if (!isPostgres(target))
    throw new UsageError(`${command} needs a PostgreSQL server: --db postgres://… (or FILINGS_DB); "${target}" is a SQLite file`);
  return PostgresStore.open(target);
}

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'register files as jobs in PostgreSQL, for filings work on any number of machines',
  usage: `filings enqueue <files or folders…> --db URL [--tries N] [--visibility-timeout S] [--max-size MB] [--force]

Each file's path, sha256, size and bytes go into the database (workers need no shared file system), with
a job naming it. Files stored unchanged, failed before for good, or already waiting are skipped.

Options:
${DB_LINE}
  --tries N                 tries of a file that times out or kills its worker before it is dead (default ${DEFAULT_TRIES})
  --visibility-timeout S    a claimed file not finished after S seconds (its machine died) returns to the queue;
                            keep it above the workers' --timeout (default ${DEFAULT_VISIBILITY_TIMEOUT_S})
  --max-size MB             larger files are refused as TOO_LARGE (default ${DEFAULT_MAX_QUEUED_BYTES / MIB}; PostgreSQL's limit is 1024)
  --force                   queue files even when stored unchanged or failed before
  -h, --help                show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      tries: { type: 'string' },
      'visibility-timeout': { type: 'string' },
      'max-size': { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('enqueue needs at least one file or folder');
    const maxSizeMb = positiveNumber(values['max-size'], '--max-size');
    if (maxSizeMb !== undefined && maxSizeMb > 1024)
      throw new UsageError('--max-size cannot exceed 1024 (MB): PostgreSQL keeps no larger value');
    const tries = positiveInteger(values.tries, '--tries');
    const visibilityTimeoutS = positiveInteger(values['visibility-timeout'], '--visibility-timeout');
    const store = await openServer(values.db, 'enqueue');
    try {
      const summary = await enqueue(store, positionals, {
        tries,
        visibilityTimeoutS,
        maxFileBytes: maxSizeMb === undefined ? undefined : Math.round(maxSizeMb * MIB),
        force: values.force,
        onFile: (event) => console.log(describeQueued(event)),
      });
      console.log(`${summary.queued} queued, ${summary.skipped} skipped, ${summary.failed} failed → ${store.location}`);
      return summary.failed > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

function describeQueued(event: EnqueueEvent): string {
  const where = relative(event.path);
  if (event.status === 'queued') return `queued   ${where}  (${event.bytes} bytes)`;
  if (event.status === 'skipped') return `skipped  ${where}  (${event.reason})`;
  return `error    ${where}  ${event.code}: ${event.message}`;
}

export const workCommand: Command = {
  name: 'work',
  summary: 'take queued files from PostgreSQL and ingest them (run on as many machines as you like)',
  usage: `filings work --db URL [--workers N] [--until-empty] [--timeout SECONDS] [--worker-heap MB]

Claims jobs as worker threads become free, processes each file and commits each filing together with its
job, so a filing is stored once. A machine killed at any moment loses nothing: its claimed files return to
the queue after the visibility timeout. Ctrl-C stops claiming, finishes the files in hand and exits.

Options:
${DB_LINE}
  --workers N          worker threads (default: the number of cores, here ${availableParallelism()})
  --until-empty        exit once no file is waiting or being processed anywhere (batch jobs, tests);
                       without it, wait for new files until stopped
  --timeout SECONDS    a file still processing after this long fails this try (default ${DEFAULT_TIMEOUT_MS / 1000})
  --max-pages N        documents with more pages are refused as TOO_MANY_PAGES (default ${DEFAULT_PARSE_LIMITS.maxPages})
  --worker-heap MB     each worker's JavaScript heap limit
  --quiet              print only the summary
  -h, --help           show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      workers: { type: 'string' },
      'until-empty': { type: 'boolean' },
      timeout: { type: 'string' },
      'max-pages': { type: 'string' },
      'worker-heap': { type: 'string' },
      quiet: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const timeoutSeconds = positiveNumber(values.timeout, '--timeout');
    const workers = positiveInteger(values.workers, '--workers') ?? availableParallelism();
    const store = await openServer(values.db, 'work');
    const trap = trapInterrupts(() => process.stderr.write('interrupted: finishing the files in hand (Ctrl-C again to quit at once)\n'));
    try {
      const summary = await work(store, {
        workers,
        untilEmpty: values['until-empty'],
        timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
        workerHeapMb: positiveInteger(values['worker-heap'], '--worker-heap'),
        limits: { ...DEFAULT_PARSE_LIMITS, maxPages: positiveInteger(values['max-pages'], '--max-pages') ?? DEFAULT_PARSE_LIMITS.maxPages },
        signal: trap.signal,
        onFile: values.quiet ? undefined : (event) => console.log(describeWork(event)),
      });
      const seconds = (summary.elapsedMs / 1000).toFixed(1);
      console.log(
        `${summary.machine}: ${summary.ok} ingested, ${summary.failed} failed (${summary.dead} dead), ${summary.retried} tries to repeat, in ${seconds} s → ${store.location}`,
      );
      return trap.exitCode() ?? (summary.failed > 0 ? 1 : 0);
    } finally {
      trap.release();
      await store.close();
    }
  },
};

function describeWork(event: WorkEvent): string {
  const where = relative(event.path);
  switch (event.status) {
    case 'ok':
      return `ok       ${where}  (#${event.filingId}: ${event.blocks} blocks)`;
    case 'retry':
      return `retry    ${where}  ${event.code}: ${event.message} (try ${event.attempt} failed)`;
    case 'skipped':
      return `skipped  ${where}  (${event.reason})`;
    case 'error':
      return `error    ${where}  ${event.code}: ${event.message}`;
  }
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'what the PostgreSQL job queue holds: queued, running (by machine), done, failed, dead; throughput',
  usage: `filings status --db URL [--json] [--minutes M]

Options:
${DB_LINE}
  --minutes M  throughput over the last M minutes (default 5)
  --json       print the figures as JSON
  -h, --help   show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      minutes: { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const store = await openServer(values.db, 'status');
    try {
      const status = await queueStatus(store, positiveInteger(values.minutes, '--minutes') ?? 5);
      if (values.json) {
        console.log(JSON.stringify(status, null, 2));
        return 0;
      }
      console.log(`queued   ${status.queued}`);
      console.log(`running  ${status.running}${machines(status.runningBy)}`);
      console.log(`done     ${status.done}`);
      console.log(`failed   ${status.failed}  (an ingest error recorded: filings diff and the ingest_errors table say why)`);
      console.log(`dead     ${status.dead.length}`);
      for (const dead of status.dead) console.log(`  ${relative(dead.path)}: ${dead.error}`);
      console.log(
        `throughput ${status.perMinute.toFixed(1)} files/min over the last ${status.windowMinutes} min${machines(status.perMinuteBy, (n) => n.toFixed(1))}`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

function machines(by: Record<string, number>, show: (n: number) => string = String): string {
  const entries = Object.entries(by);
  return entries.length === 0 ? '' : `  (${entries.map(([machine, n]) => `${machine}: ${show(n)}`).join(', ')})`;
}
