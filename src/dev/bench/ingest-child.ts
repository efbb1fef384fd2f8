import { readFileSync, writeFileSync } from 'node:fs';
import { ingest } from '../../pipeline/ingest.js';
import { RunStats } from '../../pipeline/run-stats.js';
import type { ChildConfig, ChildResult } from './ingest-run.js';

/**
 * One measured ingest, in a process of its own so that its peak RSS (all threads) and its warm-up are its
 * own: `node ingest-child.js config.json`. The result is written to the file the config names.
 */
const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ChildConfig;
const stats = new RunStats();
const completions: number[] = [];
const started = performance.now();
const summary = await ingest(config.inputs, {
  db: config.db,
  workers: config.workers,
  onFile: (event) => {
    stats.add(event);
    if (event.status === 'ok') completions.push(performance.now() - started);
  },
});
const result: ChildResult = {
  workers: config.workers,
  elapsedMs: summary.elapsedMs,
  files: summary.total,
  failed: summary.failed,
  failures: stats.failures,
  ingested: stats.ingested,
  pages: stats.pages,
  bytes: stats.bytes,
  stageMs: stats.stageMs,
  completions,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
};
writeFileSync(config.resultPath, JSON.stringify(result));
