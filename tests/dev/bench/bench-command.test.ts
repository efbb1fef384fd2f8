import { mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdftotext } from '../../../src/dev/bench/reference.js';
import { findSoffice } from '../../../src/dev/synth/pdf.js';
import { tempDir } from '../../pipeline/helpers.js';
import { runScript } from '../../helpers/cli.js';
import { benchPath } from '../../helpers/paths.js';

const STAGES = ['read', 'parse', 'normalize', 'extract', 'check', 'store'];

interface FormatReport {
  files: number;
  failed: number;
  pages: number;
  filings_per_s: number;
  one_worker_filings_per_s: number;
  parser: { tool: string; filings_per_s: number };
  native: { tool: string; filings_per_s: number } | null;
  stage_ms: Record<string, number>;
  peak_rss_mb: { one_worker: number; workers: number };
}

interface BenchJson {
  corpus: { count: number; notes: string[] };
  formats: Record<string, FormatReport>;
  targets: { target: string; measured: string; met: boolean | null }[];
}

function readReport(out: string): { json: BenchJson; markdown: string } {
  return {
    json: JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8')) as BenchJson,
    markdown: readFileSync(path.join(out, 'bench.md'), 'utf8'),
  };
}

/** What every measured format must show: real timings of the files it was given, none failed. */
function expectMeasured(report: FormatReport | undefined, files: number): void {
  expect(report).toBeDefined();
  expect(report!.files).toBe(files);
  expect(report!.failed).toBe(0);
  expect(report!.filings_per_s).toBeGreaterThan(0);
  expect(report!.one_worker_filings_per_s).toBeGreaterThan(0);
  expect(report!.parser.filings_per_s).toBeGreaterThan(0);
  expect(Object.keys(report!.stage_ms).sort()).toEqual([...STAGES].sort());
  expect(report!.peak_rss_mb.one_worker).toBeGreaterThan(0);
  expect(report!.peak_rss_mb.workers).toBeGreaterThan(0);
}

// The benchmark end to end on a tiny corpus: what it prints and writes, never how fast it is.
describe('filings bench', () => {
  it('runs without LibreOffice: says so, leaves PDF out, and reports TXT and DOCX', () => {
    const root = tempDir('bench-nolo');
    // a PATH that holds node and nothing else: no soffice, no pdftotext
    const bin = path.join(root, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const out = path.join(root, 'out');
    const run = runScript(benchPath, ['--count', '2', '--formats', 'txt,docx,pdf', '--out', out], { env: { PATH: bin } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/PDF skipped: LibreOffice/);

    const corpus = path.join(out, 'bench-corpus');
    expect(readdirSync(path.join(corpus, 'txt')).filter((f) => f.endsWith('.txt'))).toHaveLength(2);
    expect(readdirSync(path.join(corpus, 'docx')).filter((f) => f.endsWith('.docx'))).toHaveLength(2);

    const { json, markdown } = readReport(out);
    expect(Object.keys(json.formats).sort()).toEqual(['docx', 'txt']);
    expectMeasured(json.formats.txt, 2);
    expectMeasured(json.formats.docx, 2);
    expect(json.formats.txt.parser.tool).toBe('readFile');
    expect(json.formats.docx.parser.tool).toMatch(/mammoth/);
    expect(json.corpus.notes.join(' ')).toMatch(/LibreOffice/);
    expect(json.targets.map((t) => t.target).join('\n')).toMatch(/TXT ≥ 300[\s\S]*DOCX overhead/);
    expect(json.targets.some((t) => t.target.startsWith('PDF'))).toBe(false);

    expect(markdown).toMatch(/^\| txt \| 2 \|/m);
    expect(markdown).toMatch(/^\| docx \| 2 \|/m);
    expect(markdown).not.toMatch(/^\| pdf \|/m);
    expect(markdown).toMatch(/PDF skipped/);
  }, 180_000);

  it.skipIf(findSoffice() === null)(
    'measures PDFs where LibreOffice is installed, against pdf-parse and pdftotext when present',
    () => {
      const out = path.join(tempDir('bench-pdf'), 'out');
      const run = runScript(benchPath, ['--count', '2', '--formats', 'pdf', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const { json, markdown } = readReport(out);
      expect(Object.keys(json.formats)).toEqual(['pdf']);
      expectMeasured(json.formats.pdf, 2);
      expect(json.formats.pdf.pages).toBeGreaterThan(0);
      expect(json.formats.pdf.parser.tool).toMatch(/pdf-parse/);
      if (hasPdftotext()) {
        expect(json.formats.pdf.native?.tool).toBe('pdftotext');
        expect(json.formats.pdf.native?.filings_per_s).toBeGreaterThan(0);
      } else {
        expect(json.formats.pdf.native).toBeNull();
      }
      expect(markdown).toMatch(/^\| pdf \| 2 \|/m);
      expect(json.targets.some((t) => t.target.startsWith('PDF overhead'))).toBe(true);
    },
    300_000,
  );
});
