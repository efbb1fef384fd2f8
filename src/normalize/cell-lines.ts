import { displayWidth } from '../model/characters.js';
import { gluedPieces, isLevelWord, isValueCell, levelWrappedAt, opensGluedForm, opensGluedIndicators } from './glued-lines.js';
import { FORM_CAPTION } from './line-kinds.js';
import type { SourceCell, SourceItem, SourceLine } from '../parsers/source-items.js';

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
 *
 * A narrow column wraps a long cell over several lines (项目 / 绩效 / 目标, 满意度指 / 标, a unit's name):
 * such lines are joined only where the joined text is a label or a level, or, for a value, where the lines
 * after it are no wider than its first and a label closes them (see labelAt, wrappedAt, valueLines).
 */

/** Labels of the 项目支出绩效目标申报表 form. */
const FORM_LABEL =
  /^(?:项目名称|主管部门|实施单位|项目(?:性质|类别|类型|属性|期限)|(?:计划|项目)?(?:开始|完成|结束)(?:日期|时间)|项目资金[（(]?(?:万元|元)?[)）]?|(?:项目|年度|中长期)资金(?:申请)?总额(?:[（(]大写[)）])?|(?:其中[：:])?(?:当年)?财政(?:拨款|资金)|上年结转(?:资金)?|其他资金|(?:(?:项目|年度|实施期|中长期)(?:总体|绩效|总)?|总体(?:绩效)?|绩效)目标|项目负责人|联系电话)$/;
/**
 * A line that reads as a label the list above does not know (资金性质, 项目负责人及电话): after a value it
 * goes on with the form, and it is never taken as the wrapped end of the value above it.
 */
const LABEL_LIKE = /^.{0,8}(?:名称|单位|部门|日期|时间|性质|类别|类型|期限|负责人|电话|属性|方式|地点|编码|代码)$/;
/** A qualifier written under a label in its cell: "（元）", "(2024 年-2026 年)". */
const QUALIFIER = /^[（(][^（()）]{1,20}[)）]$/;
/** Labels that group rows and hold no value of their own: 项目绩效目标, 绩效指标 (wrapped as 项目 / 绩效 / 目标). */
const GROUP_LABEL = /^(?:项目)?绩效(?:目标|指标)$/;
/** A cell wrapped by a narrow column takes at most this many lines (服务对象 / 满意度指 / 标). */
const MAX_WRAPPED_LINES = 3;
/** A wrapped value: a name or a unit, not a sentence. */
const MAX_WRAPPED_VALUE = 60;
/** What ends a goal cell's text. */
const SENTENCE_END = /[。！!；;]["”]?$/;
/** The indicator table's header: 一级指标, 二级指标, 三级指标, then the value column. */
const HEADER = [/^一级指标$/, /^二级指标$/, /^三级指标$/];
const VALUE = /^(?:指标值|目标值|指标标准|绩效指标值|(?:年度|项目)[(（/项目年度)）]{0,6}指标值)$/;
const SYMBOL = /^(?:符号|指标符号|指标性质)$/;
const SYMBOL_VALUE = /^(?:值|指标值|数值)$/;
const UNIT = /^(?:单位|计量单位|度量单位)$/;
const WEIGHT = /^(?:指标)?(?:权重|分值)(?:[（(](?:%|％|分)[)）])?$/;
/**
 * The value columns after 三级指标: one (指标值), or symbol, value and unit (符号 / 值 / 单位, or the
 * national template's 指标性质 / 指标值 / 度量单位), either with a weight column after it (权重, 分值).
 * `empty`: the columns whose cell may be empty (a qualitative indicator has no unit; a weight may be left out).
 */
const VALUE_HEADERS: { columns: RegExp[]; empty: number[] }[] = [
  { columns: [SYMBOL, SYMBOL_VALUE, UNIT, WEIGHT], empty: [2, 3] },
  { columns: [SYMBOL, SYMBOL_VALUE, UNIT], empty: [2] },
  { columns: [VALUE, WEIGHT], empty: [1] },
  { columns: [VALUE], empty: [] },
];
/** An expense table: a label column, then an amount column whose header gives the unit ("项目支出明细 / 金额（万元）"). */
const EXPENSE_LABEL_HEADER = /^.{0,8}(?:明细|内容|用途|科目|名称)$/;
/** What a flattened table opens with: the form's first label, the indicator table's first header cell, an expense table's label header. */
const opens = (text: string) => /^(?:项目名称?|项目名|一级指标?|一级)$/.test(text) || EXPENSE_LABEL_HEADER.test(text);
/** The line that opens a form: 项目名称, or its first part where a narrow column wrapped it (项目名 / 称). */
const opensForm = (lines: Line[]) =>
  /^项目名称?$|^项目名$/.test(lines[0].text) && labelAt(lines, 0)?.cell.text.replace(/\s/g, '') === '项目名称';
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
  /** A cell joined from two glued lines (a name or a level wrapped by its column): it maps to its first line as a whole. */
  inexact?: boolean;
}

export function rebuildCellLines(items: SourceItem[], isGap: (index: number) => boolean = () => false): SourceItem[] {
  const out = [...items];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const text = item.kind === 'line' ? item.text.trim() : '';
    if (item.kind !== 'line' || !(opens(text) || opensGluedForm(text) || opensGluedIndicators(text))) continue;
    const table = readTableAt(items, i, isGap);
    if (!table) continue;
    const [first, ...rest] = table.lines;
    out[first.index] = { kind: 'table', rows: table.rows, page: first.item.page, sourceStart: first.item.sourceStart };
    // a glued line gives several cells of one item: the table's own item is not blanked again
    for (const line of rest) if (line.index !== first.index) out[line.index] = { ...line.item, text: '' };
    i = table.lines[table.lines.length - 1].index;
  }
  return out;
}

/** A flattened form (from 项目名称), indicator table (from its header) or expense table starting at item i, or null. */
function readTableAt(items: SourceItem[], i: number, isGap: (index: number) => boolean): { rows: SourceCell[][]; lines: Line[] } | null {
  let lines = linesFrom(items, i, isGap);
  if (lines.length === 0) return null;
  if (opensGluedForm(lines[0].text) || opensGluedIndicators(lines[0].text)) lines = splitGlued(lines);
  const rows: SourceCell[][] = [];
  // an expense table; its caption, where it has one, stays a line of its own (as when rows are written a line each)
  const expense = expenseHeaderAt(lines, 0);
  if (expense !== null) {
    const from = expense === 3 ? 1 : 0;
    const end = readExpenseRows(lines, from, rows);
    return end >= from + 4 ? { rows, lines: lines.slice(from, end) } : null;
  }
  let k = 0;
  if (opensForm(lines)) {
    lines = splitGluedLabels(lines);
    k = readForm(lines, rows);
  }
  const header = readIndicatorHeader(lines, k, rows);
  if (header.values === null && rows.length === 0) return null;
  if (header.values !== null) k = readIndicatorRows(lines, header.end, header.values, rows);
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
  /** The row of a goal label left without a value: its text may share the lines of the next goal label. */
  let waiting: number | null = null;
  for (let label = labelAt(lines, 0); label !== null; ) {
    k = label.end;
    let values = valueLines(lines, k, label.multiline);
    k += values.length;
    // 项目总目标 / 年度总体目标 / the first goal's lines / the second's: a header row over a row of two cells
    const shared = waiting !== null && label.multiline && values.length > 1 ? splitGoalCells(values) : null;
    if (shared && waiting !== null) {
      rows[waiting].push(joined(shared[0]));
      values = shared[1];
    }
    waiting = label.multiline && values.length === 0 ? rows.length : null;
    rows.push(values.length > 0 ? [label.cell, joined(values)] : [label.cell]);
    label = labelAt(lines, k) ?? (values.length > 0 ? unknownLabelAt(lines, k) : null);
  }
  return k;
}

interface Label {
  cell: SourceCell;
  /** The line after the label (and its qualifier). */
  end: number;
  /** A goal label: its value may take several lines. */
  multiline: boolean;
}

/** A form label at k, wrapped by a narrow column or not (项目 / 绩效 / 目标), with a qualifier under it ("（元）"). */
function labelAt(lines: Line[], k: number): Label | null {
  for (let n = Math.min(MAX_WRAPPED_LINES, lines.length - k); n >= 1; n--) {
    const parts = lines.slice(k, k + n);
    if (parts.some((line) => line.text === '')) continue;
    const text = parts.map((line) => line.text).join('');
    if (!FORM_LABEL.test(text)) continue;
    const end = k + n < lines.length && QUALIFIER.test(lines[k + n].text) ? k + n + 1 : k + n;
    return { cell: joined(lines.slice(k, end)), end, multiline: MULTILINE_LABEL.test(text) };
  }
  return null;
}

/** A label the form list does not know, read only where a short value follows it. */
function unknownLabelAt(lines: Line[], k: number): Label | null {
  const [label, value] = [lines[k], lines[k + 1]];
  if (!label || !value || !LABEL_LIKE.test(label.text) || value.text === '' || !isCell(value.text, MAX_VALUE) || labelAt(lines, k + 1))
    return null;
  return { cell: cell(label), end: k + 1, multiline: false };
}

/**
 * A label's value lines. A goal's text may take several lines, where a label or the indicator header
 * closes them. Any other value is one line, or one cell wrapped by its column: following lines no wider
 * than the first, none of them a sentence's end or a label, and a label right after them.
 */
function valueLines(lines: Line[], k: number, multiline: boolean): Line[] {
  const isValue = (at: number) =>
    at < lines.length &&
    lines[at].text !== '' &&
    labelAt(lines, at) === null &&
    !HEADER[0].test(lines[at].text) &&
    expenseHeaderAt(lines, at) === null;
  if (!isValue(k)) return [];
  let end = k + 1;
  if (multiline) {
    while (isValue(end)) end++;
    return end < lines.length ? lines.slice(k, end) : lines.slice(k, k + 1);
  }
  let chars = lines[k].text.length;
  const fits = (at: number) => {
    if (!isValue(at) || LABEL_LIKE.test(lines[at].text) || SENTENCE_END.test(lines[at - 1].text)) return false;
    if (displayWidth(lines[at].text) > displayWidth(lines[k].text)) return false;
    chars += lines[at].text.length;
    return chars <= MAX_WRAPPED_VALUE;
  };
  while (end - k < MAX_WRAPPED_LINES && fits(end)) end++;
  const closed = end < lines.length && (labelAt(lines, end) !== null || HEADER[0].test(lines[end].text));
  return end > k + 1 && !closed ? lines.slice(k, k + 1) : lines.slice(k, end);
}

/**
 * Two goal cells written side by side, flattened one after the other: cells quoted as a spreadsheet
 * export writes them ("…" / "…"), or else split after a sentence's end, where the column's width changes
 * most (a wide column wraps its lines longer than a narrow one). Null when nothing shows where to split.
 */
function splitGoalCells(values: Line[]): [Line[], Line[]] | null {
  const quoted = quotedCells(values);
  if (quoted) return quoted;
  const widest = (part: Line[]) => Math.max(...part.map((line) => displayWidth(line.text)));
  let best: number | null = null;
  let bestGap = -1;
  for (let b = 1; b < values.length; b++) {
    if (!SENTENCE_END.test(values[b - 1].text)) continue;
    const gap = Math.abs(widest(values.slice(0, b)) - widest(values.slice(b)));
    if (gap > bestGap) [best, bestGap] = [b, gap];
  }
  return best === null ? null : [values.slice(0, best), values.slice(best)];
}

/** Two cells each opening and closing with a straight double quote, the quotes left out. */
function quotedCells(values: Line[]): [Line[], Line[]] | null {
  const cells: Line[][] = [];
  let open: Line[] | null = null;
  for (const line of values) {
    if (open === null) {
      if (!line.text.startsWith('"')) return null;
      open = [];
    }
    open.push(line);
    const quotes = open.reduce((n, l) => n + (l.text.match(/"/g)?.length ?? 0), 0);
    if (quotes % 2 === 0 && line.text.endsWith('"') && (open.length > 1 || line.text.length > 1)) {
      cells.push(unquoted(open));
      open = null;
    }
  }
  return open === null && cells.length === 2 ? [cells[0], cells[1]] : null;
}

function unquoted(cellLines: Line[]): Line[] {
  const out = cellLines.map((line, i) => {
    const from = i === 0 ? 1 : 0;
    const to = i === cellLines.length - 1 ? line.text.length - 1 : line.text.length;
    return part(line, from, Math.max(from, to));
  });
  return out.filter((line) => line.text.trim() !== '');
}

/**
 * A glued form's lines cut into one cell per line (glued-lines.ts), up to the next form: its 项目名称 line,
 * or its caption glued after this form's last cell.
 */
function splitGlued(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inIndicators = false;
  /** Characters of line k already taken by a cell wrapped from the line above. */
  let skip = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (k > 0 && opensGluedForm(line.text)) break;
    const next = lines[k + 1];
    const text = line.text.slice(skip);
    const offset = skip;
    skip = 0;
    // a label printed one character per line beside its rows (绩 / 效 / 指 / 标) is no cell
    if (/^\p{Script=Han}$/u.test(text)) continue;
    // a level wrapped by its narrow column: 满意度 / 指标, 服务对象满意 / 度指标
    const wrappedLevel = inIndicators && next ? levelWrappedAt(text, next.text) : null;
    if (wrappedLevel !== null) {
      out.push({ ...part(line, offset, line.text.length), text: wrappedLevel, inexact: true });
      skip = wrappedLevel.length - text.length;
      continue;
    }
    const { pieces, header } = gluedPieces(text, inIndicators);
    inIndicators ||= header;
    const cells = pieces.map(([from, to]) => part(line, offset + from, offset + to));
    // a name wrapped by its column: "连续三届在我市举办市场化会展活动数" / "量 ≥15项"
    const nameOnly = inIndicators && !header && cells.length > 0 && !isValueCell(cells[cells.length - 1].text);
    const tail = nameOnly && next ? gluedPieces(next.text, true).pieces : [];
    if (
      tail.length === 2 &&
      next &&
      tail[0][1] - tail[0][0] <= 3 &&
      isValueCell(next.text.slice(tail[1][0], tail[1][1])) &&
      !isLevelWord(next.text.slice(tail[0][0], tail[0][1]))
    ) {
      const name = cells.pop()!;
      out.push(
        ...cells,
        { ...name, text: name.text + next.text.slice(tail[0][0], tail[0][1]), inexact: true },
        part(next, tail[1][0], tail[1][1]),
      );
      k++;
      continue;
    }
    out.push(...cells);
    if (pieces.length > 1 && FORM_CAPTION.test(line.text.slice(offset + pieces[pieces.length - 1][0]))) break;
  }
  return out;
}

/** "771,325,800.00 年度资金申请总额", "0 其他资金": a value and the next cell's label, flattened onto one line. */
function splitGluedLabels(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    const match = /^(.*?\S)\s+(\S+)$/.exec(line.text);
    if (!match || labelAt([line], 0) !== null || !FORM_LABEL.test(match[2])) return [line];
    return [part(line, 0, match[1].length), part(line, line.text.length - match[2].length, line.text.length)];
  });
}

/** Characters from..to of a line (offsets in its trimmed text) as a line of its own, tied to its source. */
function part(line: Line, from: number, to: number): Line {
  const lead = line.item.text.length - line.item.text.trimStart().length;
  const text = line.text.slice(from, to);
  return { index: line.index, text: text.trim(), item: { ...line.item, text, sourceStart: line.item.sourceStart + lead + from } };
}

/**
 * The header's cells at k, and the value columns that follow 三级指标; null when there is no header. A
 * narrow column may wrap a header cell over two lines ("一级指" / "标", "年度(/项目)" / "指标值").
 */
function readIndicatorHeader(
  lines: Line[],
  k: number,
  rows: SourceCell[][],
): { end: number; values: (typeof VALUE_HEADERS)[number] | null } {
  /** The cells of `patterns` from line `at`, each one line or two, or null. */
  const cellsAt = (patterns: RegExp[], at: number): Line[][] | null => {
    const cells: Line[][] = [];
    for (const pattern of patterns) {
      const one = lines.slice(at, at + 1);
      const two = lines.slice(at, at + 2);
      const text = (parts: Line[]) => parts.map((line) => line.text).join('');
      const found =
        one.length === 1 && pattern.test(text(one))
          ? one
          : two.length === 2 && !pattern.test(two[0].text) && pattern.test(text(two))
            ? two
            : null;
      if (found === null) return null;
      cells.push(found);
      at += found.length;
    }
    return cells;
  };
  const levels = cellsAt(HEADER, k);
  if (levels === null) return { end: k, values: null };
  const from = k + levels.flat().length;
  for (const values of VALUE_HEADERS) {
    const columns = cellsAt(values.columns, from);
    if (columns === null) continue;
    const cells = [...levels, ...columns];
    rows.push(cells.map(joined));
    return { end: from + columns.flat().length, values };
  }
  return { end: k, values: null };
}

/** Rows of [一级指标] [二级指标] 三级指标 and its value cells, until a line that cannot continue the table. */
function readIndicatorRows(lines: Line[], k: number, header: (typeof VALUE_HEADERS)[number], rows: SourceCell[][]): number {
  const valueCount = header.columns.length;
  let category: string | null = null;
  while (k < lines.length) {
    // an expense table right under the indicators starts there
    if (expenseHeaderAt(lines, k) !== null) break;
    // a label over all the rows (绩效指标, wrapped 绩效 / 指标) holds no indicator
    const group = wrappedAt(lines, k, GROUP_LABEL);
    if (group) {
      k += group.length;
      continue;
    }
    let first = wrappedAt(lines, k, FIRST_LEVEL);
    const firstText = first?.map((line) => line.text).join('');
    // 成本指标 is a category of its own in newer forms (成本指标 / 经济成本指标 / …), a second level under
    // 产出指标 in older ones (产出指标 / 数量指标 … 成本指标 / 单车年均运行费用): the line after it tells
    if (
      first &&
      firstText &&
      UNDER_OUTPUT.test(firstText) &&
      category !== null &&
      OUTPUT.test(category) &&
      !wrappedAt(lines, k + first.length, SECOND_LEVEL)
    )
      first = null;
    if (first && firstText) category = firstText;
    let at = first ? k + first.length : k;
    // a second-level name only where a name and its values follow it
    const second = wrappedAt(lines, at, SECOND_LEVEL);
    const secondFits = second !== null && at + second.length + valueCount < lines.length;
    if (second && secondFits) at += second.length;
    if (at + valueCount >= lines.length) break;
    const name = lines[at];
    const values = lines.slice(at + 1, at + 1 + valueCount);
    if (FIRST_LEVEL.test(name.text) || values.some((v) => FIRST_LEVEL.test(v.text))) break;
    // the next form, after a page break the reader skipped
    if ([name, ...values].some((line) => opens(line.text) || FORM_CAPTION.test(line.text))) break;
    if (!isCell(name.text, MAX_NAME) || !values.every((v) => isCell(v.text, MAX_VALUE))) break;
    // only the unit (a qualitative indicator has none) and the weight may be empty
    if (values.some((v, c) => v.text === '' && !header.empty.includes(c))) break;
    // a figure where a name should be ends the table
    if (!HAN.test(name.text) || values.some((v) => AMOUNT_HEADER.test(v.text))) break;
    rows.push([first ? joined(first) : empty(name), second && secondFits ? joined(second) : empty(name), cell(name), ...values.map(cell)]);
    k = at + 1 + valueCount;
  }
  return k;
}

/** A level name can be read at once: it matches its pattern, or is a level that a merge would leave out. */
const isLevel = (text: string) => FIRST_LEVEL.test(text) || SECOND_LEVEL.test(text) || GROUP_LABEL.test(text);

/**
 * A level cell at k matching `pattern`, wrapped over up to three lines by a narrow column (满意度指 / 标,
 * 可持续影 / 响指标, 生态环境 / 成本指标), or on one line; the longest reading wins. Two names that are
 * each a level (产出指标 / 数量指标) are two cells, not one wrapped: a wrapped cell's tail is a fragment
 * (标, 指标), or only its tail reads as a level.
 */
function wrappedAt(lines: Line[], k: number, pattern: RegExp): Line[] | null {
  for (let n = Math.min(MAX_WRAPPED_LINES, lines.length - k); n >= 1; n--) {
    const parts = lines.slice(k, k + n);
    if (parts.some((line) => line.text === '') || !pattern.test(parts.map((line) => line.text).join(''))) continue;
    if (n === 1) return parts;
    // a level's name has no figure or sign (a value's "=2期" does); a 二级 is followed by a name, not by another level
    const levelAfter = pattern === SECOND_LEVEL && k + n < lines.length && isLevel(lines[k + n].text);
    if (parts.some((line) => NOT_IN_A_LEVEL.test(line.text)) || levelAfter) continue;
    const tailIsLevel = isLevel(parts[n - 1].text);
    const headIsLevel = parts.slice(0, -1).some((line) => isLevel(line.text) || /指标$/.test(line.text));
    if (!tailIsLevel || !headIsLevel) return parts;
  }
  return null;
}

const NOT_IN_A_LEVEL = /[\d≥≤=<>＜＞%％]/;

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
  return { text: line.text, sourceStart: line.item.sourceStart + lead, exactSource: !line.inexact, rowSpan: 1, colSpan: 1 };
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
