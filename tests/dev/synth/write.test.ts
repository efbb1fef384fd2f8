import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFiling } from '../../../src/dev/synth/generate.js';
import { findSoffice, toDocx, toPdf, toText } from '../../../src/dev/synth/write.js';
import { zipEntry } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'synth-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('toText', () => {
  const filing = generateFiling(21, { template: 'prose', projectCount: 6 });

  it('writes clean text by default: one block per line, no page numbers', () => {
    const text = toText(filing);
    for (const block of filing.blocks) {
      if (block.type === 'paragraph') expect(text).toContain(`${block.text}\n`);
      if (block.type === 'list_item') expect(text).toContain(`${block.marker}${block.text}\n`);
    }
    expect(text).not.toMatch(/\n{3}/);
  });

  it('glues page numbers to the last line of a page and follows them with blank lines', () => {
    const text = toText(filing, { pageNumbers: true });
    const pageEnds = [...text.matchAll(/(\d+)\n{9,}/g)].map((match) => Number(match[1]));
    expect(pageEnds.length).toBeGreaterThan(1);
    // Each glued number ends with the page number, counting up from 1 (the text before it may end in digits too).
    pageEnds.forEach((number, i) => expect(String(number).endsWith(String(i + 1))).toBe(true));
  });

  it('hard-wraps paragraphs without losing characters', () => {
    const wrapped = toText(filing, { wrapAt: 38 });
    const paragraphLines = wrapped.split('\n');
    expect(Math.max(...paragraphLines.map((line) => [...line].length))).toBeLessThanOrEqual(38 + 40);
    expect(wrapped.replace(/\n/g, '')).toBe(toText(filing).replace(/\n/g, ''));
  });

  it('writes table rows readably, or one cell per line', () => {
    const table = generateFiling(21, { template: 'table' });
    const rows = toText(table);
    expect(rows).toMatch(/一级指标 \| 二级指标 \| 三级指标 \| (指标值|符号 \| 值 \| 单位)/);
    expect(rows).toMatch(/年度资金总额 \| /);
    const cells = toText(table, { tableLayout: 'cells' });
    expect(cells).toMatch(/\n一级指标\n二级指标\n三级指标\n/);
  });
});

describe('toDocx', () => {
  it('writes real headings and real tables with merged cells', async () => {
    const filing = generateFiling(33, { template: 'table', projectCount: 3 });
    const { value: html } = await mammoth.convertToHtml({ buffer: await toDocx(filing) });
    expect(html).toContain('<table>');
    expect(html).toMatch(/<h1>/);
    expect(html).toMatch(/<h2>/);
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toMatch(/colspan="\d+"/);
    expect(html).toContain('一级指标');
    for (const project of filing.truth.projects) expect(html).toContain(project.name);
  });

  it('writes numbered text and prose headings for the prose template', async () => {
    const filing = generateFiling(33, { template: 'prose', projectCount: 3 });
    const { value: text } = await mammoth.extractRawText({ buffer: await toDocx(filing) });
    for (const block of filing.blocks) if (block.type === 'list_item') expect(text).toContain(block.marker + block.text);
  });

  it('is deterministic: the same seed gives the same document.xml', async () => {
    const a = await toDocx(generateFiling(44, { inconsistencies: true }));
    const b = await toDocx(generateFiling(44, { inconsistencies: true }));
    const xml = zipEntry(a, 'word/document.xml');
    expect(xml).not.toBeNull();
    expect(xml).toBe(zipEntry(b, 'word/document.xml'));
    expect(xml).not.toBe(zipEntry(await toDocx(generateFiling(45)), 'word/document.xml'));
  });
});

describe('toPdf', () => {
  it('says why when LibreOffice is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const result = await toPdf(join(scratch, 'none.docx'), scratch);
      expect(result.path).toBeNull();
      expect(result.reason).toMatch(/LibreOffice/);
    } finally {
      process.env.PATH = path;
    }
  });

  it.skipIf(findSoffice() === null)('converts a DOCX with LibreOffice when it is installed', async () => {
    const docx = join(scratch, 'one.docx');
    writeFileSync(docx, await toDocx(generateFiling(5, { template: 'inline', projectCount: 3 })));
    const result = await toPdf(docx, scratch);
    expect(result.reason).toBeNull();
    expect(result.path).toBe(join(scratch, 'one.pdf'));
  });
});
