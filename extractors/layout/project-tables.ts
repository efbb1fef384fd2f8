import type { Block, DocumentModel, TableBlock, TableCell } from '../../src/model/document.js';
import type { Amount, Category, Goal, Indicator, Threshold } from '../../src/model/extraction.js';
import { locate } from '../../src/model/locate.js';
import { cellAmount } from '../fields/funding.js';
import { categoryAtEnd, categoryOf, weightOf } from '../fields/indicators.js';
import { parseTableValue } from '../text/thresholds.js';
import { type Column, INDICATOR_COLUMNS, projectTables } from './project-table-layout.js';
import type { NameSpan } from './structure.js';

/**
 * Project tables: the wide tables of 部门预算 disclosures that print the targets of many projects, one
 * project per row or per group of rows, rather than one form per project —
 *   杭州 表11: 单位名称 | 项目名称 | 金额 | 绩效目标;
 *   深圳: 二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标;
 *   长沙: 单位编码 | 单位（项目）名称 | 资金总额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
 *         指标值内容 | 评（扣）分标准 | 度量单位 | 指标值类型 | 备注, a project's cells merged over its
 *         indicator rows and the table continued over pages with its header and the project's cells reprinted.
 * Columns are found by the label lexicon. A PDF table leaves the cells of a vertical merge out of the row,
 * so a short row is read by what its cells hold: the indicator part from the right, the project part by
 * content (a code such as 126001, a name, an amount, a goal sentence).
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;

export interface TableProject {
  name: NameSpan;
  /** The unit the project sits under: its row's unit cell, or the unit row above it (126001 | 长沙市信访局 | 417.41). */
  unit: NameSpan | null;
  total: Amount | null;
  goals: Goal[];
  indicators: Indicator[];
  /** The tables the project's rows stand in, in order (one per page it runs over). */
  tables: TableBlock[];
}

// ---------------------------------------------------------------------------------------------
// Reading a row
// ---------------------------------------------------------------------------------------------

/** 一级 words: 产出指标, 效益指标, 满意度指标… */
const LEVEL1 = /^(?:产出|效果|效益|满意度|成本)指标$/;
/** 二级 words: 数量指标, 经济成本指标, 服务对象满意度指标, 可持续影响指标… */
const LEVEL2 = /^[\u4e00-\u9fff]{2,10}指标$/;
/** A unit code: 126001. */
const CODE = /^\d{3,12}$/;
/** An amount as these tables print it: 1,097.02, 35.78, 15470. */
const FIGURE = /^[0-9][0-9,]*(?:\.\d+)?$/;
/** A row that sums, not a project: 合计, 总计, 小计. */
const SUM_ROW = /^(?:合计|总计|小计|共计)$/;
/** A note under the table: "注：已剔除涉密部分", "备注：涉密项目不予公开". */
const NOTE_ROW = /^(?:注|备注|说明)[：:]/;
/** What a 指标值类型 cell holds: an operator, 定性 or 定量. */
const OPERATOR = /^(?:[≥≤=＝<>＜＞]|>=|<=|定性|定量)$/;
/** A goal sentence rather than a name: it has a comma or a full stop, or is long. */
const SENTENCE = /[，,。；;]/;

type RowCells = Partial<Record<Column, TableCell>>;

const filled = (cell: TableCell | undefined): cell is TableCell => cell !== undefined && cell.text.trim() !== '';
const folded = (cell: TableCell | undefined): string => cell?.text.replace(/\s+/g, '') ?? '';

/** A complete row: each cell in its column. */
function positional(row: readonly TableCell[], columns: readonly Column[]): RowCells {
  const cells: RowCells = {};
  columns.forEach((column, c) => {
    if (row[c] && !row[c].merged) cells[column] = row[c];
  });
  return cells;
}

/**
 * A short row, whose merged cells the table left out: the indicator columns from 三级 rightwards are read
 * from the right (they are one cell per row), then a 二级 and an 一级 only where the cell holds such a
 * word; what is left is the project part, each cell placed by what it holds.
 */
function ragged(row: readonly TableCell[], columns: readonly Column[]): RowCells {
  const cells: RowCells = {};
  let end = row.length;
  const level3 = columns.indexOf('level3');
  if (level3 >= 0) {
    const right = columns.slice(level3);
    if (row.length < right.length) return cells;
    right.forEach((column, k) => {
      const cell = row[row.length - right.length + k];
      if (!cell.merged) cells[column] = cell;
    });
    end = row.length - right.length;
    if (end > 0 && columns.includes('level2') && LEVEL2.test(folded(row[end - 1])) && !LEVEL1.test(folded(row[end - 1]))) {
      cells.level2 = row[--end];
    }
    if (end > 0 && columns.includes('level1') && LEVEL1.test(folded(row[end - 1]))) cells.level1 = row[--end];
  }
  const projectColumns = columns.filter((column) => !INDICATOR_COLUMNS.has(column));
  let at = 0;
  for (const cell of row.slice(0, end)) {
    if (!filled(cell) || cell.merged) continue;
    const fits = (column: Column) => fitsColumn(column, folded(cell));
    const k = projectColumns.findIndex((column, i) => i >= at && fits(column));
    if (k < 0) continue;
    cells[projectColumns[k]] = cell;
    at = k + 1;
  }
  return cells;
}

function fitsColumn(column: Column, text: string): boolean {
  switch (column) {
    case 'code':
      return CODE.test(text) || SUM_ROW.test(text);
    case 'total':
      return FIGURE.test(text);
    case 'project':
    case 'unit':
      return !CODE.test(text) && !FIGURE.test(text) && !SENTENCE.test(text) && text.length <= 40;
    case 'goal':
      return !CODE.test(text) && !FIGURE.test(text);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Projects from rows
// ---------------------------------------------------------------------------------------------

interface Building {
  name: NameSpan;
  unit: NameSpan | null;
  total: Amount | null;
  /** The goal cell's pieces: reprinted on each page (kept once), or run on into the next row (joined). */
  goalCells: TableCell[];
  goalKind: Goal['kind'];
  indicators: Indicator[];
  tables: TableBlock[];
  level1: string;
  level2: string;
}

const span = (cell: TableCell): NameSpan => ({ name: cell.text.replace(/\s+/g, ''), start: cell.start, end: cell.end });

/** A unit cell's name without the unit's code before it (105001长春市信访局, 231_烟台市审计局). */
function unitSpan(cell: TableCell): NameSpan {
  const code = /^\s*\d{3,}[_\s-]*/.exec(cell.text)?.[0].length ?? 0;
  return { name: cell.text.slice(code).replace(/\s+/g, ''), start: cell.start + code, end: cell.end };
}

/** Every project of the project tables among the blocks, in order; rows of one project over page breaks are one project. */
export function readProjectTables(blocks: readonly Block[], document: Doc): TableProject[] {
  const projects: Building[] = [];
  const byName = new Map<string, Building>();
  let signature = '';
  let unit: NameSpan | null = null;
  let current: Building | null = null;
  for (const { table: block, layout } of projectTables(blocks)) {
    // a table of another layout starts afresh; the same layout on the next page goes on
    if (layout.signature !== signature) {
      signature = layout.signature;
      unit = null;
      current = null;
    }
    for (const row of block.rows.slice(layout.headerRows)) {
      if (NOTE_ROW.test(folded(row.find(filled)))) continue;
      const cells = row.length >= layout.columns.length ? positional(row, layout.columns) : ragged(row, layout.columns);
      if ([cells.code, cells.project, cells.unit].some((cell) => SUM_ROW.test(folded(cell)))) continue;
      const name = filled(cells.project) ? cells.project : null;
      const hasIndicator = filled(cells.level3);
      const hasGoal = filled(cells.goal);
      if (filled(cells.unit) && !name && !filled(cells.total) && current?.unit) {
        // 深圳市发展和改革委 | 物资储备业务 | 124.73 over 员会（本级） | | | …: the unit's name wrapped into the next row
        current.unit = { name: current.unit.name + folded(cells.unit), start: current.unit.start, end: cells.unit.end };
        unit = current.unit;
      } else if (filled(cells.unit)) unit = unitSpan(cells.unit);
      if (name) {
        const key = `${layout.signature}\u0001${unit?.name ?? ''}\u0001${folded(name)}`;
        const known = byName.get(key);
        if (known) current = known;
        else if (!hasGoal && !hasIndicator) {
          // 126001 | 长沙市信访局 | 417.41: the unit the projects below belong to, not a project
          unit = span(name);
          current = null;
          continue;
        } else {
          current = {
            name: span(name),
            unit,
            total: null,
            goalCells: [],
            goalKind: layout.goalKind,
            indicators: [],
            tables: [],
            level1: '',
            level2: '',
          };
          projects.push(current);
          byName.set(key, current);
        }
      }
      if (!current) continue;
      if (!current.tables.includes(block)) current.tables.push(block);
      if (current.total === null && filled(cells.total)) current.total = cellAmount(cells.total, layout.moneyUnit, document);
      if (hasGoal) addGoalCell(current, cells.goal!, name !== null);
      readIndicator(current, cells, document);
    }
  }
  return projects.map((p) => ({
    name: p.name,
    unit: p.unit,
    total: p.total,
    goals: goalsOf(p.goalCells, p.goalKind, document),
    indicators: p.indicators,
    tables: p.tables,
  }));
}

/**
 * A goal cell of the project's row. With the project's name beside it, it is the goal reprinted at the top of
 * a page (kept once, the fuller print kept); without, it is the goal running on from the row above.
 */
function addGoalCell(project: Building, cell: TableCell, named: boolean): void {
  const text = folded(cell);
  if (!named || project.goalCells.length === 0) {
    if (!project.goalCells.some((other) => folded(other) === text)) project.goalCells.push(cell);
    return;
  }
  const first = folded(project.goalCells[0]);
  if (text.startsWith(first) && text.length > first.length && project.goalCells.length === 1) project.goalCells[0] = cell;
}

function readIndicator(project: Building, cells: RowCells, document: Doc): void {
  const level1 = folded(cells.level1);
  if (level1 && level1 !== project.level1) {
    project.level1 = level1;
    project.level2 = '';
  }
  project.level2 = folded(cells.level2) || project.level2;
  const nameCell = cells.level3;
  const name = nameCell?.text.trim() ?? '';
  if (!nameCell || !name) return;
  const category: Category | null = categoryOf(project.level1) ?? (project.level1 ? null : categoryAtEnd(project.level2));
  if (category === null) return;
  const text = (column: Column) => cells[column]?.text.trim() || null;
  // a row that prints its type and its unit in each other's cells (度量单位 ≥, 指标值类型 %) is read by what they hold
  const swapped = OPERATOR.test(folded(cells.measure)) && !OPERATOR.test(folded(cells.symbol));
  const symbol = swapped ? text('measure') : text('symbol');
  const measure = swapped ? text('symbol') : text('measure');
  const value = parseTableValue(symbol, text('value'), measure);
  const at = filled(cells.value) ? cells.value : filled(cells.symbol) ? cells.symbol : nameCell;
  const thresholds: Threshold[] = value ? [{ ...value, source: locate(document, at.start, at.end) }] : [];
  // a 权重 / 分值 column, or a 备注 that holds the row's score (长沙: they add up to 90 per project); never a threshold
  const weight = weightOf(cells.weight ?? null, document) ?? weightOf(cells.remark ?? null, document);
  project.indicators.push({
    goal_index: null,
    category,
    subcategory: project.level2 || null,
    name,
    source: locate(document, nameCell.start, nameCell.end),
    thresholds,
    weight,
  });
}

/** "1.…；2.…" at the start of a goal cell: its numbered goals. */
const GOAL_MARKER = /(?:^|(?<=[。；;\s]))(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．](?!\d)/g;
const TRAILING = /[\s；;，,。.、]+$/;

/** The goals of the joined goal cells: one per number where the cell numbers them, else one. */
function goalsOf(cells: readonly TableCell[], kind: Goal['kind'], document: Doc): Goal[] {
  if (cells.length === 0) return [];
  // the pieces' texts joined, with where each character stands in the document
  let text = '';
  const offsets: number[] = [];
  for (const cell of cells) {
    for (let i = 0; i < cell.text.length; i++) {
      if (/\s/.test(cell.text[i])) continue;
      text += cell.text[i];
      offsets.push(cell.start + i);
    }
  }
  const markers = /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．](?!\d)/.test(text) ? [...text.matchAll(GOAL_MARKER)] : [];
  const parts =
    markers.length > 0
      ? markers.map((m, k) => ({ from: m.index + m[0].length, to: markers[k + 1]?.index ?? text.length }))
      : [{ from: 0, to: text.length }];
  return parts
    .flatMap(({ from, to }) => {
      const body = text.slice(from, to).replace(TRAILING, '');
      if (!body) return [];
      const start = offsets[from];
      const end = offsets[from + body.length - 1] + 1;
      return [{ index: 0, text: body, kind, source: locate(document, start, end) }];
    })
    .map((goal, k) => ({ ...goal, index: k + 1 }));
}
