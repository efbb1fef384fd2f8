import { Worker } from 'node:worker_threads';

/** A fixed amount of integer work, the same in every thread: nothing shared, no memory traffic. */
const SPIN = `
  const { parentPort } = require('node:worker_threads');
  let x = 0;
  for (let i = 0; i < 6e8; i++) x = (x + i * 7) % 1000003;
  parentPort.postMessage(x);
`;

async function spinAll(threads: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(SPIN, { eval: true });
      return new Promise<void>((resolve, reject) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', reject);
      });
    }),
  );
  return performance.now() - started;
}

/**
 * How much faster N threads of pure CPU work go than one on this machine: the ceiling of any speed-up
 * from workers. On a virtual machine whose "cores" are hyperthreads or shared, it is well below N.
 */
export async function cpuScaling(threads: number): Promise<number> {
  const one = await spinAll(1);
  const many = await spinAll(threads);
  return Math.round(((threads * one) / many) * 100) / 100;
}
