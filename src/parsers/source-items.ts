/**
 * What a parser hands to the normalizer: the lines and tables of a file, in reading order, each tied to
 * where it stands in the parser's source text. Characters of a line map 1:1 onto
 * sourceText[sourceStart + i]; the normalizer does the rest (page numbers, wrapping, width folding).
 */
export interface SourceLine {
  kind: 'line';
  text: string;
  sourceStart: number;
  /** Physical page (PDF); null where the format has none. */
  page: number | null;
  /** Heading level from the format's own styles (DOCX Heading 1–6); null when the format says nothing. */
  headingLevel: number | null;
}

export interface SourceCell {
  text: string;
  /** Source offset of text[0]; when `exactSource` is false the cell text was rebuilt and maps to this offset as a whole. */
  sourceStart: number;
  exactSource: boolean;
  /** Where a cell joins text from several lines: the source offset of each character of `text`. */
  sources?: number[];
  rowSpan: number;
  colSpan: number;
}

export interface SourceTable {
  kind: 'table';
  /** Rows as the format gives them (merged cells appear once, with their spans). */
  rows: SourceCell[][];
  page: number | null;
  sourceStart: number;
}

export type SourceItem = SourceLine | SourceTable;

export function sourceLine(text: string, sourceStart: number, page: number | null = null, headingLevel: number | null = null): SourceLine {
  return { kind: 'line', text, sourceStart, page, headingLevel };
}

/** Split a source text into lines with their offsets ("\r\n", "\n", "\r" and form feeds end a line). */
export function splitLines(text: string, base = 0, page: number | null = null): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /\r\n|\n|\r|\f/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push(sourceLine(text.slice(start, match.index), base + start, page));
    start = match.index + match[0].length;
  }
  lines.push(sourceLine(text.slice(start), base + start, page));
  return lines;
}
