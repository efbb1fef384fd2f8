import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Format } from '../model/document.js';
import type { ParseLimits } from '../parsers/index.js';
import type { FileFacts, FilingRecord } from '../store/record.js';
import type { JobFailure, WorkerJob, WorkerReply } from './worker-protocol.js';

export type JobOutcome = { ok: true; record: FilingRecord } | { ok: false; failure: JobFailure };

export interface PoolOptions {
  size: number;
  /** A file still processing after this long is abandoned: its worker is terminated and replaced. */
  timeoutMs: number;
  /** The worker script; default the compiled dist/src/pipeline/worker.js of this package. */
  entry?: string;
  /** Each worker's JavaScript heap limit (old generation), in MB; default DEFAULT_WORKER_HEAP_MB. */
  heapMb?: number;
}

/**
 * Guard rail for one worker's JavaScript heap: a file that needs more fails alone (its worker is replaced)
 * instead of taking the whole process down. It also sets how far V8 lets the heap grow between full
 * collections: about 4× its live size from 2,048 MB up, about 2× below (V8 scales the factor down for
 * smaller limits). A lower limit holds less memory for some more time (1,000 generated PDFs on 2 workers:
 * 1,024 MB peaked at 478 MB instead of ≈600, 13% slower); `filings ingest --worker-heap` sets it.
 */
export const DEFAULT_WORKER_HEAP_MB = 2048;
/** Below this a worker would fail files of ordinary size. */
export const MIN_WORKER_HEAP_MB = 128;

/**
 * A worker's young generation (where V8 puts new objects; V8's own default is up to 3 × 16 MB), by the
 * format of the first file it is given, since it is set when the worker starts. For text, 48 MB saved 2–5%
 * of the CPU time at most, and two workers with 48 MB held 434 MB at the end of 10,000 generated TXT
 * filings, against 400 MB with 8 MB the same day (the target is 400). mammoth's XML tree and pdf.js make
 * more garbage per file: with 8 MB a DOCX worker spent a fifth of its time collecting it, and 48 MB takes
 * 14% off the CPU time of a DOCX run and 10% off a PDF run (200 generated files each, one worker, three
 * alternating runs).
 */
export const WORKER_YOUNG_HEAP_MB: Record<Format, number> = { txt: 8, docx: 48, pdf: 48 };

/** A worker that could not start (a missing or broken build): no file can be processed, the run stops. */
export class WorkerStartError extends Error {
  constructor(reason: string) {
    super(`the ingest worker could not start: ${reason}`);
    this.name = 'WorkerStartError';
  }
}

/**
 * The compiled worker, located from the package root (the first folder upwards holding package.json).
 * Always the built JS: the same file serves the CLI (running dist/) and tests (running TS sources), which
 * therefore need a build first (npm test builds as its pretest step).
 */
export function defaultWorkerEntry(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new WorkerStartError('no package.json above the pipeline code');
    dir = parent;
  }
  return path.join(dir, 'dist', 'src', 'pipeline', 'worker.js');
}

/**
 * Files given to a worker at once: the one it runs and the next ones, waiting in its message port. The main
 * thread is also the writer and is busy while it commits a batch; with files already there, a worker that
 * finishes one starts the next without waiting for the main thread to be free. With 2 per worker, a worker
 * sat idle for a third of a TXT run (measured: 1,000 generated filings, 14.1 s on one worker; 11.7 s with 6
 * per worker and commits of 8 filings rather than 32).
 */
export const JOBS_PER_WORKER = 6;

/**
 * The OCR worker's time per scanned page, added to the per-file timeout: a page takes ≈1 s of OCR on two
 * free cores and up to 7 s measured on two cores shared with other work; 60 s leaves room for a slower
 * machine without letting a stuck file hold the one OCR worker for ever.
 */
export const OCR_TIMEOUT_PER_PAGE_MS = 60_000;

interface PoolJob {
  message: WorkerJob;
  /** Pages to OCR, once a worker found them (the OCR worker's timeout grows with them). */
  ocrPages: number;
  onOcrPage: (done: number, total: number) => void;
  resolve: (outcome: JobOutcome) => void;
  reject: (error: Error) => void;
  /** Runs from the worker's "started": time spent waiting behind another file does not count. */
  timer: NodeJS.Timeout | null;
}

/**
 * One worker thread and its jobs, in the order it runs them. The worker starts at the first job (whose format
 * sizes its young generation). A worker that times out or dies is replaced, and the jobs it had not started
 * are given to the replacement (their bytes are copied to the worker, not moved, so the main thread still has them).
 */
class Slot {
  readonly jobs: PoolJob[] = [];
  private worker: Worker | null = null;
  private youngHeapMb = WORKER_YOUNG_HEAP_MB.txt;
  private ready = false;
  private startError: WorkerStartError | null = null;

  constructor(
    private readonly entry: string,
    private readonly timeoutMs: number,
    private readonly heapMb: number,
    /** A job left this slot: the pool may give it another. */
    private readonly onFreed: () => void,
    /** A job's file has pages to OCR and this is not the OCR worker: it leaves for the OCR worker. */
    private readonly onNeedsOcr: (job: PoolJob) => void = () => {},
  ) {}

  enqueue(job: PoolJob): void {
    if (this.startError) {
      job.reject(this.startError);
      return;
    }
    this.jobs.push(job);
    if (this.worker) this.worker.postMessage(job.message);
    else {
      this.youngHeapMb = WORKER_YOUNG_HEAP_MB[job.message.file.format];
      this.spawn();
    }
  }

  async stop(): Promise<void> {
    if (!this.worker) return;
    this.detach(this.worker);
    await this.worker.terminate();
  }

  private spawn(): void {
    const resourceLimits = { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: this.youngHeapMb };
    const worker = new Worker(this.entry, { stdout: true, stderr: true, resourceLimits });
    // whatever a library prints in a worker goes to stderr: stdout may be a --json summary
    // (written chunk by chunk rather than piped: many pipes into process.stderr pile up listeners on it)
    const forward = (chunk: Buffer) => process.stderr.write(chunk);
    worker.stdout.on('data', forward);
    worker.stderr.on('data', forward);
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error: Error & { code?: string }) => this.onDeath(describeCrash(error, this.heapMb)));
    worker.on('exit', (code) => this.onDeath(`the worker exited with code ${code}`));
    this.worker = worker;
    this.ready = false;
    for (const job of this.jobs) worker.postMessage(job.message);
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      return;
    }
    const job = this.jobs.find((j) => j.message.id === reply.id);
    if (!job) return;
    if (reply.type === 'started') job.timer = setTimeout(() => this.timedOut(job), this.timeoutOf(job));
    else if (reply.type === 'ocr-page') job.onOcrPage(reply.done, reply.total);
    else if (reply.type === 'needs-ocr') {
      this.leave(job);
      this.onNeedsOcr({ ...job, ocrPages: reply.pages, timer: null, message: { ...job.message, ocr: true } });
    } else this.finish(job, reply.type === 'done' ? { ok: true, record: reply.record } : { ok: false, failure: reply.failure });
  }

  /** The per-file timeout, and OCR_TIMEOUT_PER_PAGE_MS more for each page to OCR. */
  private timeoutOf(job: PoolJob): number {
    return this.timeoutMs + job.ocrPages * OCR_TIMEOUT_PER_PAGE_MS;
  }

  private timedOut(job: PoolJob): void {
    const detail = `no result after ${this.timeoutOf(job) / 1000} s; the worker was stopped`;
    this.finish(job, { ok: false, failure: { code: 'TIMEOUT', stage: 'parse', detail } });
    this.replace();
  }

  /**
   * The worker died. Before it was ready, the build is missing or broken and every start would fail the
   * same way: its jobs, and any later one, fail with WorkerStartError. Otherwise the file it was running
   * fails (uncaught exception, out of memory) and a new worker takes over the rest.
   */
  private onDeath(reason: string): void {
    if (!this.ready) {
      this.startError = new WorkerStartError(reason);
      for (const job of this.jobs.splice(0)) job.reject(this.startError);
      if (this.worker) this.detach(this.worker);
      return;
    }
    const running = this.jobs[0];
    if (running) this.finish(running, { ok: false, failure: { code: 'INTERNAL', stage: 'parse', detail: reason } });
    this.replace();
  }

  private finish(job: PoolJob, outcome: JobOutcome): void {
    this.leave(job);
    job.resolve(outcome);
  }

  private leave(job: PoolJob): void {
    if (job.timer) clearTimeout(job.timer);
    this.jobs.splice(this.jobs.indexOf(job), 1);
    this.onFreed();
  }

  private replace(): void {
    if (this.worker) {
      this.detach(this.worker);
      void this.worker.terminate();
    }
    this.spawn();
  }

  /** Stop listening to a worker that is being dropped; an 'error' it emits while terminating must not be unhandled. */
  private detach(worker: Worker): void {
    worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
    worker.on('error', () => {});
  }
}

/**
 * A fixed number of worker threads running `processFile`. Each worker holds at most JOBS_PER_WORKER files;
 * callers beyond that wait in line (ingest's queue keeps the line short).
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: PoolJob[] = [];
  private nextId = 1;
  /**
   * The one worker that OCRs, started at the first scan: onnxruntime spreads a page over every core, so a
   * second session would only compete with the first (and each holds ≈0.7 GB), while typed files go on
   * through the other workers. Its JavaScript heap is bounded like theirs; the models and onnxruntime's
   * buffers live outside it.
   */
  private ocrSlot: Slot | null = null;
  private readonly makeOcrSlot: () => Slot;

  constructor(options: PoolOptions) {
    const entry = options.entry ?? defaultWorkerEntry();
    if (!existsSync(entry)) throw new WorkerStartError(`${entry} is missing; build first (npm run build)`);
    const heapMb = options.heapMb ?? DEFAULT_WORKER_HEAP_MB;
    if (!Number.isInteger(heapMb) || heapMb < MIN_WORKER_HEAP_MB)
      throw new RangeError(`a worker heap of ${heapMb} MB: at least ${MIN_WORKER_HEAP_MB} MB`);
    const toOcr = (job: PoolJob) => {
      this.ocrSlot ??= this.makeOcrSlot();
      this.ocrSlot.enqueue(job);
    };
    this.slots = Array.from({ length: options.size }, () => new Slot(entry, options.timeoutMs, heapMb, () => this.dispatch(), toOcr));
    this.makeOcrSlot = () => new Slot(entry, options.timeoutMs, heapMb, () => {});
  }

  /** Process one file. Rejects only with WorkerStartError; a file's failure is an outcome. */
  run(file: FileFacts, bytes: Uint8Array, limits: ParseLimits, onOcrPage: PoolJob['onOcrPage'] = () => {}): Promise<JobOutcome> {
    return new Promise((resolve, reject) => {
      const message = { id: this.nextId++, file, bytes, limits, ocr: false };
      this.waiting.push({ message, ocrPages: 0, onOcrPage, resolve, reject, timer: null });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.slots, ...(this.ocrSlot ? [this.ocrSlot] : [])].map((slot) => slot.stop()));
  }

  /** Give waiting jobs to the least busy workers that have room. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.reduce((best, s) => (s.jobs.length < best.jobs.length ? s : best));
      if (slot.jobs.length >= JOBS_PER_WORKER) return;
      slot.enqueue(this.waiting.shift()!);
    }
  }
}

function describeCrash(error: Error & { code?: string }, heapMb: number): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `the worker ran out of memory (heap limit ${heapMb} MB; see --worker-heap)`;
  return `the worker crashed: ${error.message}`;
}
