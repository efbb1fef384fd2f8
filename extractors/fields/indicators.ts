import type { Block, DocumentModel, Source, TableBlock, TableCell } from '../../src/model/document.js';
import type { Category, DeclaredIndicatorCount, DeclaredTotal, Goal, Indicator, Threshold, Weight } from '../../src/model/extraction.js';
import { Decimal } from '../../src/model/decimal.js';
import { locate } from '../../src/model/locate.js';
import { parseChineseNumeral } from '../text/numbers.js';
import type { ProjectSection } from '../layout/structure.js';
import { type CriterionText, linkThresholds } from '../text/threshold-links.js';
import { findThresholds, parseTableValue, parseTableValues, type ThresholdValue } from '../text/thresholds.js';

/**
 * A project's indicators: the counts its 绩效指标 sentences declare ("对应目标一设置1项产出指标、1项效果指标")
 * with the names they list ("分别是A；B"), indicators written with their targets ("数量指标：培训人次不少于500人次"),
 * and indicator tables (一级 | 二级 | 三级 | 指标值, or 符号 | 值 | 单位). Thresholds of the 评价标准 sentences are
 * linked to the named indicators (see linkThresholds).
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;
type TextBlock = Exclude<Block, TableBlock>;

export interface IndicatorExtraction {
  declared: DeclaredIndicatorCount[];
  /** "共设置6项绩效指标": the count declared for all of them, where the text gives one. */
  declaredTotal: DeclaredTotal | null;
  indicators: Indicator[];
  /** 评价标准 thresholds no indicator of the project fits. */
  unlinked: Threshold[];
}

const COUNT = '[0-9一二两三四五六七八九十]{1,3}';
const CATEGORY = '产出|效果|效益|满意度|成本';
const GOAL_NUMBER = '[一二三四五六七八九十]{1,3}|\\d{1,2}';

/** Declared counts, either order; `count` and `category` groups. */
export const DECLARED_INDICATORS: readonly { pattern: RegExp; example: string }[] = [
  {
    pattern: new RegExp(`(?<count>${COUNT})\\s*(?:项|个|条)\\s*(?<category>${CATEGORY})(?:类)?指标`, 'g'),
    example: '设置1项产出指标、1项效果指标',
  },
  {
    pattern: new RegExp(`(?<category>${CATEGORY})(?:类)?指标\\s*(?<count>${COUNT})\\s*(?:项|个|条)`, 'g'),
    example: '目标一下设产出指标2项、效益指标1项',
  },
];

/** A count for all of a project's indicators, not one category's: "共设置6项绩效指标", "绩效指标共5项". */
export const DECLARED_TOTAL: readonly { pattern: RegExp; example: string }[] = [
  {
    pattern: new RegExp(
      `(?:共|总共|合计|一共)\\s*(?:设置|设定|设立|确定|编制|包括|包含|有)?了?\\s*(?<count>${COUNT})\\s*(?:项|个|条)\\s*(?:绩效)?指标`,
    ),
    example: '共设置6项绩效指标',
  },
  {
    pattern: new RegExp(`(?:设置|设定|设立|确定|编制)了?\\s*(?<count>${COUNT})\\s*(?:项|个|条)\\s*绩效指标`),
    example: '本项目设置5项绩效指标',
  },
  { pattern: new RegExp(`绩效指标\\s*(?:共|合计|一共)\\s*(?:计|有)?\\s*(?<count>${COUNT})\\s*(?:项|个|条)`), example: '绩效指标共5项' },
];

/** The goal an indicator sentence belongs to: "对应目标一", "针对目标二", "目标一下设". */
const GOAL_REF = new RegExp(`目标(?<goal>${GOAL_NUMBER})(?![\\d项个])`);

/** What introduces the names after the counts: "，分别是", "，是", "：". */
const NAMES_LEAD = /^[\s，,]*(?:分别是|分别为|具体是|具体为|具体包括|包括|即|是|为)?[\s：:]*/;
const TRAILING = /[\s；;，,。.、]+$/;

/** When fewer names than declared slots are listed, a name that says what it measures takes its slot. */
export const CATEGORY_CUES: readonly { category: Category; name: RegExp; example: string }[] = [
  { category: '满意度', name: /满意/, example: '1项产出指标、1项满意度指标，是保障服务对象满意 → 满意度' },
  { category: '成本', name: /成本|费用|经费/, example: '1项成本指标，是人均培训费用' },
];

/** 一级 (and 二级) labels of sentences that write each indicator with its target. */
export const INDICATOR_LABELS: readonly { pattern: RegExp; category: Category; subcategory: boolean; example: string }[] = [
  { pattern: /^(?:数量|质量|时效)指标$/, category: '产出', subcategory: true, example: '数量指标：培训人次不少于500人次' },
  {
    pattern: /^(?:经济效益|社会效益|生态效益|可持续影响)(?:指标)?$/,
    category: '效益',
    subcategory: true,
    example: '社会效益指标：群众知晓率达到90%',
  },
  { pattern: /^(?:服务对象|社会公众或服务对象)满意度(?:指标)?$/, category: '满意度', subcategory: true, example: '服务对象满意度指标：…' },
  { pattern: /^(?:经济|社会|生态环境)成本指标$/, category: '成本', subcategory: true, example: '经济成本指标：…' },
  { pattern: /^产出指标$/, category: '产出', subcategory: false, example: '1.产出指标：培训人次不少于500人次，…' },
  { pattern: /^效益指标$/, category: '效益', subcategory: false, example: '效益指标：…' },
  { pattern: /^效果指标$/, category: '效果', subcategory: false, example: '效果指标：…' },
  { pattern: /^满意度指标$/, category: '满意度', subcategory: false, example: '满意度指标：群众满意度达到基本满意' },
  // 成本指标 is a 二级 of 产出 beside 数量/质量/时效 labels, and the 一级 成本 (since 2021) otherwise
  { pattern: /^成本指标$/, category: '成本', subcategory: false, example: '成本指标：人均成本不超过200元' },
];
/** A label before its indicators: "数量指标：", "1.产出指标：", "社会效益：". */
const LABEL = /([\u4e00-\u9fff]{0,8}?指标|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)[：:]/g;
/** What joins a name to its target in "群众满意度达到基本满意", "处理时限：及时", "项目总成本在115万元以内". */
const NAME_JOINER = /(?:达到|达|(?<![作认成行因称以更])为|保持|实现|要求|在|：|:)+$/;

const isText = (block: Block): block is TextBlock => block.type !== 'table';

function goalNumber(text: string | undefined): number | null {
  if (!text) return null;
  const value = Number(parseChineseNumeral(text) ?? text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Declared counts and listed names
// ---------------------------------------------------------------------------------------------

interface CountMatch {
  category: Category;
  count: number;
  start: number;
  end: number;
}

function countMatches(text: string): CountMatch[] {
  const found = DECLARED_INDICATORS.flatMap(({ pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({
      category: m.groups!.category as Category,
      count: Number(parseChineseNumeral(m.groups!.count) ?? m.groups!.count),
      start: m.index,
      end: m.index + m[0].length,
    })),
  ).sort((a, b) => a.start - b.start);
  return found.filter((m, i) => !found.slice(0, i).some((other) => m.start < other.end));
}

interface NamePiece {
  text: string;
  /** Offset in the document text. */
  start: number;
}

/** Pieces of text[from, to) split at a separator, trimmed; offsets in the document (`base` is text[0]'s offset). */
function splitNames(text: string, from: number, to: number, base: number, separator: RegExp): NamePiece[] {
  const pieces: NamePiece[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !separator.test(text[i])) continue;
    const raw = text.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim().replace(TRAILING, '');
    if (name) pieces.push({ text: name, start: base + start + lead });
    start = i + 1;
  }
  return pieces;
}

/** Names listed in text[from, to): split at ；, or at 、/， when only that gives the declared number. */
function listedNames(text: string, from: number, to: number, base: number, expected: number): NamePiece[] {
  const bySemicolon = splitNames(text, from, to, base, /[；;]/);
  if (bySemicolon.length >= expected) return bySemicolon;
  const byComma = splitNames(text, from, to, base, /[、，,；;]/);
  return byComma.length === expected ? byComma : bySemicolon;
}

/**
 * Categories for the names: in the order the counts declare them when the numbers agree. With fewer names than
 * declared, a name that says what it measures (满意 → 满意度) takes that slot, and the others leave one name for
 * each category still to come ("2项产出指标、1项效果指标，分别是A；B" → 产出, 效果). Names beyond the declared
 * slots take the last category.
 */
function assignCategories(names: readonly NamePiece[], counts: readonly CountMatch[]): Category[] {
  const capacity = counts.map((c) => c.count);
  if (names.length === capacity.reduce((sum, n) => sum + n, 0)) return counts.flatMap((c) => Array<Category>(c.count).fill(c.category));
  let group = 0;
  return names.map((name, i) => {
    const cued = counts.findIndex(
      (c, k) => capacity[k] > 0 && CATEGORY_CUES.some((cue) => cue.category === c.category && cue.name.test(name.text)),
    );
    if (cued >= 0) {
      capacity[cued]--;
      return counts[cued].category;
    }
    const untouchedLater = counts.filter((c, k) => k > group && capacity[k] === c.count).length;
    const started = capacity[group] < counts[group].count;
    while (group < counts.length - 1 && (capacity[group] === 0 || (started && names.length - i <= untouchedLater))) group++;
    if (capacity[group] > 0) capacity[group]--;
    return counts[group].category;
  });
}

interface Sentence {
  goalIndex: number | null;
  counts: (CountMatch & { source: Source })[];
  /** Names with the category their count group gives (parenthesised lists) or null (assigned by order). */
  names: { piece: NamePiece; category: Category | null }[];
  /** Whether the names may go on in the next block: "分别是A；" at a block's end, or fewer names than declared. */
  open: boolean;
  /** Names given as the list items that follow ("分别是：" then "1、A；" "2、B。"). */
  itemized: boolean;
}

const expectedNames = (sentence: { counts: readonly { count: number }[] }): number => sentence.counts.reduce((sum, c) => sum + c.count, 0);
const endsOpen = (text: string): boolean => /[；;、，,：:]\s*$/.test(text);

/** A 绩效指标 sentence: "1、对应目标一设置1项产出指标、1项效果指标，分别是A；B。" */
function readSentence(block: TextBlock, counts: CountMatch[], document: Doc): Sentence {
  const text = block.text;
  const goal = GOAL_REF.exec(text.slice(0, counts[0].start))?.groups?.goal;
  const located = counts.map((c) => ({ ...c, source: locate(document, block.start + c.start, block.start + c.end) }));
  const names: Sentence['names'] = [];
  // "产出指标2项（A、B），满意度指标1项（C）": each count carries its own names
  for (const count of counts) {
    const paren = /^\s*[（(]([^）)]*)[）)]/.exec(text.slice(count.end));
    if (!paren) continue;
    const from = count.end + paren[0].indexOf(paren[1]);
    for (const piece of splitNames(text, from, from + paren[1].length, block.start, /[、，,；;]/))
      names.push({ piece, category: count.category });
  }
  const expected = expectedNames({ counts });
  if (names.length === 0) {
    const last = counts[counts.length - 1];
    const from = last.end + (NAMES_LEAD.exec(text.slice(last.end))?.[0].length ?? 0);
    for (const piece of listedNames(text, from, text.length, block.start, expected)) names.push({ piece, category: null });
  }
  const open = names.length < expected || endsOpen(text);
  return { goalIndex: goalNumber(goal), counts: located, names, open, itemized: names.length === 0 };
}

/** Go on with an open sentence's names in a block with no counts and no goal of its own; false if it is not one. */
function continueSentence(sentence: Sentence, block: TextBlock): boolean {
  if (!sentence.open || GOAL_REF.test(block.text)) return false;
  if (block.type === 'list_item') {
    if (!sentence.itemized) return false;
    const body = block.text.slice(block.marker.length);
    const name = body.trim().replace(TRAILING, '');
    const start = block.start + block.marker.length + (body.length - body.trimStart().length);
    if (name) sentence.names.push({ piece: { text: name, start }, category: null });
    return true;
  }
  sentence.itemized = false;
  const missing = expectedNames(sentence) - sentence.names.length;
  for (const piece of listedNames(block.text, 0, block.text.length, block.start, missing)) sentence.names.push({ piece, category: null });
  sentence.open = sentence.names.length < expectedNames(sentence) || endsOpen(block.text);
  return true;
}

function sentences(blocks: readonly Block[], document: Doc): Sentence[] {
  const found: Sentence[] = [];
  for (const block of blocks.filter(isText)) {
    if (block.type === 'heading') continue;
    const counts = countMatches(block.text);
    const last = found[found.length - 1];
    if (counts.length > 0) found.push(readSentence(block, counts, document));
    else if (last && !continueSentence(last, block)) last.open = false;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Indicators written with their targets
// ---------------------------------------------------------------------------------------------

function labelOf(label: string, siblings: readonly string[]): { category: Category; subcategory: string | null } | null {
  const entry = INDICATOR_LABELS.find((l) => l.pattern.test(label));
  if (!entry) return null;
  if (label === '成本指标' && siblings.some((s) => /^(?:数量|质量|时效)指标$/.test(s))) return { category: '产出', subcategory: label };
  return { category: entry.category, subcategory: entry.subcategory ? label : null };
}

function toThreshold(match: ThresholdValue & { start: number; end: number }, offset: number, document: Doc): Threshold {
  return {
    op: match.op,
    value: match.value,
    unit: match.unit,
    period: match.period,
    text: match.text,
    source: locate(document, offset + match.start, offset + match.end),
  };
}

/** "数量指标：培训人次不少于500人次，覆盖率达到95%；满意度指标：群众满意度达到基本满意。" */
function labelledIndicators(block: TextBlock, document: Doc): Indicator[] {
  const labels = [...block.text.matchAll(LABEL)].filter((m) => INDICATOR_LABELS.some((l) => l.pattern.test(m[1])));
  const indicators: Indicator[] = [];
  labels.forEach((label, k) => {
    const kind = labelOf(
      label[1],
      labels.map((l) => l[1]),
    );
    if (!kind) return;
    const from = label.index + label[0].length;
    const to = labels[k + 1]?.index ?? block.text.length;
    for (const clause of splitNames(block.text, from, to, 0, /[，,；;。]/)) {
      // "资助资金使用合规性：合规": a colon parts the name from its value
      const colon = clause.text.search(/[：:]/);
      const found = findThresholds(clause.text).filter((t) => colon < 0 || t.start > colon);
      const name = clause.text
        .slice(0, colon >= 0 ? colon : (found[0]?.start ?? clause.text.length))
        .replace(NAME_JOINER, '')
        .trim();
      if (!name) continue;
      const start = block.start + clause.start;
      indicators.push({
        goal_index: null,
        category: kind.category,
        subcategory: kind.subcategory,
        name,
        source: locate(document, start, start + name.length),
        thresholds: found.map((t) => toThreshold(t, start, document)),
        weight: null,
      });
    }
  });
  return indicators;
}

// ---------------------------------------------------------------------------------------------
// Indicator tables
// ---------------------------------------------------------------------------------------------

type Column = 'level1' | 'level2' | 'level3' | 'symbol' | 'value' | 'unit' | 'weight';

/** Header cells of indicator tables. */
export const HEADER_COLUMNS: readonly { column: Column; pattern: RegExp; example: string }[] = [
  { column: 'level1', pattern: /^一级指标$/, example: '一级指标' },
  { column: 'level2', pattern: /^二级指标$/, example: '二级指标' },
  { column: 'level3', pattern: /^(?:三级指标|指标名称|具体指标)$/, example: '三级指标' },
  { column: 'symbol', pattern: /^(?:符号|指标值符号|比较符号?|运算符号?|指标性质)$/, example: '符号, 指标性质' },
  {
    column: 'value',
    pattern: /^(?:(?:(?:年度|全年|预期|目标|项目)(?:[（(][^（）()]{0,6}[)）])?)?指标值|值|目标值|标准值)(?:[（(].*[)）])?$/,
    example: '指标值, 值, 年度(/项目)指标值',
  },
  { column: 'unit', pattern: /^(?:计量|度量|指标值)?单位(?:[（(].*[)）])?$/, example: '单位（文字描述）' },
  { column: 'weight', pattern: /^(?:指标)?(?:权重|分值)(?:[（(](?:%|％|分)[)）])?$/, example: '权重, 分值, 权重（%）' },
];

export interface IndicatorRow {
  category: Category | null;
  subcategory: string | null;
  name: string;
  symbol: string | null;
  value: string | null;
  unit: string | null;
  threshold: ThresholdValue | null;
  /** Every target the value cells hold (a cell may hold two: ≥95%；≤3天); `threshold` is the first. */
  thresholds: ThresholdValue[];
  nameCell: TableCell;
  /** The 符号 / 值 / 单位 (or 指标值) cells the threshold was read from. */
  valueCells: TableCell[];
  /** The 权重 / 分值 cell, where the table has that column and the cell holds a figure. */
  weightCell: TableCell | null;
  row: TableCell[];
}

/** The 一级 text's category: "产出指标" → 产出, "效益指标" → 效益, "效果指标" → 效果. */
export function categoryOf(text: string): Category | null {
  return (new RegExp(`^(${CATEGORY})`).exec(text.replace(/\s+/g, ''))?.[1] as Category | undefined) ?? null;
}

/** The category a 二级 name ends with: "生态环境成本指标" → 成本. */
export function categoryAtEnd(text: string): Category | null {
  return (new RegExp(`(${CATEGORY})指标$`).exec(text.replace(/\s+/g, ''))?.[1] as Category | undefined) ?? null;
}

function headerColumns(row: readonly TableCell[]): Partial<Record<Column, number>> | null {
  const columns: Partial<Record<Column, number>> = {};
  row.forEach((cell, i) => {
    const text = cell.text.replace(/\s+/g, '');
    const hit = HEADER_COLUMNS.find((h) => h.pattern.test(text));
    if (hit && columns[hit.column] === undefined) columns[hit.column] = i;
  });
  return columns.level3 !== undefined && (columns.level1 !== undefined || columns.value !== undefined) ? columns : null;
}

/**
 * A cell's text. A merged cell repeats the text above (an 一级 merged down its rows); one merged from the
 * left (a name spanning the value columns) says nothing of its own column.
 */
function cellText(row: readonly TableCell[], column: number | undefined): string {
  if (column === undefined) return '';
  const cell = row[column];
  if (!cell || (cell.merged && column > 0 && row[column - 1]?.start === cell.start)) return '';
  return cell.text.trim();
}

const orNull = (text: string): string | null => text || null;

/** The indicator rows of a table, found by its header row. Empty 一级/二级 cells carry the value above. */
export function readIndicatorTable(table: TableBlock): IndicatorRow[] {
  const headerAt = table.rows.findIndex((row) => headerColumns(row) !== null);
  if (headerAt < 0) return [];
  const columns = headerColumns(table.rows[headerAt])!;
  const rows: IndicatorRow[] = [];
  let level1 = '';
  let level2 = '';
  for (const row of table.rows.slice(headerAt + 1)) {
    const ownLevel1 = cellText(row, columns.level1);
    if (ownLevel1 && ownLevel1 !== level1) level2 = '';
    level1 = ownLevel1 || level1;
    level2 = cellText(row, columns.level2) || level2;
    const name = cellText(row, columns.level3).replace(TRAILING, '');
    if (!name || columns.level3 === undefined) continue;
    const symbol = cellText(row, columns.symbol);
    const value = cellText(row, columns.value);
    const unit = cellText(row, columns.unit);
    rows.push({
      // a table whose first 一级 cell was lost (flattened text) still names it in the 二级: 经济成本指标 → 成本
      category: categoryOf(level1) ?? (level1 ? null : categoryAtEnd(level2)),
      subcategory: orNull(level2),
      name,
      symbol: orNull(symbol),
      value: orNull(value),
      unit: orNull(unit),
      threshold: parseTableValue(symbol, value, unit),
      thresholds: parseTableValues(symbol, value, unit),
      nameCell: row[columns.level3],
      valueCells: [columns.symbol, columns.value, columns.unit].flatMap((c) => (c === undefined || !row[c] ? [] : [row[c]])),
      weightCell:
        columns.weight !== undefined && row[columns.weight] && WEIGHT.test(cellText(row, columns.weight)) ? row[columns.weight] : null,
      row,
    });
  }
  return rows;
}

/** A weight as a table writes it: 20, 12.5, 10%, 10分. */
const WEIGHT = /^(\d{1,3}(?:\.\d+)?)\s*(?:%|％|分)?$/;

export function weightOf(cell: TableCell | null, document: Doc): Weight | null {
  const match = cell ? WEIGHT.exec(cell.text.trim()) : null;
  if (!cell || !match) return null;
  const at = cell.start + cell.text.indexOf(match[1]);
  return { value: Decimal.parse(match[1]).toString(), text: cell.text.trim(), source: locate(document, at, at + match[1].length) };
}

/** Where a table row's threshold stands: its value cells, or its name cell when it has none. */
export function valueSpan(row: IndicatorRow): { start: number; end: number } {
  const cells = row.valueCells.length > 0 ? row.valueCells : [row.nameCell];
  return { start: Math.min(...cells.map((c) => c.start)), end: Math.max(...cells.map((c) => c.end)) };
}

function tableIndicators(blocks: readonly Block[], document: Doc): Indicator[] {
  return blocks
    .filter((b): b is TableBlock => b.type === 'table')
    .flatMap(readIndicatorTable)
    .flatMap((row) => {
      if (row.category === null) return [];
      const span = valueSpan(row);
      const thresholds: Threshold[] = row.thresholds.map((t) => ({ ...t, source: locate(document, span.start, span.end) }));
      return [
        {
          goal_index: null,
          category: row.category,
          subcategory: row.subcategory,
          name: row.name,
          source: locate(document, row.nameCell.start, row.nameCell.end),
          thresholds,
          weight: weightOf(row.weightCell, document),
        },
      ];
    });
}

// ---------------------------------------------------------------------------------------------
// 评价标准
// ---------------------------------------------------------------------------------------------

/** The lead-in of a 评价标准 sentence: "1、目标一对应指标的评价标准是". */
const CRITERION_LEAD = /^.{0,30}?评价标准(?:是|为)?[：:]?/;
const LIST_MARKER = /^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]\s*/;

function criteria(blocks: readonly Block[]): CriterionText[] {
  return blocks.filter(isText).flatMap((block) => {
    if (block.type === 'heading') return [];
    const lead = CRITERION_LEAD.exec(block.text)?.[0] ?? LIST_MARKER.exec(block.text)?.[0] ?? '';
    const goal = GOAL_REF.exec(lead || block.text.slice(0, 12))?.groups?.goal;
    return [{ goalIndex: goalNumber(goal), text: block.text.slice(lead.length), offset: block.start + lead.length }];
  });
}

// ---------------------------------------------------------------------------------------------

/** The one goal of a project that lists a single goal: what a sentence naming no goal belongs to. */
function onlyGoal(goals: readonly Goal[]): number | null {
  const listed = goals.filter((goal) => goal.kind !== 'overall');
  return listed.length === 1 ? listed[0].index : null;
}

function proseIndicators(
  found: readonly Sentence[],
  fallbackGoal: number | null,
  document: Doc,
): { declared: DeclaredIndicatorCount[]; indicators: Indicator[] } {
  const declared: DeclaredIndicatorCount[] = [];
  const indicators: Indicator[] = [];
  for (const sentence of found) {
    const goalIndex = sentence.goalIndex ?? fallbackGoal;
    for (const count of sentence.counts)
      declared.push({ goal_index: goalIndex, category: count.category, count: count.count, source: count.source });
    const ordered = sentence.names.filter((n) => n.category === null);
    const byOrder = assignCategories(
      ordered.map((n) => n.piece),
      sentence.counts,
    );
    let next = 0;
    for (const { piece, category } of sentence.names) {
      indicators.push({
        goal_index: goalIndex,
        category: category ?? byOrder[next++],
        subcategory: null,
        name: piece.text,
        source: locate(document, piece.start, piece.start + piece.text.length),
        thresholds: [],
        weight: null,
      });
    }
  }
  return { declared, indicators };
}

/** A sentence that declares or lists indicators: "设置1项产出指标", "数量指标：…". */
export function isIndicatorSentence(text: string): boolean {
  return countMatches(text).length > 0 || [...text.matchAll(LABEL)].some((m) => INDICATOR_LABELS.some((l) => l.pattern.test(m[1])));
}

/**
 * Every indicator of a project, with the 评价标准 thresholds linked to the named ones. Without a 绩效指标
 * sub-section (forms whose indicators follow 年度目标 directly), the project's indicator sentences are read.
 */
export function extractIndicators(section: ProjectSection, document: Doc, goals: readonly Goal[]): IndicatorExtraction {
  const blocks =
    section.subsections.indicators ?? section.blocks.filter((b) => isText(b) && b.type !== 'heading' && isIndicatorSentence(b.text));
  const prose = proseIndicators(sentences(blocks, document), onlyGoal(goals), document);
  const labelled = blocks
    .filter(isText)
    .filter((b) => countMatches(b.text).length === 0)
    .flatMap((b) => labelledIndicators(b, document));
  const named = [...prose.indicators, ...labelled];
  const links = linkThresholds(
    criteria(section.subsections.standards ?? []),
    named.map((i) => ({ name: i.name, goalIndex: i.goal_index })),
  );
  const unlinked: Threshold[] = [];
  for (const { target, threshold } of links) {
    const located = toThreshold(threshold, 0, document);
    if (target === null) unlinked.push(located);
    else named[target].thresholds.push(located);
  }
  return {
    declared: prose.declared,
    declaredTotal: declaredTotal(section.blocks, document),
    indicators: [...named, ...tableIndicators(section.blocks, document)],
    unlinked,
  };
}

/** The first count declared for all the project's indicators, in its text. */
function declaredTotal(blocks: readonly Block[], document: Doc): DeclaredTotal | null {
  for (const block of blocks) {
    if (!isText(block)) continue;
    for (const { pattern } of DECLARED_TOTAL) {
      const match = pattern.exec(block.text);
      if (!match?.groups) continue;
      const count = Number(parseChineseNumeral(match.groups.count) ?? match.groups.count);
      const start = block.start + match.index;
      return { count, source: locate(document, start, start + match[0].length) };
    }
  }
  return null;
}
