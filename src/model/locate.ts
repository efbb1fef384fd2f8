import type { Block, DocumentModel, Source } from './document.js';

/** The page a normalized offset falls on, from the document's page starts; null where the format has none. */
export function pageAt(document: Pick<DocumentModel, 'pageStarts'>, offset: number): number | null {
  const starts = document.pageStarts;
  let lo = 0;
  let hi = starts.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid].start <= offset) {
      found = starts[mid].page;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? starts[0]?.page ?? null;
}

/** A located quote for normalized [start, end). */
export function locate(document: Pick<DocumentModel, 'pageStarts' | 'text'>, start: number, end: number): Source {
  return { page: pageAt(document, start), start, end, quote: document.text.slice(start, end) };
}

/** The text of a block that has text (tables: null). */
export function blockText(block: Block): string | null {
  return block.type === 'table' ? null : block.text;
}

/** The 1-based line of a normalized offset: where a format has no pages (TXT without printed page numbers, DOCX). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/** "p.3" where the location has a page, "l.123" where it has none. */
export function whereLabel(page: number | null, line: () => number): string {
  return page === null ? `l.${line()}` : `p.${page}`;
}
