import { setPriority } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { asIngestError } from '../parsers/errors.js';
import { OcrNeeded } from '../parsers/ocr/hooks.js';
import { processFile } from './process.js';
import { HANG_ON_ENV, type WorkerJob, type WorkerReply } from './worker-protocol.js';

/**
 * Worker-thread entry: runs the CPU-bound part of the pipeline for one file at a time and sends the record
 * back. The pool runs the compiled copy (dist/src/pipeline/worker.js) whoever started it.
 */
if (!parentPort) throw new Error('worker.js runs as a worker thread, started by the ingest pool');
const port = parentPort;

const hangOn = process.env[HANG_ON_ENV];

/**
 * Workers yield to the main thread. It is the one writer, so every file waits for it; with two workers
 * and V8's helper threads on two cores it got only its share of the CPU and held up the run (1,000
 * generated TXT filings on 2 workers: 12.0 → 11.0 s). Linux gives each thread its own nice value, and
 * pid 0 is the calling thread; elsewhere the call would lower the whole process, so it is not made.
 */
export const WORKER_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(0, WORKER_NICE);
  } catch {
    // not allowed here (a sandbox): run at the normal priority
  }
}

// one file at a time, in the order they come: the next one waits in the port while this one runs
let queue = Promise.resolve();
port.on('message', (job: WorkerJob) => {
  queue = queue.then(async () => {
    port.postMessage({ type: 'started', id: job.id } satisfies WorkerReply);
    port.postMessage(await run(job));
  });
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);

async function run(job: WorkerJob): Promise<WorkerReply> {
  try {
    if (hangOn && path.basename(job.file.path) === hangOn) await new Promise<never>(() => {});
    const onProgress = (done: number, total: number) =>
      port.postMessage({ type: 'ocr-page', id: job.id, done, total } satisfies WorkerReply);
    const record = await processFile(job.file, job.bytes, job.limits, { defer: !job.ocr, onProgress });
    return { type: 'done', id: job.id, record };
  } catch (thrown) {
    if (thrown instanceof OcrNeeded) return { type: 'needs-ocr', id: job.id, pages: thrown.pages };
    const error = asIngestError(thrown, 'parse');
    return { type: 'failed', id: job.id, failure: { code: error.code, stage: error.stage, detail: error.detail } };
  }
}
