import type { Threshold } from '../../src/model/extraction.js';
import { Decimal } from '../../src/model/decimal.js';
import { findFractions, findNumbers, foldWidth, type FractionMatch, MEASURE_WORDS, type NumberMatch } from './numbers.js';

/**
 * Thresholds (the target an indicator must meet) as 评价标准 prose and indicator tables write them:
 * "至少达90%", "不得超过10%", "每月维修维护一次", "全部接回", "使大部分群众满意", "≥90.00(%)", "= | 100 | %".
 * Pure text functions: offsets are relative to the text given (linking them to indicators is threshold-links.ts). The lexicons below are the whole of the
 * phrasing knowledge; docs/thresholds.md explains every choice of operator.
 */

export type ThresholdOp = Threshold['op'];

/** A threshold without its location: what a table cell or a prose phrase says. */
export interface ThresholdValue {
  op: ThresholdOp;
  /** The number as written: 90 for 90%, 50 for 50万元; null when qualitative or left out. */
  value: number | null;
  unit: string | null;
  /** Canonical period of a frequency: 每周, 每月, 每季度, 每半年, 全年, 每天. */
  period: string | null;
  text: string;
}

/** A threshold found in prose, with [start, end) in the text searched. */
export interface ThresholdMatch extends ThresholdValue {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------------

/**
 * How much a cue says. A strong cue states a comparison outright and wins over everything else; a suffix
 * (以上/以内) comes next; a weak cue ("达", "为") must stand right before the figure and only says that a
 * level is reached or set; a target verb ("制定", "计划") anywhere in the clause says a figure is a target
 * at all, and is not part of the quoted phrase.
 */
type CueStrength = 'strong' | 'weak' | 'target';

/** What may stand between a weak cue and its figure: 覆盖率为80%, 达到了90%, 保持在98%. Not 达标率百分之百. */
const WEAK_CUE_GAP = /^[\s了约在]*$/;

interface OpCue {
  pattern: string;
  op: Exclude<ThresholdOp, 'qualitative'>;
  strength: CueStrength;
  example: string;
}

/**
 * Cues before the number. Negated comparatives come first so that 不超过 is not read as 超过.
 * 以上/以下/以内 include the number and 超过/低于/不足 exclude it, as Chinese legal usage has it
 * (民法典 第1259条): so 超过 is '>' and 低于/少于 are '<'.
 */
export const PREFIX_CUES: readonly OpCue[] = [
  {
    pattern: '不(?:能|得|可|可以|应|宜|会)?(?:超过|高于|大于|多于)',
    op: '<=',
    strength: 'strong',
    example: '最多不能超过2人, 再犯罪率不得超过10%, 不得大于10%',
  },
  { pattern: '不(?:能|得|可|可以|应|宜|会)?(?:低于|少于|小于)', op: '>=', strength: 'strong', example: '不低于90%, 全年不少于12次' },
  { pattern: '大于等于|大于或等于|≥|≧|>=', op: '>=', strength: 'strong', example: '≥90%, 大于等于85%' },
  { pattern: '小于等于|小于或等于|≤|≦|<=', op: '<=', strength: 'strong', example: '≤10天' },
  { pattern: '至少|最少|最低|起码', op: '>=', strength: 'strong', example: '至少宣传3次, 每季度至少一次' },
  { pattern: '最多|至多|最高|控制在|控制于|限制在|限定在', op: '<=', strength: 'strong', example: '最多2人, 控制在5%以内' },
  { pattern: '超过|高于|大于|多于|>', op: '>', strength: 'strong', example: '超过80%' },
  { pattern: '低于|少于|小于|不足|不到|<', op: '<', strength: 'strong', example: '低于5%' },
  { pattern: '等于|=', op: '=', strength: 'strong', example: '=100%' },
  // reaching a level: 完成率达80% means at least 80 (达100% is then "all", see isAll)
  { pattern: '达到|达|提高到|提升到|增加到|增长到|实现', op: '>=', strength: 'weak', example: '完成率达80%, 大学生达5000人' },
  { pattern: '保持|维持|控制为|(?<![作认成行因称以更])为', op: '=', strength: 'weak', example: '覆盖率为80%, 保持100%, 安全事故控制为0起' },
  // a target verb without a comparison sets the figure itself: 为保障…正常运转制定90%
  { pattern: '制定|设定|定为|确定|计划', op: '=', strength: 'target', example: '制定90%, 计划安排对办公楼进行5次维修维护' },
  // an aim is a floor: 力争覆盖率95% promises at least 95 (力争达到98% is decided by 达到 all the same)
  { pattern: '力争|争取', op: '>=', strength: 'target', example: '力争覆盖率95%, 力争全年接待500人次' },
];

/** Cues right after the number and its unit. */
export const SUFFIX_CUES: readonly { pattern: RegExp; op: '>=' | '<='; example: string }[] = [
  { pattern: /^\s*(?:及以上|或以上|以上)/, op: '>=', example: '达90%以上' },
  { pattern: /^\s*(?:及以下|或以下|以下|以内|之内|内(?!容|部|网))/, op: '<=', example: '控制在5%以内, 3个工作日内' },
];

/** Period words of a frequency, with the canonical period stored. */
export const PERIODS: readonly { pattern: RegExp; period: string; example: string }[] = [
  { pattern: /每(?:个)?季度|每季/g, period: '每季度', example: '每季度至少一次' },
  { pattern: /每半年/g, period: '每半年', example: '每半年检查一次' },
  { pattern: /每(?:个)?月/g, period: '每月', example: '每月维修维护一次' },
  { pattern: /每(?:个)?周|每星期/g, period: '每周', example: '每周一次' },
  { pattern: /每天|每日/g, period: '每天', example: '每天巡查一次' },
  { pattern: /全年|每年度?|年度内/g, period: '全年', example: '全年不少于12次, 每年至少4次' },
];

/** Units a period applies to: counts of events. 全年完成率达90% has no period. */
const FREQUENCY_UNITS = new Set(['次', '场', '期', '轮', '批次', '回', '人次', '户次', '家次', '场次', '车次', '辆次', '台次']);

/**
 * Units after a figure: the measure words numbers.ts knows (次, 人, 家, 天, 元, 平方米…) and the compound
 * units of indicators, longest first so that 人次 wins over 人 and 个工作日 over 个.
 */
export const UNITS: readonly string[] = [
  ...new Set([
    '个工作日',
    '工作日',
    '个月',
    '人次',
    '家次',
    '户次',
    '批次',
    '辆次',
    '台次',
    '车次',
    '场次',
    '台件',
    '分',
    '卷',
    '起',
    '回',
    ...MEASURE_WORDS,
  ]),
].sort((a, b) => b.length - a.length);

/** A figure glued to 万/亿 before its unit is kept as written: 50万元 is 50 万元, 1.5万人 is 1.5 万人. */
const BIG_UNIT_EXPONENTS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/**
 * Words before a figure (in its clause) that make it context, not a target: a population, what is already
 * there, a share described ("社区矫正对象中只有80%有劳动、学习能力", "辖区人口数至少为2000人").
 */
export const CONTEXT_CUES = /人口(?!普查)|户籍|常住|在册|现有|只有|仅有|其余|共有/;

/** A weight or a score right before a figure ("权重 10", "分值为5", "满分100"): the table's scoring, never a target. */
const WEIGHT_BEFORE = /(?:权重|分值|满分)\s*(?:为|是|[:：])?\s*$/;

/**
 * A figure in a formula is an operand, not a target: the 100% of "资金执行率=实际支出/预算*100%" or
 * "（完成数÷计划数）×100%" follows a multiplication or division sign.
 */
const FORMULA_BEFORE = /[×*÷/]\s*$/;

/** Two figures joined as a range: 90%-95%, 90-95%, 90%～95%, 90%至95%, 每月1-2次. The range includes both. */
const RANGE_JOINER = /^\s*(?:-{1,2}|—{1,2}|[–~～至到])\s*$/;
/** Words closing a range: 在90%至95%之间. */
const RANGE_END = /^\s*(?:之间|范围内|区间内?)/;

/** A consequence ("…，才能达到应有的效果") states no target: from 才能/才可能 to the clause end is skipped. */
const CONSEQUENCE = /(?<!人)才(?:能|可能|可以|可|会|算)/;

/** A baseline ("4.15、12.4等日期全部完成的基础上增加一次"): what precedes 基础上 is no target. */
const BASELINE = /基础上/g;

/** Where prose clauses end. */
/** Where prose clauses end; a comma between digits (1,250,000 元) is a thousands separator, not a break. */
const CLAUSE_BREAK = /[，。；;！!？?：:\n]|,(?!\d{3}(?!\d))|(?<!\d),/g;

interface WordCue {
  pattern: RegExp;
  threshold: Pick<ThresholdValue, 'op' | 'value' | 'unit'>;
  example: string;
}

const ALL: WordCue['threshold'] = { op: '=', value: 100, unit: '%' };
const NONE: WordCue['threshold'] = { op: '=', value: 0, unit: null };
const QUALITATIVE: WordCue['threshold'] = { op: 'qualitative', value: null, unit: null };

/** How a qualitative target is written: an adverb of manner and a verb of change ("明显提升", "更加丰富"). */
const MANNER = '明显|显著|有效|稳步|逐步|持续|不断|进一步|更加|日益|有力|切实|及时';
const CHANGE = '提升|提高|改善|增强|加强|降低|减少|下降|遏制|控制|优化|规范|丰富|好转|浓厚|落实|消除|推广|推进|保障|维护|形成|缓解|完善';

/** Targets written in words; used only in clauses that hold no numeric target. */
export const WORD_CUES: readonly WordCue[] = [
  { pattern: /全部|全数|全覆盖/g, threshold: ALL, example: '按规定时限必须将上访人全部接回' },
  // 不得 before a comparative without a figure ("支出不得超过预算") says nothing of zero
  {
    pattern: /不得发生|零发生|为零|杜绝|不可以|不允许|严禁|不得(?!不|超过|高于|大于|多于|低于|少于|小于)/g,
    threshold: NONE,
    example: '重点时期病患家属不可以上访, 安全事故不得发生',
  },
  { pattern: /(?<![\d一二三四五六七八九十百千万点])零(?=事故|投诉|差错|伤亡|上访|发生|失误|案件)/g, threshold: NONE, example: '零事故' },
  { pattern: /(?:绝)?大(?:部分|多数)[\u4e00-\u9fff]{0,6}?满意|基本满意|普遍满意/g, threshold: QUALITATIVE, example: '使大部分群众满意' },
  { pattern: /(?<=达到|做到)满意(?!度|率|程度)/g, threshold: QUALITATIVE, example: '群众满意度达到满意' },
  {
    pattern: new RegExp(`(?:得到)?(?:${MANNER})(?:${CHANGE})`, 'g'),
    threshold: QUALITATIVE,
    example: '服务质量明显提升, 环境有效改善, 群众文化生活更加丰富, 权益得到有效保障',
  },
  { pattern: /保持(?:良好|稳定|正常)|运转良好|及时有效|合规(?!性)/g, threshold: QUALITATIVE, example: '群众来访接待秩序保持良好' },
  // a word standing alone after the name, as tables print it: "成本控制合理性：合理", "系统运行安全性：有效"
  {
    pattern: /^\s*(?:合理|有效|可控|良好|优良|达标|合格|规范|稳定|正常|完好|安全)\s*$/g,
    threshold: QUALITATIVE,
    example: '成本控制合理性：合理',
  },
  { pattern: /(?:超过|高于|好于|优于|不低于)(?:往年|去年|上年|上一年)/g, threshold: QUALITATIVE, example: '今年完成比例要超过往年' },
  { pattern: /(?<!不)及时(?![率性])|按时(?!间)/g, threshold: QUALITATIVE, example: '报销及时, 按时缴费 (not 因调解不及时引发的…)' },
];

// ---------------------------------------------------------------------------------------------
// Prose
// ---------------------------------------------------------------------------------------------

export interface Span {
  start: number;
  end: number;
}

/** Clauses of the text that may state targets: consequences and baselines cut off. */
function targetClauses(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const stop of [...text.matchAll(CLAUSE_BREAK), null]) {
    const end = stop?.index ?? text.length;
    const clause = text.slice(start, end);
    const consequence = CONSEQUENCE.exec(clause);
    const cut = consequence ? consequence.index : clause.length;
    const baselines = [...clause.slice(0, cut).matchAll(BASELINE)];
    const last = baselines[baselines.length - 1];
    const from = last ? last.index + last[0].length : 0;
    if (cut > from) clauses.push({ start: start + from, end: start + cut });
    start = end + 1;
  }
  return clauses;
}

/** Titles in 《》 name documents; figures inside them (《2020年度…细则》, 《“十四五”规划》) are no targets. */
function titleSpans(text: string): Span[] {
  return [...text.matchAll(/《[^《》]*》/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const inside = (spans: readonly Span[], at: number): boolean => spans.some((s) => s.start <= at && at < s.end);

interface Cue {
  op: Exclude<ThresholdOp, 'qualitative'>;
  strength: CueStrength;
  start: number;
  end: number;
}

const PREFIX_PATTERN = new RegExp(PREFIX_CUES.map((cue) => `(${cue.pattern})`).join('|'), 'g');

/** Operator cues in text[from, to), in order; offsets in the text. */
function prefixCues(text: string, from: number, to: number): Cue[] {
  const window = text.slice(from, to);
  return [...window.matchAll(PREFIX_PATTERN)].map((m) => {
    const cue = PREFIX_CUES[m.slice(1).findIndex((group) => group !== undefined)];
    return { op: cue.op, strength: cue.strength, start: from + m.index, end: from + m.index + m[0].length };
  });
}

function lastPeriod(window: string): { period: string; at: number } | null {
  let found: { period: string; at: number } | null = null;
  for (const { pattern, period } of PERIODS) {
    for (const m of window.matchAll(pattern)) if (!found || m.index > found.at) found = { period, at: m.index };
  }
  return found;
}

interface Figure {
  value: number;
  unit: string | null;
  end: number;
}

/** The figure with its unit: 90% → 90 %, 5000人 → 5000 人, 50万元 → 50 万元 (as written). */
function readFigure(text: string, number: NumberMatch): Figure {
  if (number.isPercent) return { value: Number(number.value), unit: '%', end: number.end };
  const at = number.end + (/^\s*/.exec(text.slice(number.end))?.[0].length ?? 0);
  const unit = UNITS.find((u) => text.startsWith(u, at)) ?? null;
  const big = number.text.trim().slice(-1);
  const exponent = BIG_UNIT_EXPONENTS[big];
  const asWritten = exponent === undefined ? null : Number(Decimal.parse(number.value).shift(-exponent).toString());
  // ≤5万 with nothing after it: 5 万, the magnitude kept as the unit (money or people, the name tells)
  if (unit === null)
    return asWritten === null
      ? { value: Number(number.value), unit: null, end: number.end }
      : { value: asWritten, unit: big, end: number.end };
  if (asWritten !== null) return { value: asWritten, unit: big + unit, end: at + unit.length };
  return { value: Number(number.value), unit, end: at + unit.length };
}

/** A figure reads as "all" when it is 100%: 达100% and a bare 100% both mean everything (= 100 %). */
const isAll = (figure: Figure): boolean => figure.unit === '%' && figure.value === 100;

/** Where the quoted phrase starts: at the deciding cue and the cues written right before it (最多不能超过). */
function phraseStart(cues: readonly Cue[], deciding: Cue | undefined, fallback: number): number {
  if (deciding === undefined || deciding.strength === 'target') return fallback;
  let start = deciding.start;
  for (const cue of [...cues].reverse()) if (cue.strength !== 'target' && cue.end === start) start = cue.start;
  return start;
}

/** A figure that is part of a name, a weight or a formula, or stands in a clause of context: no target. */
function notATarget(text: string, clause: Span, number: NumberMatch, titles: readonly Span[]): boolean {
  const before = text.slice(clause.start, number.start);
  return inside(titles, number.start) || CONTEXT_CUES.test(before) || WEIGHT_BEFORE.test(before) || FORMULA_BEFORE.test(before);
}

/**
 * A range of two figures ("90%-95%", "90-95%", "每月1-2次"): a floor at the low figure and a ceiling at the high
 * one. The low figure takes the high one's unit when it has none; both quote the whole range.
 */
function rangeThresholds(text: string, clause: Span, low: NumberMatch, high: NumberMatch): ThresholdMatch[] | null {
  if (high.end > clause.end || !RANGE_JOINER.test(text.slice(low.end, high.start))) return null;
  const top = readFigure(text, high);
  const bottom = readFigure(text, low);
  // 10万-12万人: the low figure's 万 is the start of the high one's unit
  const sameUnit =
    bottom.unit === null || bottom.unit === top.unit || (bottom.unit in BIG_UNIT_EXPONENTS && top.unit?.startsWith(bottom.unit));
  if (top.unit === null || !sameUnit || bottom.value >= top.value) return null;
  // 每月5-10日 are days of the month, not a duration
  if (/^[日号]$/.test(top.unit) && /月\s*$/.test(text.slice(clause.start, low.start))) return null;
  const period = FREQUENCY_UNITS.has(top.unit) ? lastPeriod(text.slice(clause.start, low.start)) : null;
  const closing = RANGE_END.exec(text.slice(top.end));
  const start = period ? Math.min(clause.start + period.at, low.start) : low.start;
  const end = top.end + (closing?.[0].length ?? 0);
  const quoted = { unit: top.unit, period: period?.period ?? null, text: text.slice(start, end), start, end };
  return [
    { op: '>=', value: bottom.value, ...quoted },
    { op: '<=', value: top.value, ...quoted },
  ];
}

function numericThresholds(text: string, clause: Span, numbers: readonly NumberMatch[], titles: readonly Span[]): ThresholdMatch[] {
  const found: ThresholdMatch[] = [];
  let windowStart = clause.start;
  for (let k = 0; k < numbers.length; k++) {
    const number = numbers[k];
    if (number.start < clause.start || number.end > clause.end) continue;
    const from = windowStart;
    windowStart = number.end;
    if (notATarget(text, clause, number, titles)) continue;
    const next = numbers[k + 1];
    const range = next === undefined ? null : rangeThresholds(text, clause, number, next);
    if (range !== null) {
      found.push(...range);
      windowStart = next.end;
      k += 1;
      continue;
    }
    const figure = readFigure(text, number);
    const suffix = SUFFIX_CUES.map((cue) => ({ op: cue.op, m: cue.pattern.exec(text.slice(figure.end)) })).find((s) => s.m !== null);
    const cues = prefixCues(text, from, number.start);
    const last = (strength: CueStrength): Cue | undefined => cues.filter((c) => c.strength === strength).pop();
    const strong = last('strong');
    const weakCue = last('weak');
    const weak = weakCue && WEAK_CUE_GAP.test(text.slice(weakCue.end, number.start)) ? weakCue : undefined;
    const target = last('target');
    const period = figure.unit !== null && FREQUENCY_UNITS.has(figure.unit) ? lastPeriod(text.slice(clause.start, number.start)) : null;
    const deciding = strong ?? (suffix ? undefined : (weak ?? target));
    let op = deciding?.op ?? suffix?.op ?? (period || isAll(figure) ? '=' : null);
    if (op === null) continue; // a bare figure is context ("其余10%为折旧"), not a target
    if (!strong && !suffix && isAll(figure)) op = '='; // 达到百分之百: all of it
    const periodStart = period ? clause.start + period.at : number.start;
    const start = Math.min(phraseStart(cues, deciding ?? weak, number.start), periodStart);
    const end = suffix?.m ? figure.end + suffix.m[0].length : figure.end;
    found.push({ op, value: figure.value, unit: figure.unit, period: period?.period ?? null, text: text.slice(start, end), start, end });
  }
  return found;
}

function wordThresholds(text: string, clause: Span, titles: readonly Span[]): ThresholdMatch[] {
  const body = text.slice(clause.start, clause.end);
  const hits = WORD_CUES.flatMap(({ pattern, threshold }) =>
    [...body.matchAll(pattern)].map((m) => ({ threshold, start: clause.start + m.index, end: clause.start + m.index + m[0].length })),
  ).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof hits = [];
  for (const hit of hits) {
    if (inside(titles, hit.start) || kept.some((k) => hit.start < k.end)) continue;
    kept.push(hit);
  }
  return kept.map(({ threshold, start, end }) => ({ ...threshold, period: null, text: text.slice(start, end), start, end }));
}

const COMPARING_CUES = PREFIX_CUES.filter((cue) => cue.strength !== 'target');
/**
 * A cue and a unit with the figure left out: "超过%", "至少达处", "最多**分钟" (a template never filled in).
 * Without a placeholder, the unit must end the clause (达到人民满意 is no missing 人), and be % or follow a
 * strong cue (以人为本 is no missing 本).
 */
const MISSING_FIGURE = new RegExp(
  `(?:${COMPARING_CUES.map((cue) => `(${cue.pattern})`).join('|')})\\s*([*＊]+)?\\s*(%|${UNITS.join('|')})`,
  'g',
);
const CLAUSE_END = /^\s*(?:以上|以内|以下)?\s*(?:[，,。；;]|$)/;

function missingFigures(text: string, clause: Span, titles: readonly Span[]): ThresholdMatch[] {
  const body = text.slice(clause.start, clause.end);
  return [...body.matchAll(MISSING_FIGURE)].flatMap((m) => {
    const groups = m.slice(1);
    const placeholder = groups[COMPARING_CUES.length];
    const unit = groups[COMPARING_CUES.length + 1];
    const at = clause.start + m.index;
    const after = text.slice(at + m[0].length);
    const matched = COMPARING_CUES[groups.findIndex((group) => group !== undefined)];
    const cue: Cue = { op: matched.op, strength: matched.strength, start: at, end: at + groups.find((g) => g !== undefined)!.length };
    // cues written right before ("至少达处"): the strongest of them decides
    const cues = [...prefixCues(text, clause.start, at), cue];
    const start = phraseStart(cues, cue, at);
    const strong = cues.filter((c) => c.start >= start).find((c) => c.strength === 'strong');
    const stated = placeholder !== undefined || (CLAUSE_END.test(after) && (unit === '%' || strong !== undefined));
    if (!stated || inside(titles, at)) return [];
    const suffix = SUFFIX_CUES.find((s) => s.pattern.test(after));
    const op = strong?.op ?? suffix?.op ?? cue.op;
    const end = at + m[0].length;
    return [{ op, value: null, unit, period: null, text: text.slice(start, end), start, end }];
  });
}

/**
 * A fraction read as the percentage it states (三分之二 → 66.67 %, rounded half up to two decimals; the quoted
 * text keeps the fraction, so the exact share stays recoverable). Marked approximate when the rounding lost some.
 */
function fractionFigure(fraction: FractionMatch): NumberMatch {
  const { start, end, text, percent, exact } = fraction;
  return { start, end, text, value: percent, isPercent: true, kind: 'percent', approximate: !exact, printedDecimals: 2 };
}

/** Every target stated in a piece of 评价标准 prose, in order. */
export function findThresholds(text: string): ThresholdMatch[] {
  const numbers = [...findNumbers(text), ...findFractions(text).map(fractionFigure)].sort((a, b) => a.start - b.start);
  const titles = titleSpans(text);
  return targetClauses(text).flatMap((clause) => {
    const stated = [...numericThresholds(text, clause, numbers, titles), ...missingFigures(text, clause, titles)].sort(
      (a, b) => a.start - b.start,
    );
    return stated.length > 0 ? stated : wordThresholds(text, clause, titles);
  });
}

// ---------------------------------------------------------------------------------------------
// Table cells
// ---------------------------------------------------------------------------------------------

/** Symbols as tables print them (after width folding: ＞ is >, ＝ is =); the first one in a cell decides. */
export const TABLE_SYMBOLS: readonly { pattern: RegExp; op: Exclude<ThresholdOp, 'qualitative'>; example: string }[] = [
  { pattern: /≥|≧|>=|大于等于|大于或等于|不低于|不少于/, op: '>=', example: '≥90.00(%), >=85, 大于等于, 全年≥3000户次' },
  { pattern: /≤|≦|<=|小于等于|小于或等于|不高于|不超过|不多于/, op: '<=', example: '≤10天, <=54.1' },
  { pattern: />|大于|高于|超过/, op: '>', example: '＞0' },
  { pattern: /<|小于|低于|少于/, op: '<', example: '＜5%' },
  { pattern: /=|等于/, op: '=', example: '＝100%' },
];

/** How many characters may stand before a symbol in a value cell: a period or a short word (全年≥3000户次). */
const WORDS_BEFORE_SYMBOL = 6;

/**
 * A direction cell in the symbol's place (指标方向 正向 / 反向, as the 2023 templates print it): a figure is then a
 * floor or a ceiling. Read in the symbol cell only; a value cell saying 正向 holds no target.
 */
export const DIRECTIONS: readonly { pattern: RegExp; op: '>=' | '<='; example: string }[] = [
  { pattern: /^正向(?:指标)?$/, op: '>=', example: '正向 | 95 | %' },
  { pattern: /^(?:反向|逆向)(?:指标)?$/, op: '<=', example: '反向指标 | 5 | %' },
];

/** A symbol cell that says the target is a word, not a figure. */
const QUALITATIVE_SYMBOL = /^定性$/;
/** A unit cell that says the value is a description ("文字描述", "定性"). */
const DESCRIPTIVE_UNIT = /^(?:文字描述|定性|描述)$/;
/** "次/年", "次/月": a unit with its period. */
const UNIT_PER_PERIOD: Readonly<Record<string, string>> = {
  年: '全年',
  月: '每月',
  季度: '每季度',
  季: '每季度',
  周: '每周',
  天: '每天',
  日: '每天',
  半年: '每半年',
};

/**
 * A date as the target, read as qualitative with the date kept in the text: the checks compare no figure
 * with it. Matched on the whole-cell text without spaces.
 */
export const DEADLINES: readonly { pattern: RegExp; example: string }[] = [
  {
    pattern:
      /^(?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:(?:[12]\d|3[01]|0?[1-9])[日号]|底|末|中旬|上旬|下旬)?(?:前|之前|以前)/,
    example: '12月31日前, 2026年6月底前, 7月底前, 12月前完成',
  },
  { pattern: /^(?:(?:19|20)\d{2})?年(?:底|末)(?:前|之前|以前)?/, example: '年底前, 2026年底前完成' },
  { pattern: /^(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?:前|之前|以前)/, example: '6.30前' },
];

/** A weight or score where a value was expected ("权重 10", "分值5"): the table's scoring, never a target. */
const WEIGHT_CELL = /^(?:权重|分值|满分)[:：]?\d/;

/** A template placeholder left instead of the figure: "≥**%", "XX万元", "××人". */
const PLACEHOLDER = /[*＊]+|(?<![A-Za-z])(?:XX|xx|××)(?![A-Za-z])/g;

/**
 * Whether a cell or phrase holds a template placeholder where its figure should be ("≥**%", "(≥**%)", "XX万元"):
 * its threshold has no value, and the checks may call it a suspicious value rather than a missing one.
 */
export function isPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(foldWidth(text));
}

/** Where one value cell holds two targets: "≥95%；≤3天", "≥90%，≤5天". */
const TARGET_SEPARATOR = /[；;]|[，,、](?=\s*(?:≥|≤|>|<|=|＞|＜|＝|不低于|不少于|不超过|不高于))/;

const clean = (cell: string | null): string => foldWidth(cell ?? '').replace(/\s+/g, '');

interface TableSymbol {
  op: Exclude<ThresholdOp, 'qualitative'>;
  start: number;
  end: number;
}

/** The first symbol in a cell, with no figure before it. */
function symbolIn(text: string): TableSymbol | null {
  let first: TableSymbol | null = null;
  for (const { pattern, op } of TABLE_SYMBOLS) {
    const m = pattern.exec(text);
    if (m && (first === null || m.index < first.start)) first = { op, start: m.index, end: m.index + m[0].length };
  }
  return first !== null && !/\d/.test(text.slice(0, first.start)) ? first : null;
}

/** "(%)" → "%", "次/年" → 次 and 全年; a compound unit without a period stays whole (元/人/天). */
function splitUnit(raw: string): { unit: string | null; period: string | null } {
  const unit = raw.replace(/^[(（]|[)）]$/g, '');
  if (!unit) return { unit: null, period: null };
  const perPeriod = /^([^/]+)\/([^/]+)$/.exec(unit);
  if (perPeriod && UNIT_PER_PERIOD[perPeriod[2]]) return { unit: perPeriod[1], period: UNIT_PER_PERIOD[perPeriod[2]] };
  return { unit, period: null };
}

/** The parts of a value cell that each state a target; one part unless every part holds a figure. */
function targetParts(value: string | null): (string | null)[] {
  if (value === null) return [null];
  const parts = value.split(TARGET_SEPARATOR).filter((part) => part.trim() !== '');
  return parts.length > 1 && parts.every((part) => findNumbers(clean(part)).length > 0) ? parts : [value];
}

/**
 * A table's value for one indicator: one 指标值 cell ("≥90.00(%)", ">=85", "≤10天", "全年≥3000户次", "及时") or
 * 符号 | 值 | 单位 cells ("=", "100", "%"). A symbol with an empty value gives a threshold whose value is null
 * (a missing value, for the checks to flag); no symbol and no value gives nothing. A cell holding two targets
 * ("≥95%；≤3天") gives the first; parseTableValues gives all.
 */
export function parseTableValue(symbol: string | null, value: string | null, unit: string | null): ThresholdValue | null {
  return parseTableValues(symbol, value, unit)[0] ?? null;
}

/** Every target of one indicator's value cells: "≥95%；≤3天" gives two, each quoting its own part. */
export function parseTableValues(symbol: string | null, value: string | null, unit: string | null): ThresholdValue[] {
  return targetParts(value).flatMap((part) => {
    const threshold = parseOneTarget(symbol, part, unit);
    return threshold === null ? [] : [threshold];
  });
}

function parseOneTarget(symbol: string | null, value: string | null, unit: string | null): ThresholdValue | null {
  const s = clean(symbol);
  const v = clean(value);
  const u = clean(unit);
  if ((!s && !v) || WEIGHT_CELL.test(v)) return null;
  const descriptive = DESCRIPTIVE_UNIT.test(u);
  // the text as printed, without a unit that only says "this is a description"
  const text = [symbol, value, descriptive ? null : unit].map((cell) => cell?.trim() ?? '').join('');
  const qualitative: ThresholdValue = { op: 'qualitative', value: null, unit: null, period: null, text };
  if (QUALITATIVE_SYMBOL.test(s) || descriptive || DEADLINES.some((d) => d.pattern.test(v))) return qualitative;
  const fromSymbol = symbolIn(s) ?? DIRECTIONS.find((d) => d.pattern.test(s)) ?? null;
  const inValue = symbolIn(v);
  const fromValue = inValue !== null && inValue.start <= WORDS_BEFORE_SYMBOL ? inValue : null;
  const number = findNumbers(v).find((n) => n.start >= (fromValue?.end ?? 0));
  if (number === undefined) {
    // a word ("及时", "有效") is a qualitative target; a symbol without a figure ("≥**%", "= |  | %") a missing value
    const op = fromSymbol?.op ?? (fromValue?.start === 0 ? fromValue.op : undefined);
    if (op === undefined) return qualitative;
    const written = splitUnit(v.slice(fromValue?.end ?? 0).replace(PLACEHOLDER, '') || u);
    return { op, value: null, ...written, text };
  }
  const figure = readFigure(v, number);
  const after = v.slice(figure.end);
  const suffix = SUFFIX_CUES.find((cue) => cue.pattern.test(after));
  const rest = after.replace(/^(?:及以上|或以上|以上|及以下|或以下|以下|以内|之内|内)/, '');
  // "≥1次/月" and "≤560元/人/天": the unit read with the figure and what a slash joins to it; "12" beside "次/年": the unit cell
  const perUnit = /^(?:\/[^/；;，,]+)+/.exec(rest)?.[0];
  const written =
    figure.unit === null ? splitUnit(rest || u) : perUnit ? splitUnit(figure.unit + perUnit) : { unit: figure.unit, period: null };
  // a period written before the figure: 全年≥3000户次
  const before = lastPeriod(v.slice(0, fromValue?.start ?? number.start));
  const period = written.period ?? (before && written.unit && FREQUENCY_UNITS.has(written.unit) ? before.period : null);
  return { op: fromSymbol?.op ?? fromValue?.op ?? suffix?.op ?? '=', value: figure.value, unit: written.unit, period, text };
}
