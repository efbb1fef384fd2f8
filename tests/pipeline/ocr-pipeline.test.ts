import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { samplePath } from '../helpers/paths.js';
import { scanPdf } from '../helpers/scan.js';

/** A folder with a two-page scan and a typed filing, ingested by the CLI: the scan goes to the OCR worker. */
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'filings-ocr-'));
  writeFileSync(path.join(dir, 'scan.pdf'), await scanPdf(readFileSync(samplePath('pdf')), { pages: [1, 2] }));
  writeFileSync(path.join(dir, 'typed.txt'), readFileSync(samplePath('txt')));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (...flags: string[]) => {
  const run = runCli(['ingest', dir, '--db', path.join(dir, `${flags.join('') || 'auto'}.db`), '--json', ...flags]);
  return { ...run, summary: JSON.parse(run.stdout) as { ingested: number; failed: number; failures: Record<string, number> } };
};

describe('ingest with scanned PDFs', () => {
  it('reads the scan by OCR next to the typed file (--ocr auto, the default)', () => {
    const run = ingest();
    expect(run.code).toBe(0);
    expect(run.summary).toMatchObject({ ingested: 2, failed: 0 });
    expect(run.stderr).toMatch(/ok\s.*scan\.pdf/);
  }, 150_000);

  it('refuses the scan as NO_TEXT_LAYER with --ocr never', () => {
    const run = ingest('--ocr', 'never');
    expect(run.summary).toMatchObject({ ingested: 1, failed: 1, failures: { NO_TEXT_LAYER: 1 } });
    expect(run.stderr).toMatch(/error\s.*scan\.pdf.*NO_TEXT_LAYER/);
  }, 150_000);

  it('says which modes --ocr takes', () => {
    const run = runCli(['ingest', dir, '--ocr', 'sometimes']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--ocr takes auto, always, never');
  });
});
