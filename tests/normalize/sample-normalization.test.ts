import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/normalize/read-document.js';
import type { DocumentModel } from '../../src/model/document.js';
import { foldWidth } from '../../src/model/characters.js';
import { toSourceOffset, toSourceSpan } from '../../src/normalize/mapped-text.js';
import { samplePath } from '../helpers/paths.js';

const formats = ['txt', 'docx', 'pdf'] as const;
const docs = {} as Record<(typeof formats)[number], DocumentModel>;

beforeAll(async () => {
  for (const format of formats) docs[format] = await readDocument(format, readFileSync(samplePath(format)));
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Paragraph-like blocks outside 四、部门绩效文本信息, which the TXT holds only as a flattened table. */
function paragraphTexts(document: DocumentModel): string[] {
  const texts: string[] = [];
  let inFlattenedTable = false;
  for (const block of document.blocks) {
    if (block.type === 'table') continue;
    if (block.text.startsWith('四、部门绩效文本信息')) inFlattenedTable = true;
    else if (block.text.startsWith('第二部分')) inFlattenedTable = false;
    if (!inFlattenedTable) texts.push(squeeze(block.text));
  }
  return texts;
}

/**
 * Same paragraphs, except that where a sentence ends exactly at a PDF line's end, one rendering may
 * hold as two blocks what another holds as one (the text cannot tell; see canJoin in normalize.ts).
 * Such a pair is merged before comparing, and only after sentence-final punctuation.
 */
function alignAtSentenceEnds(a: string[], b: string[]): { a: string[]; b: string[]; merges: number } {
  const outA: string[] = [];
  const outB: string[] = [];
  let i = 0;
  let j = 0;
  let merges = 0;
  while (i < a.length && j < b.length) {
    let x = a[i++];
    let y = b[j++];
    while (x !== y && /[。！？]$/.test(x.length < y.length ? x : y)) {
      if (x.length < y.length && y.startsWith(x) && i < a.length) x += a[i++];
      else if (y.length < x.length && x.startsWith(y) && j < b.length) y += b[j++];
      else break;
      merges++;
    }
    outA.push(x);
    outB.push(y);
  }
  return { a: [...outA, ...a.slice(i)], b: [...outB, ...b.slice(j)], merges };
}

describe('the sample filing in three renderings', () => {
  it('gives the same paragraph texts from TXT, DOCX and PDF outside the flattened table', () => {
    const txt = paragraphTexts(docs.txt);
    expect(txt.length).toBeGreaterThan(300);
    for (const other of ['docx', 'pdf'] as const) {
      const aligned = alignAtSentenceEnds(txt, paragraphTexts(docs[other]));
      expect(aligned.b).toEqual(aligned.a);
      expect(aligned.merges).toBeLessThanOrEqual(2);
    }
  });

  it.each(formats)('leaves no printed page number inside the text (%s)', (format) => {
    const text = squeeze(docs[format].text);
    for (const phrase of [
      '宣传覆盖效果',
      '不得超过10%',
      '专项资金管理办法',
      '各类法律知识',
      '据以往工作经验',
      '本部门结合上级要求',
      '确保使宣传资料',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    expect(text).not.toMatch(/宣传覆\d|不得超过27|资金12管理|法律23知识/);
  });

  it('records the printed page numbers of the TXT with their gaps', () => {
    const numbers = docs.txt.printedPageNumbers.map((p) => p.number);
    const expected = [...range(3, 19), ...range(22, 34), 36];
    expect(numbers).toEqual(expected);
    const gaps = numbers
      .slice(1)
      .map((n, k) => [numbers[k], n])
      .filter(([a, b]) => b - a > 1);
    expect(gaps).toEqual([
      [19, 22],
      [34, 36],
    ]);
    // each is recorded where it stood in the source
    for (const page of docs.txt.printedPageNumbers) {
      expect(docs.txt.sourceText.slice(page.sourceStart, page.sourceEnd).replace(/[\s()]/g, '')).toBe(String(page.number));
    }
  });

  it('assigns TXT blocks to the printed page they were printed on', () => {
    const block = docs.txt.blocks.find((b) => b.type !== 'table' && b.text.includes('宣传覆盖效果'));
    expect(block?.page).toBe(16);
    const pdfBlock = docs.pdf.blocks.find((b) => b.type !== 'table' && b.text.includes('关于信访维稳项目'));
    expect(pdfBlock?.page).toBe(7);
    expect(docs.pdf.pageCount).toBe(24);
    expect(docs.pdf.printedPageNumbers.map((p) => p.number)).toEqual(range(1, 24));
  });

  it.each(formats)('maps every normalized character back to the source character it came from (%s)', (format) => {
    const document = docs[format];
    const tableSpans = document.blocks.filter((b) => b.type === 'table').map((b) => [b.start, b.end]);
    const inPdfTable = (i: number) => format === 'pdf' && tableSpans.some(([s, e]) => i >= s && i < e);
    let checked = 0;
    for (let i = 0; i < document.text.length; i++) {
      const ch = document.text[i];
      if (ch === '\n' || ch === '\t' || inPdfTable(i)) continue;
      const source = toSourceOffset(document.sourceRuns, i);
      expect(source, `offset ${i}`).not.toBeNull();
      const original = document.sourceText[source!];
      expect(ch === ' ' ? /\s/.test(original) : foldWidth(original) === ch, `offset ${i}: ${ch} vs ${original}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('maps a phrase split by a page break to the source span that holds both halves and the page number', () => {
    const document = docs.txt;
    const start = document.text.indexOf('宣传覆盖效果');
    const span = toSourceSpan(document.sourceRuns, start, start + '宣传覆盖效果'.length)!;
    const source = document.sourceText.slice(span.start, span.end);
    expect(source.startsWith('宣传覆16')).toBe(true);
    expect(source.endsWith('盖效果')).toBe(true);
  });

  it('maps DOCX offsets to a source paragraph and an offset inside it', () => {
    const document = docs.docx;
    const start = document.text.indexOf('至少达90%');
    const source = toSourceOffset(document.sourceRuns, start)!;
    const blockStarts = document.sourceBlocks!;
    const block = blockStarts.findLastIndex((s) => s <= source);
    const paragraph = document.sourceText.slice(blockStarts[block]).split('\n')[0];
    expect(paragraph.slice(source - blockStarts[block]).startsWith('至少达90%')).toBe(true);
  });

  it.each(['docx', 'pdf'] as const)('reads the department indicator table as a table of 7 rows (%s)', (format) => {
    const table = docs[format].blocks.find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows).toHaveLength(7);
    expect(table.rows[0].map((c) => c.text)).toEqual(['一级指标', '二级指标', '三级指标', '符号', '值', '单位', '指标说明']);
    expect(table.rows[3].slice(0, 6).map((c) => c.text)).toEqual(['产出指标', '完成率', '信息采集上报比例', '=', '100', '%']);
    expect(table.rows[6].slice(0, 5).map((c) => c.text)).toEqual(['满意度指标', '群众满意度', '群众满意度', '=', '']);
    for (const cell of table.rows.flat()) expect(docs[format].text.slice(cell.start, cell.end)).toBe(cell.text);
  });

  it('keeps headings and list items as their own blocks', () => {
    const texts = docs.pdf.blocks.filter((b) => b.type !== 'table').map((b) => (b.type === 'table' ? '' : b.text));
    expect(texts).toContain('（一）项目概况');
    expect(texts).toContain('1、日常接访方面，安排6万元。');
    const item = docs.pdf.blocks.find((b) => b.type === 'list_item' && b.text.startsWith('2、完成特殊敏感期间'));
    expect(item?.type === 'list_item' && item.text.endsWith('开展网上信访知识宣传活动。')).toBe(true);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
