import type { DocumentModel, TableBlock, TableCell } from '../src/model/document.js';
import type { DepartmentTask } from '../src/model/extraction.js';
import { cellAmount, unitIn } from './funding.js';
import { locate } from './locate.js';

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

function readTaskTable(table: TableBlock, document: Doc): DepartmentTasks | null {
  const headerAt = table.rows.findIndex((row) => row.some((cell) => NAME_HEADER.test(squeeze(cell)) && !cell.merged) && row.some((cell) => AMOUNT_HEADER.test(squeeze(cell))));
  if (headerAt < 0) return null;
  const header = table.rows[headerAt];
  const nameColumn = header.findIndex((cell) => NAME_HEADER.test(squeeze(cell)) && !cell.merged);
  const contentColumn = header.findIndex((cell) => CONTENT_HEADER.test(squeeze(cell)));
  const amountColumn = header.findIndex((cell, c) => c !== nameColumn && AMOUNT_HEADER.test(squeeze(cell)));
  const unit = unitIn(header[amountColumn].text) ?? header.map((cell) => unitIn(cell.text)).find((u) => u !== null) ?? '万元';
  // 总额 | 财政拨款 | 其他资金 under the amount header, or the amount header's own column
  const sub = table.rows[headerAt + 1];
  const subTotal = sub ? sub.findIndex((cell) => TOTAL_COLUMN.test(squeeze(cell))) : -1;
  const sourceColumns = subTotal >= 0 ? sub.flatMap((cell, c) => (SOURCE_COLUMN.test(squeeze(cell)) ? [c] : [])) : [];
  const totalColumn = subTotal >= 0 ? subTotal : amountColumn;
  const tasks: DepartmentTask[] = [];
  let total: DepartmentTask | null = null;
  for (const row of table.rows.slice(headerAt + (subTotal >= 0 ? 2 : 1))) {
    if (row.some((cell) => NEXT_PART.test(squeeze(cell)))) break;
    const read = (label: TableCell, name: string): DepartmentTask => {
      const amountCell = row[totalColumn];
      const amount = amountCell && !amountCell.merged ? cellAmount(amountCell, unit, document) : null;
      const parts = sourceColumns.map((c) => ({ label: squeeze(sub[c]), amount: row[c] && !row[c].merged ? cellAmount(row[c], unit, document) : null }));
      const content = contentColumn >= 0 && row[contentColumn] && !row[contentColumn].merged ? row[contentColumn].text.trim() || null : null;
      const last = [amountCell, ...sourceColumns.map((c) => row[c])].filter((cell): cell is TableCell => cell !== undefined).reduce((end, cell) => Math.max(end, cell.end), label.end);
      return { name, content, amount, parts, source: locate(document, label.start, last) };
    };
    const totalLabel = row.find((cell) => TOTAL_ROW.test(squeeze(cell)) && !cell.merged);
    if (totalLabel) {
      total = read(totalLabel, '合计');
      continue;
    }
    const nameCell = row[nameColumn];
    if (!nameCell || nameCell.merged || !nameCell.text.trim()) continue;
    tasks.push(read(nameCell, nameCell.text.trim()));
  }
  return tasks.length > 0 ? { tasks, total } : null;
}
