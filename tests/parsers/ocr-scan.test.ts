import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import type { Extraction } from '../../src/model/extraction.js';
import type { Finding } from '../../src/model/finding.js';
import { readDocument } from '../../src/normalize/read-document.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/parsers/index.js';
import { samplePath } from '../helpers/paths.js';
import { scanPdf } from '../helpers/scan.js';

/**
 * The sample PDF scanned as a hand-fed office scanner would (150 dpi, turned 1°, blurred, speckled, JPEG,
 * no text layer), read back through OCR: it must give what the typed PDF gives.
 */
let scan: Uint8Array;
let document: Awaited<ReturnType<typeof readDocument>>;
let extraction: Extraction;
let findings: Finding[];

beforeAll(async () => {
  scan = await scanPdf(readFileSync(samplePath('pdf')), { dpi: 150, rotate: 1, blur: 0.7, noise: 0.01, jpegQuality: 80 });
  document = await readDocument('pdf', scan);
  extraction = extractFiling(document);
  findings = runChecks({ document, extraction });
}, 900_000);

describe('a scan of the sample, read by OCR', () => {
  it('is refused with --ocr never, as before', async () => {
    await expect(readDocument('pdf', scan, { ...DEFAULT_PARSE_LIMITS, ocr: 'never' })).rejects.toMatchObject({ code: 'NO_TEXT_LAYER' });
  });

  it('reads every page by OCR and says so, with the tilt straightened', () => {
    const pages = document.messages.filter((m) => m.code === 'OCR_PAGE');
    expect(pages.map((m) => m.page)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(pages.some((m) => /tilt -?0\.[5-9]\d*°|tilt -?1\.\d+°/.test(m.message))).toBe(true);
  });

  it('finds the sample’s four sum mismatches, each value with its page', () => {
    const sums = findings.filter((f) => f.kind === 'sum_mismatch' && f.severity !== 'info');
    expect(sums.map((f) => [f.project, f.expected, f.actual])).toEqual([
      ['综治工作经费项目', '33', '8'],
      ['社区矫正基地维护项目', '14.5', '16'],
      ['群众中心办公楼维护项目', '41.3', '40.6'],
      ['法制工作专项项目', '243.08', '167'],
    ]);
    for (const location of sums.flatMap((f) => f.locations)) expect(location.page).toBeGreaterThan(0);
  });
});
