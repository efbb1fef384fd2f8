import type { Block, DocumentModel, Span, TableBlock } from '../model/document.js';
import { assignMarks, highlight, type Mark } from './highlight.js';
import { Html, html } from './html.js';

/**
 * The filing's normalized text laid out by page, as blocks (headings, paragraphs, list items, tables),
 * with the marks highlighted. Every rendered piece of text (a block, a table cell) carries its span as
 * `data-s`/`data-e`, so the page's script can find the text at any offset.
 */

interface PageSection {
  /** The page number (printed for TXT, physical for PDF); null for DOCX or a text without page numbers. */
  page: number | null;
  blocks: Block[];
}

/** Blocks grouped by the page they start on, following `pageStarts`. */
function pageSections(document: DocumentModel): PageSection[] {
  const starts = [...document.pageStarts].sort((a, b) => a.start - b.start);
  if (starts.length === 0) return [{ page: null, blocks: document.blocks }];
  const sections: PageSection[] = [];
  let next = 0;
  let current: PageSection = { page: starts[0].start > 0 ? null : starts[0].page, blocks: [] };
  for (const block of document.blocks) {
    while (next < starts.length && starts[next].start <= block.start) {
      if (current.blocks.length > 0) sections.push(current);
      current = { page: starts[next].page, blocks: [] };
      next += 1;
    }
    current.blocks.push(block);
  }
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}

/** A page that begins inside a block (a paragraph running over a page break) is shown where it begins. */
function pageBreakMarks(document: DocumentModel): Mark[] {
  const marks: Mark[] = [];
  let k = 0;
  for (const ps of [...document.pageStarts].sort((a, b) => a.start - b.start)) {
    while (k < document.blocks.length && document.blocks[k].end <= ps.start) k += 1;
    const block = document.blocks[k];
    if (block && block.start < ps.start)
      marks.push({ id: `pb${ps.page}`, start: ps.start, end: ps.start, classes: 'page-mark', title: `第${ps.page}页` });
  }
  return marks;
}

/** Where a rendered piece of text lies in the normalized text: how the script finds an offset. */
const spanAttributes = (leaf: Span) => html`data-s="${leaf.start}" data-e="${leaf.end}"`;

function tableView(text: string, table: TableBlock, marks: Mark[]): Html {
  const cells = table.rows.flatMap((row) => row.filter((cell) => !cell.merged));
  const byCell = assignMarks(cells, marks);
  const marksOf = new Map(cells.map((cell, k) => [cell, byCell[k]]));
  return html`<table class="blk tbl" ${spanAttributes(table)}>${table.rows.map(
    (row) =>
      html`<tr>${row
        .filter((cell) => !cell.merged)
        .map(
          (cell) =>
            html`<td ${spanAttributes(cell)}${cell.rowSpan > 1 ? html` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? html` colspan="${cell.colSpan}"` : ''}>${highlight(text, cell.start, cell.end, marksOf.get(cell) ?? [])}</td>`,
        )}</tr>`,
  )}</table>`;
}

function blockView(text: string, block: Block, marks: Mark[]): Html {
  if (block.type === 'table') return tableView(text, block, marks);
  const content = highlight(text, block.start, block.end, marks);
  if (block.type === 'heading') {
    // level 1 (part) → h2: the page's own title is the h1
    const tag = `h${Math.min(block.level + 1, 6)}`;
    return new Html(`<${tag} class="blk" ${spanAttributes(block)}>${content}</${tag}>`);
  }
  return html`<p class="blk${block.type === 'list_item' ? ' li' : ''}" ${spanAttributes(block)}>${content}</p>`;
}

export function documentView(document: DocumentModel, marks: readonly Mark[]): Html {
  const all = [...marks, ...pageBreakMarks(document)];
  const byBlock = assignMarks(document.blocks, all);
  const marksOf = new Map(document.blocks.map((block, k) => [block, byBlock[k]]));
  const seenPages = new Set<number>();
  return html`${pageSections(document).map((section) => {
    const first = section.page !== null && !seenPages.has(section.page);
    if (section.page !== null) seenPages.add(section.page);
    const label = section.page === null ? (document.format === 'docx' ? '全文（DOCX 不分页）' : '全文') : `第 ${section.page} 页`;
    return html`<section class="page"${first ? html` id="page-${section.page}"` : ''}>
<div class="page-no">${label}</div>
${section.blocks.map((block) => blockView(document.text, block, marksOf.get(block) ?? []))}
</section>
`;
  })}`;
}
