import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from '../../src/parsers/pdfjs.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FONT_SINK_DOCUMENT, PDF_ASSETS, PDF_READ_OPTIONS, parsePdf } from '../../src/parsers/pdf.js';
import { hasShared, repoRoot, samplePath, sharedDir, warnSkipped } from '../helpers/paths.js';

/**
 * The PDF reader lets pdf.js load fonts into a document that discards them, so that getOperatorList does
 * not compile glyph outlines (src/parsers/pdf.ts, FONT_SINK_DOCUMENT). Nothing it reads may change.
 */

/** Text and tables of the first `pages` pages, read with the given pdf.js options. */
async function read(bytes: Uint8Array, options: object, pages: number) {
  const parser = new PDFParse({ data: new Uint8Array(bytes), ...options, verbosity: 0 });
  try {
    const total = (await parser.getInfo()).total;
    const partial = Array.from({ length: Math.min(total, pages) }, (_, i) => i + 1);
    const text = await parser.getText({ partial });
    const tables = await parser.getTable({ partial });
    return { text: text.pages, tables: tables.pages };
  } finally {
    await parser.destroy();
  }
}

const fixturePdfs = [
  samplePath('pdf'),
  ...readdirSync(path.join(repoRoot, 'fixtures', 'templates'))
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(repoRoot, 'fixtures', 'templates', f)),
];
const realPdfs = hasShared
  ? readdirSync(path.join(sharedDir, 'real-filings'))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => path.join(sharedDir, 'real-filings', f))
  : [];

describe('reading PDFs without glyph outlines', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(fixturePdfs.map((file) => [path.relative(repoRoot, file), file]))(
    'gives the same text and tables as pdf.js by default: %s',
    async (_name, file) => {
      const bytes = readFileSync(file);
      const ours = await read(bytes, PDF_READ_OPTIONS, 40);
      expect(ours.text.map((page) => page.text).join('').length).toBeGreaterThan(500);
      expect(ours).toEqual(await read(bytes, PDF_ASSETS, 40));
      // the sample and the table template have ruled tables: the comparison covers getTable's cells
      if (/seed|table_/.test(file)) expect(ours.tables.some((page) => page.tables.length > 0)).toBe(true);
    },
  );

  it('gives the same text and tables on real filings made by other software (first pages)', async () => {
    if (realPdfs.length === 0) return warnSkipped('real PDFs of ../shared/real-filings');
    for (const file of realPdfs) {
      const bytes = readFileSync(file);
      const ours = await read(bytes, PDF_READ_OPTIONS, 6);
      expect(ours.text.map((page) => page.text).join('').length, file).toBeGreaterThan(500);
      expect(ours, file).toEqual(await read(bytes, PDF_ASSETS, 6));
    }
  }, 120_000);

  it('is how the PDF reader reads: pdf.js loads the fonts into the discarding document', async () => {
    const createElement = vi.spyOn(FONT_SINK_DOCUMENT, 'createElement');
    const parsed = await parsePdf(readFileSync(samplePath('pdf')));
    expect(parsed.physicalPageCount).toBe(24);
    expect(createElement).toHaveBeenCalledWith('style');
  });
});
