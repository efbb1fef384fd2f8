import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../helpers/paths.js';
import { runCliAsync, tempDir, writeTextCorpus } from './helpers.js';

const CONTROL = /[\r\x1b]/;

describe('ingest output when not on a terminal', () => {
  const dir = tempDir('output');
  const corpus = path.join(dir, 'corpus');
  writeTextCorpus(corpus, 12);

  it('writes per-file lines, plain progress lines and the summary, without carriage returns or escape codes', async () => {
    const run = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'plain.sqlite'), '--workers', '1', '--progress-every', '0.05']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(
      run.stdout.match(/^ok +\S+filing-\d{4}\.txt +\(#\d+: .*\d+ projects, \d+ indicators, \d+ findings, coverage \d+%.*\)$/gm),
    ).toHaveLength(12);
    expect(run.stdout).toMatch(/^12 file\(s\): 12 ingested, 0 skipped, 0 failed in [\d.]+ s → /m);
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('progress: '));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress)
      expect(line).toMatch(/^progress: \d+\/(\d+|\?) files, [\d.]+ filings\/s, [\d.]+ pages\/s, \d+ failed(, ETA \S+)?$/);
  });

  it('--json prints a summary that parses, with the per-file lines on standard error', async () => {
    const run = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'json.sqlite'), '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ files: 12, ingested: 12, skipped: 0, failed: 0, interrupted: false, failures: {} });
    expect(summary.by_format).toMatchObject({ txt: { ingested: 12 } });
    expect(Object.keys(summary.stage_ms as object)).toEqual(['read', 'parse', 'normalize', 'extract', 'check', 'store']);
    for (const key of ['elapsed_s', 'filings_per_s', 'pages_per_s', 'mb_per_s', 'peak_rss_mb', 'workers'])
      expect(typeof summary[key]).toBe('number');
    expect(run.stderr.match(/^ok /gm)).toHaveLength(12);
  });

  it('--quiet prints the summary only; with --json, the JSON only', async () => {
    const db = path.join(dir, 'quiet.sqlite');
    const quiet = await runCliAsync(['ingest', corpus, '--db', db, '--quiet']);
    expect(quiet.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^12 file\(s\): 12 ingested/)]);
    expect(quiet.stderr).toBe('');
    const both = await runCliAsync(['ingest', corpus, '--db', db, '--quiet', '--json']);
    expect(JSON.parse(both.stdout)).toMatchObject({ files: 12, skipped: 12 });
    expect(both.stderr).toBe('');
  });

  it('refuses bad limits as usage errors', async () => {
    for (const args of [
      ['--workers', '0'],
      ['--timeout', 'soon'],
      ['--max-size', '-1'],
      ['--max-pages', '2.5'],
      ['--worker-heap', '64'],
      ['--worker-heap', '1.5'],
    ]) {
      const run = await runCliAsync(['ingest', corpus, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(args[0]);
    }
  });

  it('runs with a lower --worker-heap, and a file that needs more fails alone, naming the limit', async () => {
    const run = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'heap.sqlite'), '--worker-heap', '256', '--quiet', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 12, ingested: 12, failed: 0 });

    // the sample 150 times over (5 MB of text) needs far more than 128 MB of heap; the small filings do not
    const mixed = path.join(dir, 'heap-mixed');
    mkdirSync(mixed);
    writeFileSync(path.join(mixed, 'huge.txt'), readFileSync(samplePath('txt'), 'utf8').repeat(150));
    writeTextCorpus(mixed, 2, 40);
    const tight = await runCliAsync(['ingest', mixed, '--db', path.join(dir, 'tight.sqlite'), '--worker-heap', '128', '--workers', '1']);
    expect(tight.code).toBe(1);
    expect(tight.stdout).toMatch(/^error +\S*huge\.txt +INTERNAL: .*ran out of memory \(heap limit 128 MB; see --worker-heap\)$/m);
    expect(tight.stdout).toMatch(/3 file\(s\): 2 ingested, 0 skipped, 1 failed/);
  }, 60_000);

  it('applies --max-size and --max-pages', async () => {
    const run = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'limits.sqlite'), '--max-size', '0.001', '--quiet', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ failed: 12, failures: { TOO_LARGE: 12 } });
    const pages = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'pages.sqlite'), '--max-pages', '1', '--quiet', '--json']);
    const summary = JSON.parse(pages.stdout) as { failures: Record<string, number>; failed: number; ingested: number };
    // a TXT's pages are counted from its printed page numbers: a short filing may have none to count
    expect(summary.failures).toEqual({ TOO_MANY_PAGES: summary.failed });
    expect(summary.failed).toBeGreaterThan(6);
    expect(summary.failed + summary.ingested).toBe(12);
  });
});
