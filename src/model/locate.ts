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
