import type { Message } from '../model/document.js';
import type { SourceCell, SourceItem, SourceLine } from './source-items.js';

/**
 * A PDF's tables: pdf-parse's getTable gives each table's grid of cell texts (no positions), and its
 * getText the page's lines, one row or cell fragment per line. These put the grid in place of the lines it
 * came from, repair what getTable gets wrong from the page's own text (merged cells cut by the columns
 * around them, vertical merges left out, rows broken by a page), and join a table a page break split.
 */

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * A table that ends one page and a table that starts the next (only blank lines or a page number
 * between) are one table broken by the page: its rows go on.
 */
export function joinTablesAcrossPages(items: SourceItem[]): SourceItem[] {
  const out: SourceItem[] = [];
  let pendingBlank: SourceItem[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    const blank = item.kind === 'line' && (item.text.trim() === '' || /^\s*[-—]?\s*\d{1,4}\s*[-—]?\s*$/.test(item.text));
    if (blank && previous?.kind === 'table') {
      pendingBlank.push(item);
      continue;
    }
    if (item.kind === 'table' && previous?.kind === 'table' && previous.page !== item.page) {
      out[out.length - 1] = { ...previous, rows: continueRows(previous.rows, item.rows) };
      pendingBlank = [];
      continue;
    }
    out.push(...pendingBlank, item);
    pendingBlank = [];
  }
  out.push(...pendingBlank);
  return out;
}

/**
 * The rows of a table the page broke, the next page's after the first's. A row can break too: the next
 * page then opens with the rest of some of its cells' text, the others empty ("培训考核合" / "格率" under
 * 三级指标, nothing under 符号 and 值; or a goal's second line under the form's empty label column), which
 * goes on the row above. A row whose leading cells are empty because they are merged with the row above
 * has its name and value filled: it is a row of its own.
 */
export function continueRows(before: SourceCell[][], after: SourceCell[][]): SourceCell[][] {
  const last = before[before.length - 1];
  const [first, ...rest] = after;
  // the next page's rows were aligned without the header above them: align the joined table again
  const align = (rows: SourceCell[][]) => alignMergedRows(rows, (cell) => cell.text);
  if (!last || !first || !isRestOf(first, last)) return align([...before, ...after]);
  const joined = last.map((cell, c) => (filled(first[c]) ? { ...cell, text: `${cell.text}\n${first[c].text}` } : cell));
  return align([...before.slice(0, -1), joined, ...rest]);
}

const filled = (cell: SourceCell | undefined) => cell !== undefined && cell.text.trim() !== '';

function isRestOf(row: SourceCell[], above: SourceCell[]): boolean {
  if (row.length !== above.length || filled(row[0])) return false;
  const from = row.findIndex(filled);
  if (from < 0 || row.filter(filled).length * 2 > row.length) return false;
  if (!row.every((cell, c) => !filled(cell) || filled(above[c]))) return false;
  // a form's label / text row: a label is never empty, so text under an empty one goes on the text above
  if (row.length === 2) return HAN.test(row[1].text) && HAN.test(above[1].text);
  // some cell after the first piece has nothing to add (a row of its own has its name and value filled)
  return row.slice(from).some((cell, k) => !filled(cell) && filled(above[from + k]));
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * pdf-parse's text flattens a table one cell fragment per line; getTable rebuilds its grid. Replace the
 * lines made only of the table's cell fragments by the table, placed where those lines began.
 */
export function placeTables(lines: SourceLine[], tables: string[][][], page: number, messages: Message[]): SourceItem[] {
  if (tables.length === 0) return lines;
  let items: SourceItem[] = lines;
  let searchFrom = 0;
  const pageText = new PageText(lines);
  for (const found of tables) {
    // a one-row table too: the rest of a row the page broke, which would otherwise be taken for the next table's lines
    if (found.length === 0) continue;
    const table = found.map((row) => pageText.reorderMergedCell(row));
    const fragments = new Set(
      table
        .flat()
        .flatMap((cell) => cell.split('\n').map(squeeze))
        .filter(Boolean),
    );
    const isTableLine = (item: SourceItem | undefined) =>
      item?.kind === 'line' && item.text.trim() !== '' && segmentable(squeeze(item.text), fragments);
    // the table starts at a line that opens with its first cell ("项目名称 …"), not at any line its short
    // fragments can spell ("满意度指标 服务对象满意度指" belongs to the table above)
    const opening = squeeze((table[0].find((cell) => cell.trim()) ?? '').trim().split('\n')[0]);
    const opens = (item: SourceItem) => item.kind === 'line' && squeeze(item.text).startsWith(opening);
    const first = items.findIndex((item, k) => k >= searchFrom && isTableLine(item) && opens(item));
    if (first < 0) {
      messages.push({
        code: 'PDF_TABLE_UNPLACED',
        severity: 'warning',
        message: 'a table was found but its text lines could not be located',
        page,
        source: null,
      });
      continue;
    }
    // the table's lines run on from there; one stray line inside (a cell pdf.js split oddly) is allowed
    let last = first;
    for (let k = first + 1; k < items.length; k++) {
      if (isTableLine(items[k])) last = k;
      else if (!(isTableLine(items[k + 1]) && k - last === 1)) break;
    }
    const anchor = items[first] as SourceLine;
    const rows: SourceCell[][] = alignMergedRows(table, (cell) => cell).map((row) =>
      row.map((cell) => ({ text: cell ?? '', sourceStart: anchor.sourceStart, exactSource: false, rowSpan: 1, colSpan: 1 })),
    );
    items = [...items.slice(0, first), { kind: 'table', rows, page, sourceStart: anchor.sourceStart }, ...items.slice(last + 1)];
    searchFrom = first + 1;
  }
  return items;
}

const WHITESPACE = /\s/;

/**
 * The page's text with spaces and line breaks squeezed out, and where each squeezed character stood: to
 * read a cell's text in the page's own order.
 */
export class PageText {
  private readonly text: string;
  private readonly squeezed: string;
  private readonly at: number[] = [];

  constructor(lines: SourceLine[]) {
    this.text = lines.map((line) => line.text).join('\n');
    let squeezed = '';
    for (let k = 0; k < this.text.length; k++) {
      if (WHITESPACE.test(this.text[k])) continue;
      squeezed += this.text[k];
      this.at.push(k);
    }
    this.squeezed = squeezed;
  }

  /**
   * A label beside one merged cell whose lines run across several columns: getTable cuts each line by the
   * columns of the rows around it ("委托第三方机构开展重 | 点项目绩效评价。", or out of order: "1.开展岗位练兵活动 |
   * ；上级培训；" for "1.开展岗位练兵活动；" / "2.选派业务骨干参加上级培训；"). The page's text tells: there,
   * cells stand apart by a space or a line break, and a cell's line has no space. When the page's text
   * after the label holds exactly the characters of the other cells with no space among them, and either
   * in another order or with every cut between cells falling inside a run of characters ("…开展重点项目…"),
   * they are one cell: the page's text, its line breaks kept.
   */
  reorderMergedCell(row: string[]): string[] {
    if (row.length < 3 || !row[0].trim()) return row;
    const label = squeeze(row[0]);
    const rest = squeeze(row.slice(1).join(''));
    if (!rest) return row;
    const sorted = [...rest].sort().join('');
    for (let from = this.squeezed.indexOf(label); from >= 0; from = this.squeezed.indexOf(label, from + 1)) {
      const start = from + label.length;
      const candidate = this.squeezed.slice(start, start + rest.length);
      if (candidate.length !== rest.length || (candidate !== rest && [...candidate].sort().join('') !== sorted)) continue;
      const cell = this.text.slice(this.at[start], this.at[start + rest.length - 1] + 1);
      if (/[^\S\n]/.test(cell)) return row;
      return candidate !== rest || this.cutsInsideRuns(start, row.slice(1)) ? [row[0], cell] : row;
    }
    return row;
  }

  /** Does every cut between these cells, laid from squeezed position `start`, fall between two adjacent characters of the page? */
  private cutsInsideRuns(start: number, cells: string[]): boolean {
    let cut = start;
    for (const cell of cells.slice(0, -1)) {
      cut += squeeze(cell).length;
      if (this.at[cut] !== this.at[cut - 1] + 1) return false;
    }
    return true;
  }
}

/**
 * getTable leaves out the cells of a vertical merge, so a row under "一级指标 | 二级指标 | 三级指标 | …"
 * with fewer cells lost its leading ones: align it to the right and repeat the cells above (the way a
 * DOCX merged cell is resolved). Rows of other tables are left as they are: without geometry, a short
 * row there may as well be a horizontal merge.
 */
function alignMergedRows<T>(table: T[][], text: (cell: T) => string): T[][] {
  const header = table.findIndex((row) => row.some((cell) => /^一级指标$/.test(squeeze(text(cell)))));
  if (header < 0) return table;
  const width = table[header].length;
  const out = table.map((row) => [...row]);
  for (let r = header + 1; r < out.length; r++) {
    const row = out[r];
    if (row.length >= width || r === 0) continue;
    const missing = width - row.length;
    // a copy of each repeated cell, not the cell itself: two rows must not share one
    out[r] = [...out[r - 1].slice(0, missing).map((cell) => (typeof cell === 'object' && cell !== null ? { ...cell } : cell)), ...row];
  }
  return out;
}

/** Can `text` be cut into pieces that are all cell fragments? (a line may hold several cells side by side) */
function segmentable(text: string, fragments: Set<string>): boolean {
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reachable[i]) continue;
    for (let j = i + 1; j <= text.length; j++) {
      if (fragments.has(text.slice(i, j))) reachable[j] = true;
    }
  }
  return reachable[text.length];
}
