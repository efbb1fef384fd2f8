import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetsOf, type FormatFigures } from '../../../src/dev/bench/report.js';
import { compareWithSample } from '../../../src/dev/bench/sample-size.js';

function figures(over: Partial<FormatFigures>): FormatFigures {
  return {
    files: 200,
    failed: 0,
    pages: 600,
    megabytes: 2,
    workers: 2,
    filings_per_s: 100,
    pages_per_s: 300,
    mb_per_s: 1,
    one_worker_filings_per_s: 60,
    speedup: 1.67,
    parser: { tool: 'readFile', filings_per_s: 10000 },
    overhead: 2,
    overhead_wall: 2,
    native: null,
    first_10pct_filings_per_s: null,
    last_10pct_filings_per_s: null,
    stage_ms: { read: 0, parse: 0, normalize: 0, extract: 0, check: 0, store: 0 },
    peak_rss_mb: { one_worker: 250, workers: 380 },
    ...over,
  };
}

describe('compareWithSample', () => {
  it('compares the mean size of generated TXT files with the sample filing’s', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-size-'));
    const sampleDir = mkdtempSync(path.join(tmpdir(), 'bench-sample-'));
    writeFileSync(path.join(dir, 'a.txt'), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'b.txt'), 'x'.repeat(3000));
    writeFileSync(path.join(sampleDir, 'seed.txt'), 'x'.repeat(8000));
    writeFileSync(path.join(sampleDir, 'seed.expected.json'), '{}');
    expect(compareWithSample([path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], sampleDir)).toEqual({
      generated_text_kb: 2,
      sample_text_kb: 8,
      ratio: 0.25,
    });
    expect(compareWithSample([], sampleDir)).toBeNull();
  });

  it('finds the bundled sample by default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-size-'));
    writeFileSync(path.join(dir, 'a.txt'), 'x'.repeat(36463));
    expect(compareWithSample([path.join(dir, 'a.txt')])?.ratio).toBe(1);
  });
});

describe('targetsOf', () => {
  it('judges TXT throughput in sample-sized filings', () => {
    const size = { generated_text_kb: 12, sample_text_kb: 36, ratio: 0.33 };
    const [txt] = targetsOf({ txt: figures({ filings_per_s: 400 }) }, null, 2, null, size);
    expect(txt.met).toBe(false);
    expect(txt.measured).toContain('132 sample-sized filings/s');
    expect(targetsOf({ txt: figures({ filings_per_s: 1000 }) }, null, 2, null, size)[0].met).toBe(true);
    expect(targetsOf({ txt: figures({ filings_per_s: 1000 }) }, null, 2, null, null)[0].met).toBeNull();
  });

  it('reports memory and speed-up targets from the largest run and the time-weighted speed-up', () => {
    const targets = targetsOf(
      {
        txt: figures({}),
        docx: figures({ filings_per_s: 30, one_worker_filings_per_s: 20, peak_rss_mb: { one_worker: 300, workers: 420 } }),
      },
      null,
      2,
      1.98,
      null,
    );
    const byName = Object.fromEntries(targets.map((t) => [t.target, t]));
    // 200 files: reported, not judged; the target is for 10,000
    expect(byName['peak RSS ≤ 400 MB at 10,000 filings']).toMatchObject({
      measured: '420 MB (largest run, 200 files); judged only at 10,000 files (--count)',
      met: null,
    });
    const large = targetsOf({ txt: figures({ files: 10000, peak_rss_mb: { one_worker: 300, workers: 390 } }) }, null, 2, null, null);
    expect(large.find((t) => t.target.startsWith('peak RSS ≤'))).toMatchObject({
      measured: '390 MB (largest run, 10000 files)',
      met: true,
    });
    // one worker: 200/60 + 200/20 = 13.33 s; two: 200/100 + 200/30 = 8.67 s
    expect(byName['2 workers ≥ 1.7× one worker'].measured).toMatch(/^1\.54× overall/);
  });
});
