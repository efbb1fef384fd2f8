import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/model/document.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/parsers/index.js';
import type { FileFacts } from '../../src/store/record.js';
import {
  DEFAULT_WORKER_HEAP_MB,
  MIN_WORKER_HEAP_MB,
  WORKER_YOUNG_HEAP_MB,
  WorkerPool,
  WorkerStartError,
} from '../../src/pipeline/worker-pool.js';
import { tempDir, writeTextCorpus } from './helpers.js';

/** A stand-in worker speaking the pool's protocol: it dies on crash.txt and answers the rest at once. */
const FAKE_WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (job) => {
  parentPort.postMessage({ type: 'started', id: job.id });
  if (job.file.path.endsWith('crash.txt')) process.exit(3);
  parentPort.postMessage({ type: 'done', id: job.id, record: { file: job.file } });
});
`;

const fileFacts = (name: string): FileFacts => ({ path: `/corpus/${name}`, sha256: name, byteSize: 1, format: 'txt' });

describe('WorkerPool', () => {
  const dir = tempDir('pool');

  it('fails the file a worker dies on and gives the files queued behind it to the replacement', async () => {
    const entry = path.join(dir, 'fake-worker.mjs');
    writeFileSync(entry, FAKE_WORKER);
    const pool = new WorkerPool({ size: 1, timeoutMs: 10_000, entry });
    try {
      const names = ['a.txt', 'crash.txt', 'b.txt', 'c.txt'];
      const outcomes = await Promise.all(names.map((name) => pool.run(fileFacts(name), new Uint8Array([1]), DEFAULT_PARSE_LIMITS)));
      expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.failure.code}: ${o.failure.detail}`))).toEqual([
        'ok',
        'INTERNAL: the worker exited with code 3',
        'ok',
        'ok',
      ]);
    } finally {
      await pool.close();
    }
  });

  /** The resource limits each file's worker ran with, from a stand-in worker that reports them. */
  const limitsOf = async (formats: Format[], options: { size: number; heapMb?: number }) => {
    const entry = path.join(dir, 'limits-worker.mjs');
    writeFileSync(
      entry,
      FAKE_WORKER.replace('record: { file: job.file }', 'record: { file: job.file, limits: resourceLimits }').replace(
        '{ parentPort }',
        '{ parentPort, resourceLimits }',
      ),
    );
    const pool = new WorkerPool({ timeoutMs: 10_000, entry, ...options });
    try {
      const outcomes = await Promise.all(
        formats.map((format, k) => pool.run({ ...fileFacts(`f${k}.${format}`), format }, new Uint8Array([1]), DEFAULT_PARSE_LIMITS)),
      );
      return outcomes.map((o) => (o.ok ? (o.record as unknown as { limits: ResourceLimits }).limits : o.failure.code));
    } finally {
      await pool.close();
    }
  };

  it("sizes each worker's young generation by the format of the first file it is given", async () => {
    const youngOf = async (formats: Format[]) =>
      (await limitsOf(formats, { size: 1 })).map((limits) => (typeof limits === 'string' ? limits : limits.maxYoungGenerationSizeMb));
    expect(await youngOf(['txt', 'pdf'])).toEqual([WORKER_YOUNG_HEAP_MB.txt, WORKER_YOUNG_HEAP_MB.txt]);
    expect(await youngOf(['pdf', 'txt'])).toEqual([WORKER_YOUNG_HEAP_MB.pdf, WORKER_YOUNG_HEAP_MB.pdf]);
    expect(await youngOf(['docx'])).toEqual([WORKER_YOUNG_HEAP_MB.docx]);
    expect(WORKER_YOUNG_HEAP_MB.pdf).toBeGreaterThan(WORKER_YOUNG_HEAP_MB.txt);
  });

  it('gives each worker the heap limit it is asked for (default 2,048 MB), and refuses one too small to work', async () => {
    const heapOf = async (heapMb?: number) =>
      (await limitsOf(['txt', 'pdf'], { size: 2, heapMb })).map((limits) =>
        typeof limits === 'string' ? limits : limits.maxOldGenerationSizeMb,
      );
    expect(await heapOf()).toEqual([DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_HEAP_MB]);
    expect(DEFAULT_WORKER_HEAP_MB).toBe(2048);
    expect(await heapOf(512)).toEqual([512, 512]);
    expect(
      () => new WorkerPool({ size: 1, timeoutMs: 1000, entry: path.join(dir, 'limits-worker.mjs'), heapMb: MIN_WORKER_HEAP_MB - 1 }),
    ).toThrow(RangeError);
  });

  it('stops with WorkerStartError when the worker cannot start, instead of starting it again and again', async () => {
    const entry = path.join(dir, 'broken-worker.mjs');
    writeFileSync(entry, "throw new Error('a broken build');\n");
    const pool = new WorkerPool({ size: 2, timeoutMs: 10_000, entry });
    try {
      await expect(pool.run(fileFacts('a.txt'), new Uint8Array([1]), DEFAULT_PARSE_LIMITS)).rejects.toThrow(WorkerStartError);
      await expect(pool.run(fileFacts('b.txt'), new Uint8Array([1]), DEFAULT_PARSE_LIMITS)).rejects.toThrow(/a broken build/);
    } finally {
      await pool.close();
    }
    expect(() => new WorkerPool({ size: 1, timeoutMs: 1000, entry: path.join(dir, 'missing.js') })).toThrow(
      /missing\.js is missing; build first/,
    );
  });

  // Linux gives each thread its own nice value (/proc/<pid>/task/<tid>/stat, field 19)
  it.runIf(process.platform === 'linux')('runs its workers at a lower priority than the main thread, the one writer', async () => {
    const niceOf = (tid: string): number => {
      const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const before = new Set(readdirSync(`/proc/${process.pid}/task`));
    const pool = new WorkerPool({ size: 2, timeoutMs: 60_000 });
    try {
      const [file] = writeTextCorpus(path.join(dir, 'nice'), 1);
      const bytes = new Uint8Array(readFileSync(file));
      // both workers have run a file, so both are up and have set their priority
      const outcomes = await Promise.all(
        [0, 1].map(() => pool.run({ path: file, sha256: 'x', byteSize: bytes.length, format: 'txt' }, bytes, DEFAULT_PARSE_LIMITS)),
      );
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const niceByThread = readdirSync(`/proc/${process.pid}/task`)
        .filter((tid) => !before.has(tid))
        .map(niceOf);
      expect(niceByThread.filter((nice) => nice === 10)).toHaveLength(2);
      expect(niceOf(String(process.pid))).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
