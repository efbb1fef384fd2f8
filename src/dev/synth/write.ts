import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { isCoveredCell, type SynthBlock, type SynthFiling, type TableBlock } from './filing.js';
import { Rng } from './random.js';

export { toPdf, toPdfBatch, findSoffice, type PdfResult } from './pdf.js';

/**
 * Writers: a filing's blocks as the plain text a badly converted filing looks like, and as a real DOCX
 * (headings, numbered text, tables with merged cells). PDFs are made from the DOCX by LibreOffice (pdf.ts).
 */

export interface TextOptions {
  /** Glue a printed page number to the last line of every page (~35 lines) and follow it with blank lines. */
  pageNumbers?: boolean;
  /** Lines per page for `pageNumbers`; varied by ±3 from page to page. Default 35. */
  linesPerPage?: number;
  /** Hard-wrap paragraphs and list items at this many characters, as PDF text keeps printed lines. */
  wrapAt?: number | null;
  /** 'rows': a table row per line, cells joined by " | " (readable); 'cells': one cell per line (web/PDF copy). */
  tableLayout?: 'rows' | 'cells';
}

function wrap(text: string, width: number | null): string[] {
  if (width === null || width <= 0) return [text];
  const chars = [...text];
  const lines: string[] = [];
  for (let start = 0; start < chars.length; start += width) lines.push(chars.slice(start, start + width).join(''));
  return lines.length === 0 ? [''] : lines;
}

/** Row-span continuation cells print empty (columns stay aligned); col-span continuation cells are dropped. */
function tableLines(table: TableBlock, layout: 'rows' | 'cells'): string[] {
  const lines: string[] = [];
  table.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!isCoveredCell(table, r, c)) cells.push(cell);
      else if (!table.merges.some((merge) => merge.row === r && c > merge.col && c < merge.col + merge.colSpan) && layout === 'rows')
        cells.push('');
    });
    if (layout === 'rows') lines.push(cells.map((cell) => cell.replace(/\n/g, '')).join(' | '));
    else for (const cell of cells) lines.push(...cell.split('\n'));
  });
  return lines;
}

function blockLines(block: SynthBlock, options: Required<TextOptions>): string[] {
  switch (block.type) {
    case 'heading':
      return block.level <= 2 ? ['', block.text] : [block.text];
    case 'paragraph':
      return wrap(block.text, options.wrapAt);
    case 'list_item':
      return wrap(block.marker + block.text, options.wrapAt);
    case 'table':
      return tableLines(block, options.tableLayout);
  }
}

/** Page numbers glued to the last line of each page, then a run of blank lines where the page break was. */
function paginate(lines: string[], linesPerPage: number, rng: Rng): string[] {
  const out: string[] = [];
  let page = 1;
  let onPage = 0;
  let pageLength = linesPerPage + rng.int(-3, 3);
  for (const line of lines) {
    out.push(line);
    onPage++;
    if (onPage >= pageLength) {
      out[out.length - 1] = `${line}${page}`;
      out.push(...Array<string>(rng.int(8, 14)).fill(''));
      page++;
      onPage = 0;
      pageLength = linesPerPage + rng.int(-3, 3);
    }
  }
  return out;
}

export function toText(filing: SynthFiling, options: TextOptions = {}): string {
  const resolved: Required<TextOptions> = {
    pageNumbers: options.pageNumbers ?? false,
    linesPerPage: options.linesPerPage ?? 35,
    wrapAt: options.wrapAt ?? null,
    tableLayout: options.tableLayout ?? 'rows',
  };
  let lines = filing.blocks.flatMap((block) => blockLines(block, resolved));
  while (lines[0] === '') lines.shift();
  if (resolved.pageNumbers) lines = paginate(lines, resolved.linesPerPage, new Rng(filing.seed).fork('text-pages'));
  return `${lines.join('\n')}\n`;
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function docxTable(table: TableBlock): Table {
  const rows = table.rows.map((row, r) => {
    const cells: TableCell[] = [];
    row.forEach((text, c) => {
      if (isCoveredCell(table, r, c)) return;
      const merge = table.merges.find((candidate) => candidate.row === r && candidate.col === c);
      cells.push(
        new TableCell({
          children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
          rowSpan: merge?.rowSpan,
          columnSpan: merge?.colSpan,
        }),
      );
    });
    return new TableRow({ children: cells, tableHeader: r < table.headerRows });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function docxBlock(block: SynthBlock): Paragraph | Table {
  switch (block.type) {
    case 'heading':
      return new Paragraph({ heading: HEADING_LEVELS[block.level], children: [new TextRun(block.text)] });
    case 'paragraph':
      return new Paragraph({ children: [new TextRun(block.text)] });
    case 'list_item':
      // Filings type their numbering ("1、", "（一）"), so the marker is text, not Word list numbering.
      return new Paragraph({ children: [new TextRun(block.marker + block.text)] });
    case 'table':
      return docxTable(block);
  }
}

/** A DOCX with real headings and tables. Word's own fields (creation date) vary; document.xml does not. */
export async function toDocx(filing: SynthFiling): Promise<Buffer> {
  const document = new Document({
    creator: 'filings synth',
    title: filing.id,
    styles: {
      default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' }, size: 24 } } },
    },
    sections: [{ children: filing.blocks.map(docxBlock) }],
  });
  return Packer.toBuffer(document);
}
