import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Stage } from '../../store/record.js';

const run = promisify(execFile);

export interface ChildConfig {
  inputs: string[];
  db: string;
  workers: number;
  resultPath: string;
}

export interface ChildResult {
  workers: number;
  elapsedMs: number;
  files: number;
  failed: number;
  failures: Record<string, number>;
  ingested: number;
  pages: number;
  bytes: number;
  /** Summed over files (worker stages add up across workers). */
  stageMs: Record<Stage, number>;
  /** When each filing was committed, in ms from the start of the run, in order. */
  completions: number[];
  peakRssMb: number;
  /** CPU time of the whole process (main thread and workers, start-up included). */
  cpuSeconds: number;
}

/** Run one ingest of `inputs` into a fresh database in a child process, and return what it measured. */
export async function measureIngest(inputs: string[], workers: number, scratchDir: string): Promise<ChildResult> {
  const dir = mkdtempSync(path.join(scratchDir, 'run-'));
  try {
    const config: ChildConfig = { inputs, db: path.join(dir, 'bench.sqlite'), workers, resultPath: path.join(dir, 'result.json') };
    const configPath = path.join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(config));
    const child = fileURLToPath(new URL('./ingest-child.js', import.meta.url));
    await run(process.execPath, [child, configPath], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(readFileSync(config.resultPath, 'utf8')) as ChildResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
