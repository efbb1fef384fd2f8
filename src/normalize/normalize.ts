import type { Block, DocumentModel, Format, Message, PrintedPageNumber, TableCell } from '../model/document.js';
import { displayWidth, foldWidth, isAsciiAlnum, isHorizontalSpace, isRemovableSpace } from '../model/characters.js';
import { CONTINUATION, TERMINAL, headingLevelOf, listMarkerOf } from './line-kinds.js';
import { MappedTextBuilder } from './mapped-text.js';
import { detectPageNumbers, type PageMarker } from './page-numbers.js';
import { rebuildTextTables } from './text-tables.js';
import { rebuildCellLines } from './cell-lines.js';
import { rebuildAlignedColumns } from './aligned-columns.js';
import type { SourceCell, SourceItem, SourceLine, SourceTable } from '../parsers/source-items.js';

/** Columns a wrapped line may differ from the wrap width: digits and Latin letters are narrower than two columns' worth. */
const WRAP_TOLERANCE = 8;
/** A page-break marker without a number ("---page---"), left by some converters. */
const PAGE_BREAK_LINE = /^-{2,}\s*page\s*-{2,}$/i;
/** Lines that are conversion debris, not content: pandoc's "[bookmark: _GoBack]". */
const ARTIFACT_LINES = [/^\[bookmark: [^\]]*\]$/];

export interface NormalizeInput {
  format: Format;
  items: SourceItem[];
  sourceText: string;
  sourceBlocks: number[] | null;
  /** Physical page count where the format has pages (PDF). */
  physicalPageCount: number | null;
  messages: Message[];
}

/** One source character after cutting page numbers: the character and where it stood. */
interface Char {
  ch: string;
  src: number;
}

interface Line {
  chars: Char[];
  /** Trimmed, folded text, for classifying the line. */
  text: string;
  page: number | null;
  styleHeading: number | null;
  /** Display width of the whole source line, kept when a line is split: it tells whether the page wrapped it. */
  width: number;
  /** Characters of the whole source line: what a wrap at a fixed number of characters measures. */
  length: number;
}

type Break = 'none' | 'soft' | 'hard';

interface PendingBlock {
  kind: 'heading' | 'paragraph' | 'list_item';
  level: number;
  marker: string;
  lines: Line[];
}

export function normalize(input: NormalizeInput): DocumentModel {
  const physicalPages = input.physicalPageCount !== null;
  let items = input.items.filter((item) => item.kind !== 'line' || !ARTIFACT_LINES.some((re) => re.test(item.text.trim())));
  const markers = detectPageNumbers(items, physicalPages);
  const pageOfItem = physicalPages ? (i: number) => items[i].page : printedPageOf(markers, items.length);
  const cuts = cutsByItem(markers);
  // pipe-separated lines are tables; page numbers glued to their rows were cut first
  items = rebuildTextTables(
    items.map((item, i) => (item.kind === 'line' && cuts.has(i) ? blankCuts(item, cuts.get(i)!) : item)),
    (i) => cuts.has(i),
  );
  // forms and indicator tables whose columns are aligned by spaces (pdftotext -layout)
  items = rebuildAlignedColumns(items, (i) => cuts.has(i));
  // forms and indicator tables flattened to one cell per line
  items = rebuildCellLines(items, (i) => cuts.has(i));
  const lines = items.map((item, i) => (item.kind === 'line' ? splitHeadingRunIn(toLine(item, cuts.get(i), pageOfItem(i))) : null));
  const wrap = estimateWrap(lines);
  const builder = new MappedTextBuilder();
  const pages = new PageTracker(builder);
  const blocks: Block[] = [];
  let pending: PendingBlock | null = null;
  let pendingBreak: Break = 'none';

  const flush = () => {
    if (pending) blocks.push(writeBlock(builder, pending, pages));
    pending = null;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'table') {
      flush();
      blocks.push(writeTable(builder, item, pageOfItem(i), pages));
      pendingBreak = 'hard';
      continue;
    }
    const parts = lines[i];
    if (parts === null || PAGE_BREAK_LINE.test(item.text.trim())) {
      // A blank line ends a paragraph, unless a page marker shows it is the gap a page break left.
      if (cuts.has(i) || parts !== null) pendingBreak = 'soft';
      else if (pendingBreak === 'none') pendingBreak = 'hard';
      continue;
    }
    for (const line of parts) {
      const previous = pending?.lines[pending.lines.length - 1];
      const pageChanged = physicalPages && previous !== undefined && previous.page !== line.page;
      const breakBefore: Break = pendingBreak === 'none' && pageChanged ? 'soft' : pendingBreak;
      if (pending && canJoin(pending, line, breakBefore, wrap)) {
        pending.lines.push(line);
      } else {
        flush();
        pending = startBlock(line);
      }
      pendingBreak = 'none';
    }
    if (cuts.has(i)) pendingBreak = 'soft';
  }
  flush();

  const { text, runs } = builder.build();
  const printedPageNumbers: PrintedPageNumber[] = markers.map((m) => ({
    number: m.number,
    sourceStart: m.sourceStart,
    sourceEnd: m.sourceEnd,
    raw: m.raw,
    physicalPage: physicalPages ? m.physicalPage : null,
  }));
  return {
    format: input.format,
    pageCount: physicalPages ? input.physicalPageCount : inferredPageCount(markers, blocks),
    text,
    blocks,
    sourceText: input.sourceText,
    sourceRuns: runs,
    sourceBlocks: input.sourceBlocks,
    printedPageNumbers,
    pageStarts: pages.starts,
    messages: input.messages,
  };
}

/** The line with its cut characters turned into spaces: same length, so offsets hold. */
function blankCuts(line: SourceLine, cuts: { from: number; to: number }[]): SourceLine {
  let text = '';
  for (let k = 0; k < line.text.length; k++) text += cuts.some((c) => k >= c.from && k < c.to) ? ' ' : line.text[k];
  return { ...line, text };
}

function cutsByItem(markers: PageMarker[]): Map<number, { from: number; to: number }[]> {
  const byItem = new Map<number, { from: number; to: number }[]>();
  for (const marker of markers) {
    for (const cut of marker.cuts) {
      const list = byItem.get(cut.item) ?? [];
      list.push({ from: cut.from, to: cut.to });
      byItem.set(cut.item, list);
    }
  }
  return byItem;
}

/**
 * TXT has no pages of its own: a printed number closes the page it stands on (footers are the rule in
 * these filings), so an item belongs to the page of the next marker; text after the last marker to the page after it.
 */
function printedPageOf(markers: PageMarker[], itemCount: number): (i: number) => number | null {
  if (markers.length === 0) return () => null;
  const pages = new Array<number>(itemCount);
  let m = 0;
  for (let i = 0; i < itemCount; i++) {
    while (m < markers.length && markers[m].lastItem < i) m++;
    pages[i] = m < markers.length ? markers[m].number : markers[markers.length - 1].number + 1;
  }
  return (i) => pages[i];
}

function inferredPageCount(markers: PageMarker[], blocks: Block[]): number | null {
  if (markers.length === 0) return null;
  const pages = new Set(blocks.map((b) => b.page).filter((p): p is number => p !== null));
  return pages.size;
}

/** The line's characters without page-number cuts and outer spaces, or null when nothing is left. */
function toLine(item: SourceLine, cuts: { from: number; to: number }[] | undefined, page: number | null): Line | null {
  const chars: Char[] = [];
  for (let k = 0; k < item.text.length; k++) {
    if (cuts?.some((c) => k >= c.from && k < c.to)) continue;
    chars.push({ ch: foldWidth(item.text[k]), src: item.sourceStart + k });
  }
  while (chars.length && isHorizontalSpace(chars[0].ch)) chars.shift();
  while (chars.length && isHorizontalSpace(chars[chars.length - 1].ch)) chars.pop();
  if (chars.length === 0) return null;
  const text = chars.map((c) => c.ch).join('');
  return { chars, text, page, styleHeading: item.headingLevel, width: displayWidth(text), length: chars.length };
}

/**
 * A numbered heading and the first list item run together on one line are two lines: "（三）评价标准1、目标一…"
 * where a converter dropped the page number and line break between them, or "（三）评价标准 1、…" where a
 * PDF put them on one baseline.
 */
function splitHeadingRunIn(line: Line | null): Line[] | null {
  if (line === null) return null;
  const limit = Math.min(32, line.text.length - 2);
  for (let k = 3; k <= limit; k++) {
    // the cheap test first: the rest must open with a digit or a bracket
    const rest = line.text.slice(k).trimStart();
    if (!/^[\d（(]/.test(rest)) continue;
    const head = line.text.slice(0, k).trimEnd();
    const level = headingLevelOf(head);
    if (level === null || level < 3 || listMarkerOf(rest) === null) continue;
    const restStart = line.text.length - rest.length;
    return [
      { ...line, chars: line.chars.slice(0, head.length), text: head },
      { ...line, chars: line.chars.slice(restStart), text: rest },
    ];
  }
  return [line];
}

/**
 * Where the text was wrapped: the most common display width (±2 columns) of lines that do not end a
 * sentence and run on into a line that opens nothing, and the most common exact length in characters of
 * the same lines. A page wraps at a width (digits are narrower than Chinese characters); some tools wrap
 * at a number of characters, which gives lines of one exact length and of varying widths. Null where the
 * text shows no such wrapping.
 */
interface Wrap {
  columns: number | null;
  characters: number | null;
}

/** Lines of one exact length it takes to believe in a wrap at a number of characters. */
const MIN_SAME_LENGTH_LINES = 3;

function estimateWrap(lines: (Line[] | null)[]): Wrap {
  const flat = lines.flatMap((parts) => parts ?? [null]);
  const widths = new Map<number, number>();
  const lengths = new Map<number, number>();
  flat.forEach((line, k) => {
    const next = flat[k + 1];
    if (!line || !next || TERMINAL.test(line.text)) return;
    if (headingLevelOf(next.text) !== null || listMarkerOf(next.text) !== null) return;
    if (line.width >= 40) widths.set(line.width, (widths.get(line.width) ?? 0) + 1);
    if (line.length >= 20) lengths.set(line.length, (lengths.get(line.length) ?? 0) + 1);
  });
  let columns: number | null = null;
  let bestCount = 1; // one wrapped-looking line is no evidence of a wrap width
  for (const width of widths.keys()) {
    let around = 0;
    for (let d = -2; d <= 2; d++) around += widths.get(width + d) ?? 0;
    if (around > bestCount || (around === bestCount && columns !== null && width > columns)) {
      columns = width;
      bestCount = around;
    }
  }
  let characters: number | null = null;
  let bestLength = MIN_SAME_LENGTH_LINES - 1;
  for (const [length, count] of lengths) {
    if (count > bestLength) {
      characters = length;
      bestLength = count;
    }
  }
  return { columns, characters };
}

function startBlock(line: Line): PendingBlock {
  const level = line.styleHeading ?? headingLevelOf(line.text);
  if (level !== null) return { kind: 'heading', level, marker: '', lines: [line] };
  const marker = listMarkerOf(line.text);
  if (marker !== null) return { kind: 'list_item', level: 0, marker, lines: [line] };
  return { kind: 'paragraph', level: 0, marker: '', lines: [line] };
}

/**
 * Join a line to the block before it when the line break was the page's, not the author's. Never when
 * the next line opens something (a heading, a list marker) or a blank line stood between. Otherwise when
 * the previous line ends in punctuation that cannot end a paragraph, when a page break split an
 * unfinished sentence, or when the previous line is as wide as the page's wrapped lines. A line ending
 * a sentence ends the block: where a sentence ends exactly at the margin and the paragraph goes on,
 * nothing in the text (nor, in the sample PDF, in the geometry) tells, and a split paragraph harms less
 * than two paragraphs run together.
 */
function canJoin(block: PendingBlock, line: Line, breakBefore: Break, wrap: Wrap): boolean {
  if (breakBefore === 'hard' || block.kind === 'heading') return false;
  if (line.styleHeading !== null || headingLevelOf(line.text) !== null || listMarkerOf(line.text) !== null) return false;
  const { text: last, width, length } = block.lines[block.lines.length - 1];
  if (TERMINAL.test(last)) return false;
  if (breakBefore === 'soft' || CONTINUATION.test(last)) return true;
  return (wrap.columns !== null && Math.abs(width - wrap.columns) <= WRAP_TOLERANCE) || length === wrap.characters;
}

/** Records where each page starts in the normalized text, as lines are written. */
class PageTracker {
  readonly starts: { page: number; start: number }[] = [];
  private current: number | null = null;

  constructor(private readonly builder: MappedTextBuilder) {}

  enter(page: number | null): void {
    if (page === null || page === this.current) return;
    this.starts.push({ page, start: this.builder.offset });
    this.current = page;
  }
}

function writeBlock(builder: MappedTextBuilder, block: PendingBlock, pages: PageTracker): Block {
  if (builder.offset > 0) builder.pushInserted('\n');
  const start = builder.offset;
  block.lines.forEach((line, index) => {
    pages.enter(line.page);
    // English words wrap at spaces; digits of one number do not (安排4 | 4万元 is 44万元)
    if (index > 0 && /[A-Za-z]/.test(builder.lastChar() ?? '') && /[A-Za-z]/.test(line.chars[0].ch)) builder.pushInserted(' ');
    writeChars(builder, line.chars);
  });
  const end = builder.offset;
  const page = block.lines[0].page;
  const text = builder.textBetween(start, end);
  if (block.kind === 'heading') return { type: 'heading', level: block.level, text, page, start, end };
  if (block.kind === 'list_item') return { type: 'list_item', marker: block.marker, text, page, start, end };
  return { type: 'paragraph', text, page, start, end };
}

/** Write characters, dropping spaces that conversion put between CJK and digits and collapsing runs of spaces. */
function writeChars(builder: MappedTextBuilder, chars: Char[]): void {
  for (let k = 0; k < chars.length; k++) {
    const { ch, src } = chars[k];
    if (isHorizontalSpace(ch) || ch === '\n') {
      const before = builder.lastChar();
      let next = k + 1;
      while (next < chars.length && (isHorizontalSpace(chars[next].ch) || chars[next].ch === '\n')) next++;
      const after = chars[next]?.ch;
      const gapHasNewline = chars.slice(k, next).some((c) => c.ch === '\n');
      if (!isRemovableSpace(before, after) && !(gapHasNewline && !(isAsciiAlnum(before ?? '') && isAsciiAlnum(after ?? '')))) {
        builder.pushChar(' ', src);
      }
      k = next - 1;
      continue;
    }
    builder.pushChar(ch, src);
  }
}

function writeTable(builder: MappedTextBuilder, table: SourceTable, page: number | null, pages: PageTracker): Block {
  if (builder.offset > 0) builder.pushInserted('\n');
  pages.enter(page);
  const start = builder.offset;
  const grid: TableCell[][] = [];
  table.rows.forEach((row, r) => {
    if (r > 0) builder.pushInserted('\n');
    grid[r] ??= [];
    let column = 0;
    row.forEach((cell, c) => {
      while (grid[r][column]) column++;
      if (c > 0) builder.pushInserted('\t');
      const placed = writeCell(builder, cell, page);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr][column + dc] = dr === 0 && dc === 0 ? placed : { ...placed, merged: true };
        }
      }
      column += cell.colSpan;
    });
  });
  const rows = grid.map((row) => Array.from(row, (cell) => cell ?? emptyCell(builder.offset, page)));
  return { type: 'table', rows, page, start, end: builder.offset };
}

function writeCell(builder: MappedTextBuilder, cell: SourceCell, page: number | null): TableCell {
  const chars: Char[] = [];
  const text = cell.text.trim();
  const lead = cell.text.indexOf(text);
  for (let k = 0; k < text.length; k++) {
    const src = cell.sources?.[lead + k] ?? (cell.exactSource ? cell.sourceStart + lead + k : cell.sourceStart);
    chars.push({ ch: foldWidth(text[k]), src });
  }
  const start = builder.offset;
  writeChars(builder, withoutNumberWraps(chars));
  const end = builder.offset;
  return {
    text: builder.textBetween(start, end),
    start,
    end,
    page,
    rowSpan: cell.rowSpan,
    colSpan: cell.colSpan,
    merged: false,
  };
}

/**
 * A figure that a narrow cell wrapped ("771,325,800.0" / "0"): the line break inside it is dropped, where
 * the line ends with a digit, a comma or a point and the next opens with a digit. Elsewhere a line break
 * between two ASCII letters or digits keeps a space (wrapped English words).
 */
function withoutNumberWraps(chars: Char[]): Char[] {
  const isBlank = (ch: string) => ch === '\n' || isHorizontalSpace(ch);
  return chars.filter((c, k) => {
    if (!isBlank(c.ch)) return true;
    let before = k - 1;
    while (before >= 0 && isBlank(chars[before].ch)) before--;
    let after = k + 1;
    while (after < chars.length && isBlank(chars[after].ch)) after++;
    const gap = chars.slice(before + 1, after);
    return !(
      gap.some((g) => g.ch === '\n') &&
      before >= 0 &&
      after < chars.length &&
      /[\d.,]/.test(chars[before].ch) &&
      /\d/.test(chars[after].ch)
    );
  });
}

function emptyCell(offset: number, page: number | null): TableCell {
  return { text: '', start: offset, end: offset, page, rowSpan: 1, colSpan: 1, merged: false };
}
