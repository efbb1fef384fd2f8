import type { DocumentModel, TableBlock, TableCell } from '../../src/model/document.js';
import type { DepartmentTask } from '../../src/model/extraction.js';
import { cellAmount, unitIn } from './funding.js';
import { locate } from '../../src/model/locate.js';

/**
 * The 年度主要任务 table of a department-wide form (部门整体支出绩效目标申报表):
 *
 *   年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元）
 *                |          |          | 总额 | 财政拨款 | 其他资金
 *                | 河道保洁 | …        | 120  | 100      | 20
 *   金额合计     |          |          | 200  | 180      | 20
 *
 * found by its 任务名称 header; the amounts are read in the unit the header gives (万元 unless it says
 * otherwise), the sources under a sub-header (总额 | 财政拨款 | 其他资金) as the task's parts. The table
 * ends at the form's next part (年度总体目标, 年度绩效指标, 一级指标).
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;

const NAME_HEADER = /^(?:任务名称|主要任务|任务|项目名称)$/;
const CONTENT_HEADER = /^(?:主要内容|任务内容|内容|主要工作内容)$/;
const AMOUNT_HEADER = /(?:预算|资金|金额|预算数)/;
/** Under the amount header: the total column and the sources. */
const TOTAL_COLUMN = /^(?:总额|合计|小计|金额|预算总额)$/;
const SOURCE_COLUMN = /^(?:(?:当年)?财政(?:拨款|资金)|一般公共预算|政府性基金|上年结转(?:资金)?|其他资金|自有资金|事业收入|单位自筹)$/;
const TOTAL_ROW = /^(?:金额合计|合计|总计|资金合计)$/;
/** What starts the next part of the form. */
const NEXT_PART = /^(?:年度总体目标|年度绩效目标|年度绩效指标|绩效指标|一级指标|部门整体绩效目标)$/;

export interface DepartmentTasks {
  tasks: DepartmentTask[];
  total: DepartmentTask | null;
}

const squeeze = (cell: TableCell | undefined) => (cell?.text ?? '').replace(/\s+/g, '');

export function extractDepartmentTasks(tables: readonly TableBlock[], document: Doc): DepartmentTasks {
  for (const table of tables) {
    const found = readTaskTable(table, document);
    if (found) return found;
  }
  return { tasks: [], total: null };
}

/** A cell that can hold a budget: a figure (with its unit or not), or nothing. */
const AMOUNT_CELL = /^(?:[\d,，]+(?:\.\d+)?(?:亿元|万元|千元|元)?|-|—|)$/;

/**
 * Cells are read by what they hold, from the right, not by column: a DOCX row repeats a merged cell, a pipe
 * table leaves it empty, and a PDF table (getTable) leaves the cells of a vertical merge out, so that
 * 年度主要任务 stands in the first row only. A row's trailing run of figures holds the budget and its
 * sources, in the sub-header's order; the text cells before it, the task's name and its content.
 */
function readTaskTable(table: TableBlock, document: Doc): DepartmentTasks | null {
  const headerAt = table.rows.findIndex(
    (row) =>
      row.some((cell) => NAME_HEADER.test(squeeze(cell))) &&
      row.some((cell) => AMOUNT_HEADER.test(squeeze(cell)) && unitIn(cell.text) !== null),
  );
  if (headerAt < 0) return null;
  const header = table.rows[headerAt];
  const unit = header.map((cell) => unitIn(cell.text)).find((u) => u !== null) ?? '万元';
  const groupLabels = new Set(
    header
      .filter((cell) => !NAME_HEADER.test(squeeze(cell)) && !CONTENT_HEADER.test(squeeze(cell)) && !AMOUNT_HEADER.test(squeeze(cell)))
      .map(squeeze),
  );
  // 总额 | 财政拨款 | 其他资金 under the amount header, or the amount header's one column
  const sub = (table.rows[headerAt + 1] ?? [])
    .filter((cell) => !cell.merged)
    .map(squeeze)
    .filter((text) => TOTAL_COLUMN.test(text) || SOURCE_COLUMN.test(text));
  const hasSub = sub.length > 0 && TOTAL_COLUMN.test(sub[0]);
  const columns = hasSub ? sub : ['总额'];
  const tasks: DepartmentTask[] = [];
  let total: DepartmentTask | null = null;
  for (const row of table.rows.slice(headerAt + (hasSub ? 2 : 1))) {
    if (row.some((cell) => NEXT_PART.test(squeeze(cell)))) break;
    const cells = row.filter((cell) => !cell.merged);
    let from = cells.length;
    while (from > 0 && AMOUNT_CELL.test(squeeze(cells[from - 1]))) from--;
    // empty cells a horizontal merge left before the figures ("金额合计 |  |  | 200 | 180 | 20")
    while (from < cells.length && squeeze(cells[from]) === '' && cells.length - from > columns.length) from++;
    const figures = cells.slice(from, from + columns.length);
    const texts = cells.slice(0, from).filter((cell) => cell.text.trim() !== '' && !groupLabels.has(squeeze(cell)));
    const [label, second] = texts;
    if (!label || figures.length === 0) continue;
    const amounts = figures.map((cell) => (cell.text.trim() ? cellAmount(cell, unit, document) : null));
    const isTotal = TOTAL_ROW.test(squeeze(label));
    const task: DepartmentTask = {
      name: isTotal ? '合计' : label.text.trim(),
      content: isTotal ? null : (second?.text.trim() ?? null),
      amount: amounts[0] ?? null,
      parts: columns.slice(1).map((column, k) => ({ label: column, amount: amounts[k + 1] ?? null })),
      source: locate(document, label.start, figures[figures.length - 1].end),
    };
    if (isTotal) total = task;
    else tasks.push(task);
  }
  return tasks.length > 0 ? { tasks, total } : null;
}
