import type { Block, TableBlock, TableCell } from '../../src/model/document.js';
import type { Goal } from '../../src/model/extraction.js';
import type { MoneyUnit } from '../text/money.js';
import { type FormLabelKind, foldLabel, formLabelOf } from '../../src/model/form-labels.js';

/**
 * The columns of a project table (a table printing many projects' targets, see project-tables.ts), found
 * by the label lexicon; apart from the reading so that the layout finder can set these tables aside
 * without importing the field readers.
 */

export type Column =
  | 'code'
  | 'project'
  | 'unit'
  | 'total'
  | 'goal'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'value'
  | 'content'
  | 'standard'
  | 'measure'
  | 'symbol'
  | 'weight'
  | 'remark';

/** What each label of the lexicon is as a column of a project table. */
const COLUMN_OF: Partial<Record<FormLabelKind, Column>> = {
  unit_code: 'code',
  project_name: 'project',
  unit: 'unit',
  department: 'unit',
  total: 'total',
  goal_annual: 'goal',
  goal_overall: 'goal',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  value: 'value',
  value_content: 'content',
  standard: 'standard',
  measure_unit: 'measure',
  symbol: 'symbol',
  weight: 'weight',
  remark: 'remark',
};

export const INDICATOR_COLUMNS: ReadonlySet<Column> = new Set([
  'level1',
  'level2',
  'level3',
  'value',
  'content',
  'standard',
  'measure',
  'symbol',
  'weight',
  'remark',
]);

export interface ProjectTableLayout {
  /** The columns of a complete row, left to right. */
  columns: Column[];
  /** Rows of the header. */
  headerRows: number;
  /** The goal column's kind: a 年度 goal, an overall one, or a goal as such (绩效目标). */
  goalKind: Goal['kind'];
  /** The unit the amounts are in: the header's (预算数（万元）), else 万元 as these disclosures state above the table. */
  moneyUnit: MoneyUnit;
  /** One string per layout, so that a table continued on the next page is read on as the same table. */
  signature: string;
}

/** The unit a header cell gives its amounts: 预算数（万元）, 金额(元). */
const HEADER_UNIT = /[（(]\s*(亿元|万元|千元|元)\s*[)）]/;

/** A row of labels only: every non-empty cell is a label of the lexicon, and there are two at least. */
function headerCells(row: readonly TableCell[]): (FormLabelKind | null)[] | null {
  const kinds = row.map((cell) => (cell.text.trim() ? formLabelOf(cell.text) : null));
  const labelled = kinds.filter((k) => k !== null).length;
  const filled = row.filter((cell) => cell.text.trim()).length;
  return labelled >= 2 && labelled === filled ? kinds : null;
}

/**
 * The columns of a table, from its header rows: each row's labels left to right, a group label (绩效指标)
 * standing for the row of labels under it. Null when the table is no project table: it needs a project-name
 * column and a goal or an indicator column (a 项目支出表 with only amounts is a statement, not targets).
 */
export function projectTableLayout(table: TableBlock): ProjectTableLayout | null {
  const columns: Column[] = [];
  let headerRows = 0;
  let goalLabel = '';
  for (const row of table.rows.slice(0, 3)) {
    const kinds = headerCells(row);
    if (!kinds) break;
    headerRows++;
    kinds.forEach((kind, c) => {
      const column = kind === null ? undefined : COLUMN_OF[kind];
      if (column === undefined) return;
      if (column === 'goal') goalLabel = foldLabel(row[c].text);
      columns.push(column);
    });
  }
  if (!columns.includes('project') || !(columns.includes('goal') || columns.includes('level3'))) return null;
  const header = table.rows.slice(0, headerRows).flat();
  return {
    columns,
    headerRows,
    goalKind: /^(?:年度|本年度|当年)/.test(goalLabel) ? 'annual' : /总体|实施期|中长期|长期/.test(goalLabel) ? 'overall' : 'listed',
    moneyUnit: header.map((cell) => HEADER_UNIT.exec(cell.text)?.[1] as MoneyUnit | undefined).find((u) => u !== undefined) ?? '万元',
    signature: columns.join(','),
  };
}

/** A table of many projects' targets (the lead's findStructure leaves these to readProjectTables). */
export function isProjectTable(block: Block): block is TableBlock {
  return block.type === 'table' && projectTableLayout(block) !== null;
}

export interface LaidOutTable {
  /** The rows from the project table's header on: a block the PDF reader joined from several tables keeps its statements above. */
  table: TableBlock;
  layout: ProjectTableLayout;
  /** The block it stands in (the same as `table` unless the header came below other rows). */
  block: TableBlock;
}

/**
 * Where a project table starts inside a block: at its first row when it is one, or at a header row further
 * down, where the PDF reader joined a statement and the target table below it into one block (长春).
 */
function fromHeader(block: TableBlock): { table: TableBlock; layout: ProjectTableLayout } | null {
  for (let k = 0; k < block.rows.length; k++) {
    if (k > 0 && headerCells(block.rows[k]) === null) continue;
    const table = k === 0 ? block : { ...block, rows: block.rows.slice(k) };
    const layout = projectTableLayout(table);
    if (layout) return { table, layout };
  }
  return null;
}

/**
 * The project tables among the blocks, each with its layout. A table without a header of its own right
 * after one, on one of the next two pages and with rows as wide, is the next page of it (杭州 prints the
 * header once over two pages); a heading or a table of another kind in between ends the run.
 */
export function projectTables(blocks: readonly Block[]): LaidOutTable[] {
  const found: LaidOutTable[] = [];
  let open = false;
  for (const block of blocks) {
    if (block.type === 'heading') open = false;
    if (block.type !== 'table') continue;
    const previous: LaidOutTable | undefined = open ? found[found.length - 1] : undefined;
    const own = fromHeader(block);
    const laid: { table: TableBlock; layout: ProjectTableLayout } | null =
      own ?? (previous && continues(block, previous) ? { table: block, layout: { ...previous.layout, headerRows: 0 } } : null);
    open = laid !== null;
    if (laid) found.push({ ...laid, block });
  }
  return found;
}

function continues(table: TableBlock, previous: LaidOutTable): boolean {
  const width = previous.layout.columns.length;
  // the next page, or the one after where the page between was read as text (深圳 司法局 p.13)
  const samePage = table.page !== null && previous.table.page !== null && table.page - previous.table.page <= 2;
  return (
    samePage &&
    headerCells(table.rows[0] ?? []) === null &&
    table.rows.every((row) => row.length <= width) &&
    table.rows.some((row) => row.length === width)
  );
}
