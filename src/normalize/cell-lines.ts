import { FORM_CAPTION } from './line-kinds.js';
import type { SourceCell, SourceItem, SourceLine } from './source-items.js';

/**
 * Forms and indicator tables that a web copy or a converter flattened to one cell per line, dropping the
 * empty (merged) cells:
 *
 *   项目名称 / 文化市场综合执法 / 主管部门 / 清溪县文化旅游局 / … / 年度资金总额 / 17.00 / …
 *   一级指标 / 二级指标 / 三级指标 / 指标值 / 产出指标 / 数量指标 / 节假日专项检查次数 / ≥1次/月 / 质量指标 / …
 *
 * Nothing in the lines says where a row ends, so only what the genre's forms fix is read: the form's
 * labels (FORM_LABEL), each followed by its value unless another label follows; after the indicator
 * table's header (一级指标 / 二级指标 / 三级指标, then 指标值 or 符号 / 值 / 单位), rows of [一级指标]
 * [二级指标] 三级指标 and its values, the first two only where the row opens a new category (FIRST_LEVEL,
 * SECOND_LEVEL); and an expense table's label / amount pairs after its header. The lines become table
 * items, as if each table had been written a row per line, every cell tied to its source line.
 */

/** Labels of the 项目支出绩效目标申报表 form. */
const FORM_LABEL =
  /^(?:项目名称|主管部门|实施单位|项目资金[（(]?(?:万元|元)?[)）]?|(?:项目|年度|中长期)资金总额(?:[（(]大写[)）])?|(?:其中[：:])?(?:当年)?财政拨款|上年结转(?:资金)?|其他资金|(?:年度|总体|实施期|中长期)(?:绩效|总体)?目标|项目负责人|联系电话|项目属性|项目期限)$/;
/** The indicator table's header: 一级指标, 二级指标, 三级指标, then the value column. */
const HEADER = [/^一级指标$/, /^二级指标$/, /^三级指标$/];
/** The value columns after 三级指标: one (指标值), or symbol, value and unit. */
const VALUE_HEADERS = [[/^(?:指标值|目标值|指标标准|绩效指标值)$/], [/^(?:符号|指标符号)$/, /^(?:值|指标值|数值)$/, /^(?:单位|计量单位)$/]];
/** An expense table: a label column, then an amount column whose header gives the unit ("项目支出明细 / 金额（万元）"). */
const EXPENSE_LABEL_HEADER = /^.{0,8}(?:明细|内容|用途|科目|名称)$/;
/** What a flattened table opens with: the form's first label, the indicator table's first header cell, an expense table's label header. */
const opens = (text: string) => /^(?:项目名称|一级指标)$/.test(text) || EXPENSE_LABEL_HEADER.test(text);
/**
 * The most lines one flattened table is read from: a form with forty indicators of six cells is ≈300. It
 * bounds the look-ahead in a file that has no blank lines and many lines that could open a table.
 */
const MAX_TABLE_LINES = 400;
const AMOUNT_HEADER = /^(?:金额|资金|预算数|预算额|预算金额)[（(](?:万元|元|千元)[)）]$/;
const AMOUNT = /^[\d,，]+(?:\.\d+)?$/;
/** Goals may take several lines; every other form value is one line. */
const MULTILINE_LABEL = /目标$/;
/** An indicator's name and value are short cells, never a sentence. */
const MAX_NAME = 40;
const MAX_VALUE = 30;
const FIRST_LEVEL = /^(?:产出|效果|效益|满意度|成本)指标$/;
const SECOND_LEVEL = /^(?:.{1,10}指标|(?:社会|经济|生态)效益|可持续影响|服务对象满意度)$/;
/** A first-level name that older forms also use as a second level under 产出指标. */
const UNDER_OUTPUT = /^成本指标$/;
const OUTPUT = /^产出指标$/;

interface Line {
  index: number;
  item: SourceLine;
  text: string;
}

export function rebuildCellLines(items: SourceItem[], isGap: (index: number) => boolean = () => false): SourceItem[] {
  const out = [...items];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'line' || !opens(item.text.trim())) continue;
    const table = readTableAt(items, i, isGap);
    if (!table) continue;
    const [first, ...rest] = table.lines;
    out[first.index] = { kind: 'table', rows: table.rows, page: first.item.page, sourceStart: first.item.sourceStart };
    for (const line of rest) out[line.index] = { ...line.item, text: '' };
    i = table.lines[table.lines.length - 1].index;
  }
  return out;
}

/** A flattened form (from 项目名称), indicator table (from its header) or expense table starting at item i, or null. */
function readTableAt(items: SourceItem[], i: number, isGap: (index: number) => boolean): { rows: SourceCell[][]; lines: Line[] } | null {
  const lines = linesFrom(items, i, isGap);
  if (lines.length === 0) return null;
  const rows: SourceCell[][] = [];
  // an expense table; its caption, where it has one, stays a line of its own (as when rows are written a line each)
  const expense = expenseHeaderAt(lines, 0);
  if (expense !== null) {
    const from = expense === 3 ? 1 : 0;
    const end = readExpenseRows(lines, from, rows);
    return end >= from + 4 ? { rows, lines: lines.slice(from, end) } : null;
  }
  let k = 0;
  if (/^项目名称$/.test(lines[0].text)) k = readForm(lines, rows);
  const header = readIndicatorHeader(lines, k, rows);
  if (header.values === 0 && rows.length === 0) return null;
  if (header.values > 0) k = readIndicatorRows(lines, header.end, header.values, rows);
  // a form needs at least a label with its value and one more label: two lines alone prove nothing
  if (k < 4) return null;
  return { rows, lines: lines.slice(0, k) };
}

/**
 * The lines from item i up to two blank lines in a row or a table. One blank line is kept (text ''): it
 * may be an empty cell (a qualitative indicator's unit), and each reader ends its table at a blank line
 * it cannot take as such. A page break does not end them: the blank lines after a line that held a
 * printed page number (now cut) are skipped.
 */
function linesFrom(items: SourceItem[], i: number, isGap: (index: number) => boolean): Line[] {
  const lines: Line[] = [];
  let pageBreak = false;
  for (let j = i; j < items.length && lines.length < MAX_TABLE_LINES; j++) {
    const item = items[j];
    if (item.kind !== 'line') break;
    if (isGap(j)) pageBreak = true;
    const text = item.text.trim();
    if (text === '') {
      if (pageBreak) continue;
      if (lines.length > 0 && lines[lines.length - 1].text === '') break;
    } else if (!isGap(j)) pageBreak = false;
    lines.push({ index: j, item, text });
  }
  return lines;
}

function readForm(lines: Line[], rows: SourceCell[][]): number {
  let k = 0;
  while (k < lines.length && FORM_LABEL.test(lines[k].text)) {
    const label = lines[k];
    k++;
    const isValue = (at: number) =>
      at < lines.length && lines[at].text !== '' && !FORM_LABEL.test(lines[at].text) && !HEADER[0].test(lines[at].text) && expenseHeaderAt(lines, at) === null;
    let end = k;
    while (isValue(end)) end++;
    // several lines make one value only for the goals, and only where a label or the indicator header closes them
    const multi = MULTILINE_LABEL.test(label.text) && end < lines.length;
    const values = lines.slice(k, multi ? end : Math.min(end, k + 1));
    k += values.length;
    rows.push(values.length > 0 ? [cell(label), joined(values)] : [cell(label)]);
  }
  return k;
}

/** The header's cells at k, and how many value columns follow 三级指标; 0 when there is no header. */
function readIndicatorHeader(lines: Line[], k: number, rows: SourceCell[][]): { end: number; values: number } {
  const matches = (patterns: RegExp[], at: number) => patterns.every((pattern, h) => at + h < lines.length && pattern.test(lines[at + h].text));
  if (!matches(HEADER, k)) return { end: k, values: 0 };
  const values = VALUE_HEADERS.find((patterns) => matches(patterns, k + HEADER.length));
  if (!values) return { end: k, values: 0 };
  const end = k + HEADER.length + values.length;
  rows.push(lines.slice(k, end).map(cell));
  return { end, values: values.length };
}

/** Rows of [一级指标] [二级指标] 三级指标 and its value cells, until a line that cannot continue the table. */
function readIndicatorRows(lines: Line[], k: number, valueCount: number, rows: SourceCell[][]): number {
  let category: string | null = null;
  while (k < lines.length) {
    // an expense table right under the indicators starts there
    if (expenseHeaderAt(lines, k) !== null) break;
    let first = FIRST_LEVEL.test(lines[k].text) ? lines[k] : null;
    // 成本指标 is a category of its own in newer forms (成本指标 / 经济成本指标 / …), a second level under
    // 产出指标 in older ones (产出指标 / 数量指标 … 成本指标 / 单车年均运行费用): the line after it tells
    if (first && UNDER_OUTPUT.test(first.text) && category !== null && OUTPUT.test(category) && !(k + 1 < lines.length && SECOND_LEVEL.test(lines[k + 1].text))) first = null;
    if (first) category = first.text;
    let at = first ? k + 1 : k;
    // a second-level name only where a name and its values follow it
    const second = at + 1 + valueCount < lines.length && SECOND_LEVEL.test(lines[at].text) ? lines[at] : null;
    if (second) at++;
    if (at + valueCount >= lines.length) break;
    const name = lines[at];
    const values = lines.slice(at + 1, at + 1 + valueCount);
    if (FIRST_LEVEL.test(name.text) || values.some((v) => FIRST_LEVEL.test(v.text))) break;
    // the next form, after a page break the reader skipped
    if ([name, ...values].some((line) => opens(line.text) || FORM_CAPTION.test(line.text))) break;
    if (!isCell(name.text, MAX_NAME) || !values.every((v) => isCell(v.text, MAX_VALUE))) break;
    // only the unit of a symbol / value / unit row may be empty (a qualitative indicator has none)
    if (values.some((v, c) => v.text === '' && !(valueCount > 1 && c === valueCount - 1))) break;
    // a figure where a name should be ends the table
    if (!HAN.test(name.text) || values.some((v) => AMOUNT_HEADER.test(v.text))) break;
    rows.push([first ? cell(first) : empty(name), second ? cell(second) : empty(name), cell(name), ...values.map(cell)]);
    k = at + 1 + valueCount;
  }
  return k;
}

/** The lines of an expense table's header at `at`, under a caption of its own or not ("项目支出明细 / 支出内容 / 金额（万元）"), or null. */
function expenseHeaderAt(lines: Line[], at: number): 2 | 3 | null {
  const is = (k: number, pattern: RegExp) => at + k < lines.length && pattern.test(lines[at + k].text);
  if (is(0, EXPENSE_LABEL_HEADER) && is(1, EXPENSE_LABEL_HEADER) && is(2, AMOUNT_HEADER)) return 3;
  if (is(0, EXPENSE_LABEL_HEADER) && is(1, AMOUNT_HEADER)) return 2;
  return null;
}

/** The header pair, then label / amount pairs (合计 among them). */
function readExpenseRows(lines: Line[], from: number, rows: SourceCell[][]): number {
  rows.push([cell(lines[from]), cell(lines[from + 1])]);
  let k = from + 2;
  while (k + 1 < lines.length && HAN.test(lines[k].text) && isCell(lines[k].text, MAX_NAME) && AMOUNT.test(lines[k + 1].text)) {
    rows.push([cell(lines[k]), cell(lines[k + 1])]);
    k += 2;
  }
  return k;
}

const HAN = /\p{Script=Han}/u;

function isCell(text: string, max: number): boolean {
  return text.length <= max && !/[；;]$|。/.test(text);
}

function cell(line: Line): SourceCell {
  const lead = line.item.text.length - line.item.text.trimStart().length;
  return { text: line.text, sourceStart: line.item.sourceStart + lead, exactSource: true, rowSpan: 1, colSpan: 1 };
}

/** A cell of several lines: its text is rebuilt, and it maps to its first line as a whole. */
function joined(values: Line[]): SourceCell {
  if (values.length === 1) return cell(values[0]);
  return { ...cell(values[0]), text: values.map((v) => v.text).join('\n'), exactSource: false };
}

/** The empty cell a merged category leaves, placed where its row starts. */
function empty(at: Line): SourceCell {
  return { text: '', sourceStart: at.item.sourceStart, exactSource: false, rowSpan: 1, colSpan: 1 };
}
