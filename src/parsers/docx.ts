import mammoth from 'mammoth';
import type { Message } from '../model/document.js';
import type { SourceCell, SourceItem } from './source-items.js';
import { IngestError } from './errors.js';
import type { ParsedSource } from './parsed-source.js';
import { sniff, SNIFFED_NAMES } from './sniff.js';
import { DEFAULT_ZIP_LIMITS, openVerifiedZip, type VerifiedZip, type ZipLimits } from './zip-guard.js';

/** The parts of mammoth's document tree we read (mammoth/lib/documents.js). */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
}

/**
 * DOCX through mammoth's document tree (taken with `transformDocument`), not its raw text, which
 * flattens tables. Headings come from paragraph styles, tables keep rows, cells and merges.
 * The source text is every paragraph and cell joined by "\n"; `sourceBlocks` says where each starts.
 */
export async function parseDocx(bytes: Uint8Array, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedSource> {
  if (bytes.length === 0) throw new IngestError('EMPTY_FILE', 'zero bytes', 'read');
  const kind = sniff(bytes);
  if (kind !== 'zip') {
    throw new IngestError(
      kind === 'unknown' ? 'CORRUPT_DOCX' : 'NOT_DOCX',
      `the content is ${kind === 'unknown' ? 'not a ZIP archive' : SNIFFED_NAMES[kind]}`,
    );
  }
  const zip = await openVerifiedZip(bytes, zipLimits);
  if (!zip.has('word/document.xml')) throw new IngestError('NOT_DOCX', 'the archive has no word/document.xml');

  let tree: DocxElement | null = null;
  let mammothMessages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { file: mammothFile(zip) } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
      {
        transformDocument: (document: DocxElement) => {
          tree = document;
          // The tree is all we read. mammoth's HTML writer gets an empty body, so it neither renders HTML
          // nor converts images that would be thrown away (a quarter of the time of a small DOCX); only its
          // own messages about that HTML (unmapped styles) go with it, the reader's messages are kept.
          return { ...document, children: [] };
        },
        // the default style map serves the HTML writer only, and parsing it costs on every call
        includeDefaultStyleMap: false,
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
    mammothMessages = result.messages;
  } catch (error) {
    throw new IngestError('CORRUPT_DOCX', error instanceof Error ? error.message : String(error));
  }
  if (tree === null) throw new IngestError('CORRUPT_DOCX', 'mammoth returned no document');
  const reader = new TreeReader();
  reader.readBody(tree);
  const messages: Message[] = mammothMessages.map((m) => ({
    code: 'MAMMOTH',
    severity: m.type === 'error' ? 'error' : 'warning',
    message: m.message,
    page: null,
    source: null,
  }));
  if (!reader.hasText()) throw new IngestError('NO_TEXT', 'the document body has no text');
  return {
    items: reader.items,
    sourceText: reader.sourceParts.join('\n'),
    sourceBlocks: reader.sourceBlocks,
    physicalPageCount: null,
    messages,
    meta: {},
  };
}

/**
 * The verified archive in the shape mammoth reads (mammoth/lib/zipfile.js): mammoth then parses only bytes
 * that passed the CRC and size checks, and JSZip never inflates the archive a second time.
 */
function mammothFile(zip: VerifiedZip) {
  return {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      const data = zip.read(name);
      if (data === null) throw new Error(`no entry ${name} in the archive`);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

class TreeReader {
  readonly items: SourceItem[] = [];
  readonly sourceParts: string[] = [];
  readonly sourceBlocks: number[] = [];
  private offset = 0;

  hasText(): boolean {
    return this.sourceParts.some((part) => part.trim() !== '');
  }

  readBody(element: DocxElement): void {
    for (const child of element.children ?? []) {
      if (child.type === 'paragraph') this.readParagraph(child);
      else if (child.type === 'table') this.readTable(child);
      else this.readBody(child);
    }
  }

  /** A source block: one paragraph or cell, appended to the source text. */
  private addSource(text: string): number {
    const start = this.offset;
    this.sourceBlocks.push(start);
    this.sourceParts.push(text);
    this.offset += text.length + 1;
    return start;
  }

  private readParagraph(paragraph: DocxElement): void {
    const text = inlineText(paragraph);
    const start = this.addSource(text);
    const level = headingLevel(paragraph);
    // a paragraph with manual line breaks is several lines
    let lineStart = 0;
    for (const line of text.split('\n')) {
      this.items.push({ kind: 'line', text: line, sourceStart: start + lineStart, page: null, headingLevel: level });
      lineStart += line.length + 1;
    }
  }

  private readTable(table: DocxElement): void {
    const rows: SourceCell[][] = [];
    let tableStart = -1;
    for (const row of table.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells: SourceCell[] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        const text = (cell.children ?? []).map(blockText).join('\n');
        const sourceStart = this.addSource(text);
        if (tableStart < 0) tableStart = sourceStart;
        cells.push({ text, sourceStart, exactSource: true, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 });
      }
      rows.push(cells);
    }
    if (rows.length > 0) this.items.push({ kind: 'table', rows, page: null, sourceStart: Math.max(0, tableStart) });
  }
}

/** Text of a paragraph or a nested table inside a cell. */
function blockText(element: DocxElement): string {
  if (element.type === 'table') {
    return (element.children ?? [])
      .map((row) => (row.children ?? []).map((cell) => (cell.children ?? []).map(blockText).join(' ')).join('\t'))
      .join('\n');
  }
  return inlineText(element);
}

function inlineText(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return element.breakType === 'line' || element.breakType === undefined ? '\n' : '';
    default:
      return (element.children ?? []).map(inlineText).join('');
  }
}

/** "Heading 2", "heading2", "标题 2", "Title" → a level. */
function headingLevel(paragraph: DocxElement): number | null {
  const name = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`;
  const match = /(?:heading|标题)\s*(\d)/i.exec(name);
  if (match) return Math.min(6, Math.max(1, Number(match[1])));
  if (/\btitle\b/i.test(name)) return 1;
  return null;
}
