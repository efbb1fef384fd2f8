import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_TIMEOUT_MS,
  ingest,
  type FileEvent,
  type IngestOptions,
  type IngestSummary,
} from '../pipeline/ingest.js';
import { RunStats } from '../pipeline/run-stats.js';
import { countInputs } from '../pipeline/walk.js';
import { DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, OCR_TIMEOUT_PER_PAGE_MS } from '../pipeline/worker-pool.js';
import { DEFAULT_PARSE_LIMITS } from '../parsers/index.js';
import { OCR_MODES, type OcrMode } from '../parsers/ocr/hooks.js';
import { DB_HELP, UsageError, parseCommandArgs, positiveInteger, positiveNumber, type Command, type ParsedCommandArgs } from './command.js';
import { trapInterrupts } from './interrupt.js';
import { printable } from './printable.js';
import { ProgressReporter } from './progress.js';

const MIB = 1024 * 1024;
const DEFAULT_PROGRESS_SECONDS = 5;

const OPTIONS = {
  db: { type: 'string' },
  force: { type: 'boolean' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  'max-size': { type: 'string' },
  'max-pages': { type: 'string' },
  'worker-heap': { type: 'string' },
  'follow-symlinks': { type: 'boolean' },
  ocr: { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  'progress-every': { type: 'string' },
} as const;

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read TXT, DOCX and PDF filings into the database',
  usage: `filings ingest <files or folders…> [--db PATH|URL] [--force] [--workers N] [--timeout SECONDS]
                 [--max-size MB] [--max-pages N] [--worker-heap MB] [--follow-symlinks] [--ocr auto|always|never]
                 [--quiet] [--json]

Folders are walked recursively for .txt, .docx and .pdf files; only regular files are read (FIFOs,
devices and sockets are skipped with a line saying so, as are symbolic links inside folders unless
--follow-symlinks; a link named on the command line is followed). Files are processed in parallel by worker
threads and committed in batches, each filing atomically; one line per file says ok, skipped (unchanged)
or error with the reason. A run stopped at any moment (Ctrl-C, kill) is continued by running the same
command again: what was committed is skipped.

Options:
  ${DB_HELP}
  --force              re-ingest files whose content has not changed, and retry files that failed before
  --workers N          worker threads (default: the number of cores, here ${availableParallelism()})
  --timeout SECONDS    a file still processing after this long is stopped and recorded as a TIMEOUT error
                       (default ${DEFAULT_TIMEOUT_MS / 1000})
  --max-size MB        larger files are refused as TOO_LARGE; no more than this is ever read (default ${DEFAULT_MAX_FILE_BYTES / MIB}, in MiB)
  --max-pages N        documents with more pages are refused as TOO_MANY_PAGES (default ${DEFAULT_PARSE_LIMITS.maxPages})
  --worker-heap MB     each worker's JavaScript heap limit (default ${DEFAULT_WORKER_HEAP_MB}, at least ${MIN_WORKER_HEAP_MB}): a file
                       that needs more fails alone; below ${DEFAULT_WORKER_HEAP_MB} the workers hold less memory and run slower
  --follow-symlinks    follow symbolic links met while walking folders (a link to a folder is walked once)
  --ocr MODE           scanned PDF pages (no text layer, a page-sized image): auto reads them by OCR (default),
                       always reads every PDF page by OCR, never refuses a scan as NO_TEXT_LAYER. OCR runs in
                       one extra worker, started at the first scan; its timeout grows by ${OCR_TIMEOUT_PER_PAGE_MS / 1000} s a page
  --quiet              print only the summary: no per-file lines, no progress
  --json               print the summary as JSON on standard output (per-file lines and the human
                       summary then go to standard error)
  --progress-every S   when standard error is not a terminal, a progress line every S seconds (default ${DEFAULT_PROGRESS_SECONDS})
  -h, --help           show this help

On a terminal a status line (files done / total, filings/s, pages/s, failures, ETA) is redrawn below the
per-file lines. Ctrl-C stops taking new files, finishes and commits the files in progress, prints the
summary and exits with 130; a second Ctrl-C quits at once (committed filings stay).

Exit code: 0 when every file was ingested or skipped, 1 when any file failed, 2 on a usage error,
130 when interrupted.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
    const settings = readSettings(values);
    // with --json, standard output holds the JSON document only
    const lines = settings.json ? process.stderr : process.stdout;

    const stats = new RunStats();
    const progress = settings.quiet
      ? null
      : new ProgressReporter(stats, {
          stream: process.stderr,
          live: process.stderr.isTTY === true,
          plainEveryMs: settings.progressEveryMs,
        });
    if (progress) {
      progress.start();
      // the total is a nicety: an input that cannot be walked is reported by the ingest itself
      countInputs(positionals, { followSymlinks: settings.ingest.followSymlinks }).then(
        (total) => progress.setTotal(total),
        () => {},
      );
    }
    const trap = trapInterrupts(() => {
      const notice = 'interrupted: finishing the files in progress (Ctrl-C again to quit at once)';
      if (progress) progress.fileLine(process.stderr, notice);
      else process.stderr.write(`${notice}\n`);
    });
    let summary: IngestSummary;
    try {
      summary = await ingest(positionals, {
        ...settings.ingest,
        signal: trap.signal,
        onFile: (event) => {
          stats.add(event);
          progress?.fileLine(lines, describe(event));
        },
      });
    } finally {
      progress?.stop();
      trap.release();
    }
    if (!(settings.quiet && settings.json)) lines.write(`${summaryLine(summary)}\n`);
    if (settings.json) process.stdout.write(`${JSON.stringify(jsonSummary(summary, stats), null, 2)}\n`);
    return trap.exitCode() ?? (summary.failed > 0 ? 1 : 0);
  },
};

function ocrMode(value: string | undefined): OcrMode {
  if (value === undefined) return DEFAULT_PARSE_LIMITS.ocr;
  const mode = OCR_MODES.find((m) => m === value);
  if (!mode) throw new UsageError(`--ocr takes ${OCR_MODES.join(', ')}, not "${value}"`);
  return mode;
}

type IngestValues = ParsedCommandArgs<typeof OPTIONS>['values'];

/** The options as the pipeline and the printing take them, checked. */
function readSettings(values: IngestValues) {
  const timeoutSeconds = positiveNumber(values.timeout, '--timeout');
  const maxSizeMb = positiveNumber(values['max-size'], '--max-size');
  const ingestOptions: IngestOptions = {
    db: values.db,
    force: values.force,
    workers: positiveInteger(values.workers, '--workers'),
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    maxFileBytes: maxSizeMb === undefined ? undefined : Math.round(maxSizeMb * MIB),
    limits: {
      ...DEFAULT_PARSE_LIMITS,
      maxPages: positiveInteger(values['max-pages'], '--max-pages') ?? DEFAULT_PARSE_LIMITS.maxPages,
      ocr: ocrMode(values.ocr),
    },
    workerHeapMb: workerHeap(values['worker-heap']),
    followSymlinks: values['follow-symlinks'] === true,
  };
  return {
    ingest: ingestOptions,
    quiet: values.quiet === true,
    json: values.json === true,
    progressEveryMs: (positiveNumber(values['progress-every'], '--progress-every') ?? DEFAULT_PROGRESS_SECONDS) * 1000,
  };
}

function workerHeap(value: string | undefined): number | undefined {
  const mb = positiveInteger(value, '--worker-heap');
  if (mb !== undefined && mb < MIN_WORKER_HEAP_MB)
    throw new UsageError(`--worker-heap takes at least ${MIN_WORKER_HEAP_MB} (MB), not "${value}"`);
  return mb;
}

export function relative(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return rel.startsWith('..') ? filePath : rel;
}

/** One line per file, whatever the name or the message holds (see printable). */
function describe(event: FileEvent): string {
  const where = printable(relative(event.path));
  switch (event.status) {
    case 'ok': {
      // projects, indicators and coverage first: a filing that yields 0 projects must stand out
      const pages = event.pages === null ? '' : `${event.pages} pages, `;
      const coverage = event.coverage === null ? '' : `, coverage ${Math.round(event.coverage * 100)}%`;
      const warnings = event.warnings ? `, ${event.warnings} parser warning(s)` : '';
      return `ok       ${where}  (#${event.filingId}: ${pages}${event.projects} projects, ${event.indicators} indicators, ${event.findings} findings${coverage}${warnings})`;
    }
    case 'skipped':
      return `skipped  ${where}  (${printable(event.reason)})`;
    case 'error':
      return `error    ${where}  ${event.code}: ${printable(event.message)}`;
  }
}

function summaryLine(summary: IngestSummary): string {
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const line = `${summary.total} file(s): ${summary.ok} ingested, ${summary.skipped} skipped, ${summary.failed} failed in ${seconds} s → ${summary.db}`;
  return summary.interrupted ? `${line}\ninterrupted: run the same command again to continue` : line;
}

/** The --json summary: counts, rates, where the time went and the peak memory of the whole process (all threads). */
function jsonSummary(summary: IngestSummary, stats: RunStats) {
  const seconds = summary.elapsedMs / 1000;
  const perSecond = (n: number) => (seconds > 0 ? round(n / seconds) : 0);
  return {
    db: summary.db,
    workers: summary.workers,
    interrupted: summary.interrupted,
    files: summary.total,
    ingested: summary.ok,
    skipped: summary.skipped,
    failed: summary.failed,
    failures: stats.failures,
    elapsed_s: round(seconds),
    pages: stats.pages,
    bytes: stats.bytes,
    filings_per_s: perSecond(stats.ingested),
    pages_per_s: perSecond(stats.pages),
    mb_per_s: perSecond(stats.bytes / 1e6),
    by_format: stats.byFormat,
    stage_ms: Object.fromEntries(Object.entries(stats.stageMs).map(([stage, ms]) => [stage, round(ms)])),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
