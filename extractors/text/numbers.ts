/**
 * Numbers in Chinese text: Arabic (1,250,000.00), Chinese (一百二十), financial (壹佰贰拾),
 * mixed (1.5亿, 5万4千) and percentages (90%, 百分之九十五, 九成).
 *
 * All offsets are UTF-16 indices into the text as given, `end` exclusive. Values are exact
 * decimal strings (see ./decimal.ts). Full-width input is folded internally with a
 * length-preserving map, so offsets stay those of the original.
 *
 * What is deliberately NOT a number (see NOT_A_NUMBER): dates, years, document numbers,
 * phone numbers, list markers and ordinals, identifiers, fractions, and numeral characters
 * inside ordinary words (统一, 一系列, 万一, 千万). Printed page numbers glued into the text are
 * cut earlier, by the normaliser (src/normalize/page-numbers.ts).
 */
import { Decimal } from '../../src/model/decimal.js';

export type NumberKind = 'arabic' | 'chinese' | 'financial' | 'mixed' | 'percent';

export interface NumberMatch {
  start: number;
  end: number;
  text: string;
  /** Exact decimal; for a percentage, the value in percent (90% → "90", 千分之五 → "0.5"). */
  value: string;
  isPercent: boolean;
  kind: NumberKind;
  /** Written with 余/多/几 (十余万, 一千多万, 二十几万); `value` is then the stated lower figure. */
  approximate: boolean;
  /** Decimals as printed (243.08 → 2, 一点五 → 1), for rounding tolerance later. */
  printedDecimals: number;
}

interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------------

/** Digit characters: ordinary, financial (大写) and traditional forms. 零/〇 are handled as zeros. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  俩: 2,
  倆: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Units inside a group of four digits, as powers of ten. */
export const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 1,
  拾: 1,
  百: 2,
  佰: 2,
  千: 3,
  仟: 3,
};

/**
 * Units that multiply everything before them, as powers of ten. 兆 is 10^12 (as in 四十九兆九千亿)
 * only when more numerals follow it: a trailing 兆 is "mega" in mainland usage (100兆宽带, 10兆瓦).
 */
export const BIG_UNITS: Readonly<Record<string, number>> = {
  万: 4,
  萬: 4,
  亿: 8,
  億: 8,
  兆: 12,
};

/** Characters that make a numeral "financial" (大写数字, used on formal forms: 壹佰贰拾万元整). */
export const FINANCIAL_NUMERALS = '壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';

const DECIMAL_POINTS = '点點';
const NEGATIVE_SIGNS = '负負';
/** 几 stands for an unknown digit (二十几万 = "twenty-some ten-thousands"); it counts as 0. */
const VAGUE_DIGITS = '几幾';
/** 余/多 between a figure and its unit make it approximate (十余万, 500多亿). */
const MORE_THAN_MARKERS = '余多';
/** 两 is never a decimal digit: 两百点两 is not 200.2. */
const FRACTION_DIGITS = '零〇一壹二贰貳三叁參四肆五伍六陆陸七柒八捌九玖';

/**
 * Measure words (量词). A lone Chinese numeral is a number only when one of these follows it
 * (一次, 三个, 十斤) or when it stands apart from other Chinese characters ("二", “一”):
 * otherwise 一 in 一般, 四 in 四川 or 伍 in 入伍 would all become numbers.
 * Left out on purpose: 对 (目标一对应), 级 (一级指标 is a level), 部 (一部分), 步 (进一步), 分 (十分重要),
 * 季度 (一季度 is Q1), 月 (三月 is March), 起 (一起), 把, 线, 片, 段.
 */
export const MEASURE_WORDS: readonly string[] = [
  '个',
  '個',
  '只',
  '件',
  '次',
  '项',
  '人',
  '名',
  '位',
  '家',
  '户',
  '天',
  '日',
  '年',
  '周',
  '小时',
  '分钟',
  '秒',
  '吨',
  '斤',
  '公斤',
  '千克',
  '克',
  '米',
  '公里',
  '千米',
  '平方米',
  '平方公里',
  '立方米',
  '亩',
  '公顷',
  '双',
  '雙',
  '条',
  '张',
  '本',
  '台',
  '辆',
  '座',
  '所',
  '处',
  '场',
  '期',
  '批',
  '套',
  '份',
  '类',
  '种',
  '岁',
  '间',
  '栋',
  '幢',
  '盏',
  '根',
  '棵',
  '株',
  '倍',
  '番',
  '轮',
  '届',
  '篇',
  '册',
  '支',
  '架',
  '艘',
  '例',
  '宗',
  '笔',
  '课时',
  '学时',
  '班',
  '组',
  '队',
  '块',
  '塊',
  '元',
  '遍',
  '卷',
  '箱',
  '袋',
  '盒',
  '瓶',
  '枚',
  '羽',
];

/**
 * Words built with a numeral character that are not numbers even though a measure word may
 * follow (统一对接, 同一天, 一次性补助). Matched only where no numeral precedes them.
 */
export const NUMERAL_WORDS: readonly string[] = [
  '统一',
  '唯一',
  '同一',
  '逐一',
  '单一',
  '划一',
  '专一',
  '合一',
  '万一',
  '进一步',
  '一次性',
  '一条龙',
  '三位一体',
  '五位一体',
  '一户一档',
  '一人一档',
  '一人一策',
  '一企一策',
  '一成不变',
  '二次',
];

/** After 成, these characters make a word (成员, 成本, 成为), not a tenth: 三成员单位 is not 30%. */
const NOT_PERCENT_AFTER_CHENG = '员为立本果效绩功熟交长都型品就年人套败分份像批片规体建网';
/** After 折, these characters make a word (折旧, 折合, 折算), not a discount. */
const NOT_DISCOUNT_AFTER_ZHE = '旧合算返射线叠扣腾服';

/** Percent words with a fixed value (in percent), unless one of `notBefore` follows (半成品). */
export const PERCENT_WORDS: readonly { word: string; value: string; notBefore: string }[] = [
  { word: '百分百', value: '100', notBefore: '' },
  { word: '半成', value: '5', notBefore: NOT_PERCENT_AFTER_CHENG },
  { word: '半折', value: '50', notBefore: NOT_DISCOUNT_AFTER_ZHE },
];

// Character classes used to build the patterns below.
const DIGIT_CHARS = Object.keys(CHINESE_DIGITS).join('');
const UNIT_CHARS = Object.keys(SMALL_UNITS).join('') + Object.keys(BIG_UNITS).join('');
const NUMERAL_CHARS = DIGIT_CHARS + UNIT_CHARS;
const ORDINAL_NUMERALS = '零〇一二三四五六七八九十百千两';

// ---------------------------------------------------------------------------------------------
// Spans that are never numbers
// ---------------------------------------------------------------------------------------------

interface NotANumber {
  name: string;
  /** A phrase the rule catches; shown in docs and tests. */
  example: string;
  find(text: string): Span[];
}

/**
 * The spans a pattern matches. `requires`, when given, is something every match contains: a text without
 * it is not searched at all. Only worth it where the pattern is slow to fail (it cannot anchor on a
 * literal first character); the fraction pattern was a quarter of the exclusions' time.
 */
function byPattern(pattern: RegExp, requires?: RegExp): (text: string) => Span[] {
  return (text) =>
    requires && !requires.test(text) ? [] : [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const MONTH_DAY = String.raw`(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])`;
const MONTH_DAY_LIST = new RegExp(String.raw`(?<![\d.])${MONTH_DAY}(?:\s*[、,和及与]\s*${MONTH_DAY})*(?![\d.])`, 'g');
/** What may stand between a month.day and the 日/节 that makes it a date: "12.4国家宪法日", "4.15、12.4等日期". */
const DAY_NAME_AHEAD = /^\s*[\u4e00-\u9fff]{0,10}?[日节]/;
const QUOTED_MONTH_DAY = new RegExp(String.raw`[“"'‘「『]\s*${MONTH_DAY}\s*[”"'’」』]`, 'g');

/**
 * A month.day written like a decimal ("12.4" 国家宪法日, 4.15 全民国家安全教育日) is a date when it
 * is quoted or a day's name follows; "12.4万元" and "12.4公里" stay numbers.
 */
function monthDayDates(text: string): Span[] {
  if (!/\d\.\d/.test(text)) return [];
  const spans = byPattern(QUOTED_MONTH_DAY)(text);
  for (const m of text.matchAll(MONTH_DAY_LIST)) {
    const end = m.index + m[0].length;
    const ahead = text.slice(end, end + 12);
    const startsWithUnit = measureWordAt(text, end) !== null || /^\s*[万亿千百十元%个]/.test(ahead);
    if (!startsWithUnit && DAY_NAME_AHEAD.test(ahead)) spans.push({ start: m.index, end });
  }
  return spans;
}

/** What may follow a 200–239 figure that is a quantity, not a subject code: 208人, 230万元, 200以上, 20793的. */
const AFTER_A_QUANTITY = /^[万亿千百十元余多以左上下内分的和或及与等至到间之]/;

/**
 * Budget subject codes (政府收支分类科目: 类 208, 款 20805, 项 2080501) glued to the subject's name in
 * flattened 决算 tables: "2080501行政单位离退休". A measure word or unit after the figure keeps it.
 */
function budgetSubjectCodes(text: string): Span[] {
  return byPattern(/(?<![\d.,])2[0-3]\d(?:\d{2}){0,2}(?=\p{Script=Han})/gu)(text).filter(
    (span) => measureWordAt(text, span.end) === null && !AFTER_A_QUANTITY.test(text.slice(span.end, span.end + 1)),
  );
}

const LABEL_WITH_NUMBER = new RegExp(String.raw`(?:目标|指标|附件|附表|表|图|任务|阶段|方案)\s*(?:\d+|[${ORDINAL_NUMERALS}]+)`, 'g');

/** What keeps the number after a label: 产出指标1项 (a count), 目标90% (a value). */
const VALUE_AFTER_LABEL = /^\s*[%‰(.万亿千百十元成]/;

/** "目标一", "指标1", "附件2" are names, unless a measure word or a unit follows the number. */
function numberedLabels(text: string): Span[] {
  return byPattern(LABEL_WITH_NUMBER)(text).filter(
    (span) => measureWordAt(text, span.end) === null && !VALUE_AFTER_LABEL.test(text.slice(span.end, span.end + 3)),
  );
}

const NUMERAL_RUN = `[\\d.${NUMERAL_CHARS}]`;
const FRACTION = new RegExp(
  String.raw`(?:${NUMERAL_RUN}+\s*又\s*)?${NUMERAL_RUN}*[\d${DIGIT_CHARS}]${NUMERAL_RUN}*\s*分\s*之\s*[负負]?${NUMERAL_RUN}+` +
    String.raw`|(?<![\d./])\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?(?![\d/])`,
  'g',
);

const numeralWordPattern = new RegExp(`(?<![${NUMERAL_CHARS}\\d])(?:${NUMERAL_WORDS.join('|')})`, 'g');

/**
 * Everything that looks numeric but is not a quantity. Each rule finds spans in the
 * width-folded text; a number overlapping any of them is dropped.
 */
export const NOT_A_NUMBER: readonly NotANumber[] = [
  { name: 'web address', example: 'https://x.cn/?q=30%25', find: byPattern(/(?:https?:\/\/|www\.)[^\s，。；、）)]+/g) },
  {
    name: 'full date',
    example: '2022-01-05, 2026/1/1, 2022年6月1日, 2022.01.05',
    find: byPattern(/(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?/g),
  },
  {
    name: 'year and month',
    example: '2022年6月, 2022-06',
    find: byPattern(/(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月|[-/]\s*(?:1[0-2]|0?[1-9])(?!\d))/g),
  },
  {
    name: 'year',
    example: '2022年, 2021年度, 2021-2025年, 二〇二二年',
    find: byPattern(/(?:19|20)\d{2}(?:\s*[-—–~至到]\s*(?:19|20)\d{2})?\s*年|[〇零一二三四五六七八九]{4}\s*年/g, /年/),
  },
  {
    name: 'span of years',
    example: '（2024-2026）',
    find: byPattern(/(?<![\d.])(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}(?![\d.]|\s*[万亿千百十元%个人次项件户天])/g),
  },
  {
    name: 'month',
    example: '6月, 12月份, 十二月',
    find: byPattern(
      /(?<![\d.])(?:1[0-2]|0?[1-9])\s*月|(?<![一二三四五六七八九十百千两零〇])(?:十[一二]?|[一二三四五六七八九])\s*月/g,
      /月/,
    ),
  },
  {
    name: 'day of month',
    example: '12月31日, 每月15日',
    find: byPattern(/月\s*(?:(?:[12]\d|3[01]|0?[1-9])|(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]))\s*[日号]/g),
  },
  {
    name: 'school grade',
    example: '一年级, 3年级',
    find: byPattern(/(?<![\d零〇一二三四五六七八九十])[1-9一二三四五六七八九]\s*年级/g, /年级/),
  },
  { name: 'quarter', example: '一季度, 3季度', find: byPattern(/(?<![\d一二三四五六七八九十第])[1-4一二三四]\s*季度/g, /季度/) },
  { name: 'month.day written as a decimal', example: '“12.4”法宣日, 4.15、12.4等日期', find: monthDayDates },
  {
    name: 'time of day or ratio',
    example: '9:30, 8点30分, 1:1',
    find: byPattern(/\d+(?:\.\d+)?\s*:\s*\d+(?:\.\d+)?|\d{1,2}\s*[点时]\s*\d{1,2}\s*分(?![之钟])/g, /[:点时]/),
  },
  {
    name: 'document number',
    example: '冀财预〔2022〕3号, [2021]5号',
    find: byPattern(/[〔[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*(?:第\s*)?(?:\d+\s*号)?/g),
  },
  { name: 'numbered item', example: '101号, 3号楼', find: byPattern(/\d+\s*号/g) },
  {
    name: 'ordinal',
    example: '第一部分, 第3季度',
    find: byPattern(new RegExp(String.raw`第\s*(?:\d+|[${ORDINAL_NUMERALS}]+)`, 'g')),
  },
  {
    name: 'list marker',
    example: '1、 2. 一、 (at a line start or after ：；。)',
    find: byPattern(/(?:^|[:;。])[ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*[、.)](?!\d)/gm),
  },
  { name: 'bracketed list marker', example: '（一） (3)', find: byPattern(/\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)/g) },
  { name: 'enumeration 一是', example: '一是…二是…', find: byPattern(/(?<![零〇一二三四五六七八九十百千])[一二三四五六七八九十]{1,2}是/g) },
  { name: 'numbered label', example: '目标一, 指标1, 附件2', find: numberedLabels },
  {
    name: 'phone number',
    example: '0314-2051234, 13912345678',
    find: byPattern(
      /(?<!\d)(?:\(0\d{2,3}\)\s*|0\d{2,3}\s*-\s*)\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)400-?\d{3}-?\d{4}(?!\d)/g,
      /\d{7}|400/,
    ),
  },
  {
    name: 'identifier',
    example: 'A2021072113, PM2.5, COVID-19',
    find: byPattern(/(?<![\dA-Za-z.])[A-Za-z]+[-_]?\d[\w.-]*/g, /[A-Za-z]/),
  },
  {
    // Long runs mixing digits and letters are hashes or codes; short ones stay numbers (40k, 2e5, 20km).
    name: 'hash or code',
    example: '5888e194d7bc0120',
    find: byPattern(/(?<![\dA-Za-z])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[\dA-Za-z]{7,}/g, /[A-Za-z]/),
  },
  {
    name: 'standard code',
    example: 'GB/T 50300-2013, ISO 9001',
    find: byPattern(/(?:GB|JGJ|CJJ|DB|HJ|JTG|ISO)(?:\/T)?\s*\d+(?:[.-]\d+)*/g),
  },
  { name: 'technology name', example: '5G基站, 3D打印', find: byPattern(/(?<![\d.])\d[GD](?![A-Za-z\d])/g) },
  { name: 'budget subject code', example: '2080501行政单位离退休, 208社会保障和就业支出', find: budgetSubjectCodes },
  { name: 'zero-padded code', example: '科目编码 201 06 01', find: byPattern(/(?<![\d.,])0\d+(?![\d.,])/g) },
  { name: 'long digit string', example: '6222021234567890123 (an account)', find: byPattern(/\d{16,}/g) },
  { name: 'version or section number', example: '3.1.2, 192.168.1.1', find: byPattern(/(?<![\d.])\d+(?:\.\d+){2,}/g) },
  { name: 'fraction', example: '三分之一, 1/2 (not exact decimals; see docs/numbers.md)', find: byPattern(FRACTION, /之|\//) },
  { name: 'power', example: '2^5', find: byPattern(/\d+(?:\.\d+)?\s*\^\s*[-+]*\s*\d+/g, /\^/) },
  { name: 'page footer', example: '- 3 -', find: byPattern(/^[ \t]*[-—]\s*\d+\s*[-—][ \t]*$/gm) },
  { name: 'word with a numeral', example: '统一对接, 同一天, 一次性补助', find: byPattern(numeralWordPattern) },
];

function notNumberSpans(folded: string): Span[] {
  return NOT_A_NUMBER.flatMap((rule) => rule.find(folded));
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

// ---------------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------------

/**
 * Folds all full-width ASCII (１２３，．％（）) and the ideographic space, for matching only; the
 * length is unchanged, so offsets and quoted text stay those of the original. Unlike the
 * normaliser's per-character foldWidth (src/normalize/characters.ts), it also folds Chinese
 * punctuation, which the patterns here read as ASCII (４，５６５, （含）).
 */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const HAN = /\p{Script=Han}/u;

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\u00a0') pos += 1;
  return pos;
}

/**
 * Spaces may separate the parts of a numeral (一百 五 十 二, 1000  万); a line break only
 * before 万/亿, where PDF text wraps "55,732.43⏎万元".
 */
function skipBeforeElement(text: string, pos: number): number {
  const spaced = skipSpaces(text, pos);
  const wrapped = /^\s*/.exec(text.slice(pos, pos + 8))?.[0].length ?? 0;
  return text[pos + wrapped] in BIG_UNITS ? pos + wrapped : spaced;
}

const MEASURES_LONGEST_FIRST = [...MEASURE_WORDS].sort((a, b) => b.length - a.length);

/** The measure word starting at `pos`, if any. */
export function measureWordAt(text: string, pos: number): string | null {
  return MEASURES_LONGEST_FIRST.find((word) => text.startsWith(word, pos)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reading a numeral
// ---------------------------------------------------------------------------------------------

type Element =
  | { type: 'digits'; value: Decimal; arabic: boolean }
  | { type: 'zero' }
  | { type: 'unit'; exponent: number }
  | { type: 'big'; exponent: number }
  | { type: 'fraction'; digits: string }
  | { type: 'vague' };

interface Numeral {
  start: number;
  end: number;
  elements: Element[];
  negative: boolean;
  approximate: boolean;
  printedDecimals: number;
}

/** An Arabic number: 1,250,000.00 / .5 / 2.5e-1. Comma groups must be exactly three digits. */
const ARABIC = /(?:\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z]))?/y;
/** 40k = 40 000; not 10kV or 5kg. Upper-case K is left alone (4K 高清). */
const THOUSAND_SUFFIX = /\s*k(?![A-Za-z])/y;

function stickyMatch(pattern: RegExp, text: string, pos: number): string | null {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0] ?? null;
}

/** What may end the low side of a range, making the next '-' a dash: 50-60, 1万元-5万元, 80%-90%, 1万(含)-5万. */
const RANGE_DASH_AFTER = /[\dA-Za-z%)\-~元万萬亿億千仟百佰十拾个次人项件]$/;

/** A minus sign where a number may start (增长-5%, (-5%)), not a dash in 50-60 or 万元--5万元. */
function minusIsSign(text: string, pos: number): boolean {
  return !RANGE_DASH_AFTER.test(text.slice(0, pos).trimEnd());
}

function startsNumeralAt(text: string, pos: number): boolean {
  const ch = text[pos];
  return isDigitChar(ch) || ch in CHINESE_DIGITS || ch in SMALL_UNITS;
}

/**
 * A unit that belongs to the word after it, not to the numeral: 百分之, 千分之, 万分之, 百分点, 百分比,
 * and 千 as an SI prefix (3千米 is 3 km, 220千伏 is 220 kV, 5万千瓦 is 5万 kW).
 */
const UNIT_OF_NEXT_WORD = /\s*分\s*[之点點比位率]|(?<=千)[米克瓦伏帕焦赫]/y;

function unitBelongsToNextWord(text: string, pos: number): boolean {
  return stickyMatch(UNIT_OF_NEXT_WORD, text, pos) !== null;
}

function fractionDigitsAt(text: string, pos: number): { digits: string; end: number } | null {
  let digits = '';
  let end = pos;
  for (let p = skipSpaces(text, pos); FRACTION_DIGITS.includes(text[p] ?? '\0'); p = skipSpaces(text, p + 1)) {
    digits += String(CHINESE_DIGITS[text[p]]);
    end = p + 1;
  }
  return digits === '' ? null : { digits, end };
}

/**
 * Reads the longest run of numeral elements at `start`. The run is not yet validated:
 * 十四五 lexes as 十 四 五 and is rejected by `evaluate`, so the whole run is skipped.
 */
function readNumeral(text: string, start: number): Numeral | null {
  let pos = start;
  let negative = false;
  if (NEGATIVE_SIGNS.includes(text[pos]) && (startsNumeralAt(text, pos + 1) || text[pos + 1] === '.')) {
    negative = true;
    pos += 1;
  } else if (text[pos] === '-' && minusIsSign(text, pos) && /[\d.]/.test(text[pos + 1] ?? '')) {
    negative = true;
    pos += 1;
  }
  const numeral: Numeral = { start, end: pos, elements: [], negative, approximate: false, printedDecimals: 0 };
  for (;;) {
    const next = numeral.elements.length === 0 ? pos : skipBeforeElement(text, pos);
    const end = readElement(text, next, next > pos, numeral);
    if (end === null) break;
    pos = end;
    numeral.end = end;
  }
  return numeral.elements.length === 0 ? null : numeral;
}

/**
 * After a space, an Arabic figure continues a numeral only when a smaller unit follows it:
 * "7万 5千 4百" is one number, "50万 30万" (two table cells) are two.
 */
function continuesDownward(text: string, pos: number, last: Element | undefined): boolean {
  const ch = text[skipSpaces(text, pos)] ?? '';
  const next = SMALL_UNITS[ch] ?? BIG_UNITS[ch];
  const previous = last?.type === 'unit' || last?.type === 'big' ? last.exponent : undefined;
  return next !== undefined && previous !== undefined && next < previous;
}

/** Reads one element at `pos` into `numeral`; returns the new end, or null when none fits. */
function readElement(text: string, pos: number, afterSpace: boolean, numeral: Numeral): number | null {
  const { elements } = numeral;
  const last = elements[elements.length - 1];
  const ch = text[pos];
  if (ch === undefined) return null;

  if (isDigitChar(ch) || ch === '.') {
    const mayFollow = last === undefined || last.type === 'unit' || last.type === 'big' || last.type === 'zero';
    const leadingPoint = ch === '.' && (isDigitChar(text[pos - 1]) || text[pos - 1] === '.');
    const arabic = mayFollow && !leadingPoint ? stickyMatch(ARABIC, text, pos) : null;
    if (arabic === null || (afterSpace && !continuesDownward(text, pos + arabic.length, last))) return null;
    elements.push({ type: 'digits', value: Decimal.parse(arabic.replaceAll(',', '')), arabic: true });
    numeral.printedDecimals = /\.(\d+)/.exec(arabic.replace(/e.*$/i, ''))?.[1].length ?? 0;
    const thousand = stickyMatch(THOUSAND_SUFFIX, text, pos + arabic.length);
    if (thousand === null) return pos + arabic.length;
    elements.push({ type: 'unit', exponent: 3 });
    return pos + arabic.length + thousand.length;
  }
  if (ch === '零' || ch === '〇') {
    elements.push({ type: 'zero' });
    return pos + 1;
  }
  if (ch in CHINESE_DIGITS) {
    if (last?.type === 'digits' && last.arabic) return null; // 667.123 五点八 are two numbers
    elements.push({ type: 'digits', value: Decimal.of(CHINESE_DIGITS[ch]), arabic: false });
    return pos + 1;
  }
  if (ch in SMALL_UNITS) {
    if (unitBelongsToNextWord(text, pos + 1)) return null;
    elements.push({ type: 'unit', exponent: SMALL_UNITS[ch] });
    return pos + 1;
  }
  if (ch in BIG_UNITS) {
    if (last === undefined) return null; // 万一, 亿万: a leading 万/亿 is a word
    if (ch === '兆' && !startsNumeralAt(text, skipSpaces(text, pos + 1))) return null;
    if (unitBelongsToNextWord(text, pos + 1)) return null;
    elements.push({ type: 'big', exponent: BIG_UNITS[ch] });
    return pos + 1;
  }
  if (DECIMAL_POINTS.includes(ch) && last !== undefined && !(last.type === 'digits' && last.arabic)) {
    if (elements.some((e) => e.type === 'fraction')) return null;
    const fraction = fractionDigitsAt(text, pos + 1);
    if (fraction === null) return null;
    elements.push({ type: 'fraction', digits: fraction.digits });
    numeral.printedDecimals = fraction.digits.length;
    return fraction.end;
  }
  if (VAGUE_DIGITS.includes(ch) && (last?.type === 'unit' || last?.type === 'zero')) {
    elements.push({ type: 'vague' });
    numeral.approximate = true;
    return pos + 1;
  }
  if (MORE_THAN_MARKERS.includes(ch) && last !== undefined) {
    const after = skipSpaces(text, pos + 1);
    if (!(text[after] in SMALL_UNITS || text[after] in BIG_UNITS)) return null;
    numeral.approximate = true;
    return readElement(text, after, false, numeral);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Evaluating a numeral
// ---------------------------------------------------------------------------------------------

/** The exact value of a run of elements, or null when the run is not a well-formed numeral. */
function evaluate(elements: readonly Element[]): Decimal | null {
  const at = elements.findIndex((e) => e.type === 'fraction');
  if (at < 0) return evaluateInteger(elements);
  const whole = evaluateInteger(elements.slice(0, at));
  const fraction = elements[at];
  const tail = elements.slice(at + 1);
  if (whole === null || fraction.type !== 'fraction' || !tail.every((e) => e.type === 'big')) return null;
  // 一点五亿: the units after the fraction multiply the whole figure.
  return tail.reduce(
    (value, big) => (big.type === 'big' ? value.shift(big.exponent) : value),
    whole.add(Decimal.parse(`0.${fraction.digits}`)),
  );
}

/** Splits at the last occurrence of the largest 万/亿/兆: 四十五亿|四千零四万 → 45 × 10^8 + 四千零四万. */
function evaluateInteger(elements: readonly Element[]): Decimal | null {
  if (elements.length === 0) return null;
  const exponents = elements.flatMap((e) => (e.type === 'big' ? [e.exponent] : []));
  if (exponents.length === 0) return evaluateGroup(elements);
  const largest = Math.max(...exponents);
  const at = elements.map((e) => e.type === 'big' && e.exponent === largest).lastIndexOf(true);
  const high = evaluateInteger(elements.slice(0, at));
  const low = evaluateRemainder(elements.slice(at + 1), largest);
  if (high === null || low === null) return null;
  return high.shift(largest).add(low);
}

/** What follows a 万/亿: 一万三 is 13 000 (the lone digit is the next place down), 一万零三 is 10 003. */
function evaluateRemainder(elements: readonly Element[], exponent: number): Decimal | null {
  if (elements.length === 0) return Decimal.ZERO;
  const [only] = elements;
  if (elements.length === 1 && only.type === 'digits' && !only.arabic) return only.value.shift(exponent - 1);
  const low = evaluateInteger(elements);
  return low !== null && low.compare(Decimal.of(1).shift(exponent)) < 0 ? low : null;
}

/** A group below 万: digits, 零 and 十/百/千 in falling order (两千三百五 = 2350, 千三 = 1300). */
function evaluateGroup(elements: readonly Element[]): Decimal | null {
  let sum = Decimal.ZERO;
  let pending: Extract<Element, { type: 'digits' }> | null = null;
  let lastExponent = Infinity;
  let afterZero = false;
  for (const element of elements) {
    if (element.type === 'digits' || element.type === 'vague') {
      if (pending !== null) return null; // 二三十, 十四五: digits side by side are not a numeral
      pending = element.type === 'digits' ? element : { type: 'digits', value: Decimal.ZERO, arabic: false };
    } else if (element.type === 'zero') {
      if (pending !== null) return null;
      afterZero = true;
    } else if (element.type === 'unit') {
      if (element.exponent >= lastExponent) return null;
      const leading = lastExponent === Infinity || afterZero; // 十五, 百三, 一百零十
      if (pending === null && !leading) return null;
      sum = sum.add((pending?.value ?? Decimal.of(1)).shift(element.exponent));
      pending = null;
      lastExponent = element.exponent;
      afterZero = false;
    } else {
      return null;
    }
  }
  if (pending === null) return sum;
  // 四百五 = 450: a lone Chinese digit after 百/千 counts in the next place down.
  const abbreviated = !pending.arabic && !afterZero && lastExponent !== Infinity && lastExponent >= 2;
  return sum.add(abbreviated ? pending.value.shift(lastExponent - 1) : pending.value);
}

function numeralKind(text: string, elements: readonly Element[]): Exclude<NumberKind, 'percent'> {
  const arabic = elements.some((e) => e.type === 'digits' && e.arabic);
  const other = elements.some((e) => !(e.type === 'digits' && e.arabic));
  if (arabic) return other ? 'mixed' : 'arabic';
  return [...text].some((ch) => FINANCIAL_NUMERALS.includes(ch)) ? 'financial' : 'chinese';
}

function numeralValue(numeral: Numeral): Decimal | null {
  const value = evaluate(numeral.elements);
  return value === null ? null : numeral.negative ? value.neg() : value;
}

// ---------------------------------------------------------------------------------------------
// Whole-string parsers
// ---------------------------------------------------------------------------------------------

function parseWhole(s: string, accept: (elements: readonly Element[]) => boolean): string | null {
  const text = foldWidth(s).trim();
  const numeral = readNumeral(text, 0);
  if (numeral === null || numeral.end !== text.length || !accept(numeral.elements)) return null;
  return numeralValue(numeral)?.toString() ?? null;
}

/** A whole string of Chinese or financial numerals → exact decimal: 二十万零五百 → "200500", 一千二百三十四点五 → "1234.5". */
export function parseChineseNumeral(s: string): string | null {
  return parseWhole(s, (elements) => elements.every((e) => !(e.type === 'digits' && e.arabic)));
}

/** Any single number token: "1.5亿" → "150000000", "3千" → "3000", "1,250,000.00" → "1250000", "１２３" → "123". */
export function parseNumberToken(s: string): string | null {
  return parseWhole(s, () => true);
}

// ---------------------------------------------------------------------------------------------
// Fractions as shares
// ---------------------------------------------------------------------------------------------

/** A share written as a Chinese fraction: 三分之二 (2/3). findNumbers leaves fractions out; findFractions reads them. */
export interface FractionMatch {
  start: number;
  end: number;
  text: string;
  /** Exact integers as decimal strings: 三分之二 → numerator "2", denominator "3". */
  numerator: string;
  denominator: string;
  /**
   * The share in percent, rounded half up to two decimals (三分之二 → "66.67", 四分之三 → "75"): the precision
   * tables print a rate with (66.67%). The exact share is numerator / denominator.
   */
  percent: string;
  /** Whether `percent` is the share exactly (四分之三) or rounded (三分之二). */
  exact: boolean;
}

/**
 * 三分之二, 五分之一, 十分之七: a denominator of 百/千/万 alone (百分之, 千分之, 万分之) is a percentage, which
 * findNumbers reads. Mixed numbers (3又一千分之23) and Arabic fractions (1/2, as often a date) are not read.
 */
const CHINESE_FRACTION = new RegExp(`(?<![${NUMERAL_CHARS}\\d.])([${NUMERAL_CHARS}]+)\\s*分\\s*之\\s*([${NUMERAL_CHARS}]+)`, 'g');

/** Every share written as a Chinese fraction in `text`, in order: "覆盖率不低于三分之二" → 2/3 (66.67 %). */
export function findFractions(text: string): FractionMatch[] {
  const folded = foldWidth(text);
  if (!folded.includes('分')) return [];
  const found: FractionMatch[] = [];
  for (const m of folded.matchAll(CHINESE_FRACTION)) {
    const [, below, above] = m;
    if (/^[百佰千仟万萬亿億]+$/.test(below)) continue;
    const denominator = parseChineseNumeral(below);
    const numerator = parseChineseNumeral(above);
    if (denominator === null || numerator === null || !/^\d+$/.test(denominator) || !/^\d+$/.test(numerator)) continue;
    if (BigInt(denominator) === 0n) continue;
    // percent × 100, rounded half up: (2·n·10^4 + d) / (2·d)
    const n = BigInt(numerator) * 10n ** 4n;
    const d = BigInt(denominator);
    const hundredths = (2n * n + d) / (2n * d);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: text.slice(m.index, m.index + m[0].length),
      numerator,
      denominator,
      percent: Decimal.of(hundredths).shift(-2).toString(),
      exact: n % d === 0n,
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Percentages
// ---------------------------------------------------------------------------------------------

interface Found {
  start: number;
  end: number;
  value: Decimal;
  isPercent: boolean;
  kind: NumberKind;
  approximate: boolean;
  printedDecimals: number;
}

/** 百分之, 千分之, 万分之, 百万分之: the characters before 分之 give the denominator. */
const PER_PREFIX = /([百佰千仟万萬]+)\s*分\s*之\s*/y;
/** Two Chinese digits before 折 read place by place: 三八折 = 38%, 九 九 折 = 99%. */
const TWO_DIGIT_DISCOUNT = /([一二三四五六七八九])\s*([一二三四五六七八九])\s*折/y;

function percent(start: number, end: number, value: Decimal, numeral?: Numeral): Found {
  return {
    start,
    end,
    value,
    isPercent: true,
    kind: 'percent',
    approximate: numeral?.approximate ?? false,
    printedDecimals: numeral?.printedDecimals ?? 0,
  };
}

function zheAllowedAt(text: string, pos: number): boolean {
  return !NOT_DISCOUNT_AFTER_ZHE.includes(text[pos] ?? '\0');
}

/** A percentage written before its number: 百分之九十五, 千分之2.4, 百分百. */
function readPercentWord(text: string, start: number): Found | null {
  for (const { word, value, notBefore } of PERCENT_WORDS) {
    const end = start + word.length;
    if (text.startsWith(word, start) && !notBefore.includes(text[end] ?? '\0')) return percent(start, end, Decimal.parse(value));
  }
  const prefix = stickyMatch(PER_PREFIX, text, start);
  if (prefix !== null) {
    const denominator = [...prefix].reduce((exponent, ch) => exponent + (SMALL_UNITS[ch] ?? BIG_UNITS[ch] ?? 0), 0);
    const numeral = readNumeral(text, start + prefix.length);
    const value = numeral === null ? null : numeralValue(numeral);
    if (numeral !== null && value !== null) return percent(start, numeral.end, value.shift(2 - denominator), numeral);
  }
  TWO_DIGIT_DISCOUNT.lastIndex = start;
  const discount = TWO_DIGIT_DISCOUNT.exec(text);
  if (discount !== null && zheAllowedAt(text, start + discount[0].length)) {
    const value = CHINESE_DIGITS[discount[1]] * 10 + CHINESE_DIGITS[discount[2]];
    return percent(start, start + discount[0].length, Decimal.of(value));
  }
  return null;
}

/** A discount 八五折 / 9.9折 / 75折 in percent; 十折 is no discount at all. */
function discountPercent(value: Decimal): Decimal | null {
  const ten = Decimal.of(10);
  if (value.sign <= 0) return null;
  if (value.compare(ten) < 0) return value.shift(1);
  if (value.isInteger && value.compare(ten) > 0 && value.compare(Decimal.of(100)) < 0) return value;
  return null;
}

/** A percentage written after its number: 90%, 90(%), 6个百分点, 3‰, 九成, 三成半, 七成六, 7.5折. */
function readPercentSuffix(text: string, numeral: Numeral, value: Decimal): Found | null {
  const pos = numeral.end;
  const symbol = stickyMatch(/\s*(?:%|\(\s*%\s*\))|\s*[个個]\s*百\s*分\s*[点點]/y, text, pos);
  if (symbol !== null) return percent(numeral.start, pos + symbol.length, value, numeral);
  const perMille = stickyMatch(/\s*‰/y, text, pos);
  if (perMille !== null) return percent(numeral.start, pos + perMille.length, value.shift(-1), numeral);

  const cheng = stickyMatch(/\s*成/y, text, pos);
  if (cheng !== null && !NOT_PERCENT_AFTER_CHENG.includes(text[pos + cheng.length] ?? '\0')) {
    if (value.sign < 0 || value.compare(Decimal.of(10)) > 0) return null;
    const end = pos + cheng.length;
    const tail = chengTail(text, end);
    return percent(numeral.start, tail?.end ?? end, value.shift(1).add(tail?.value ?? Decimal.ZERO), numeral);
  }
  const zhe = stickyMatch(/\s*折/y, text, pos);
  if (zhe !== null && zheAllowedAt(text, pos + zhe.length)) {
    const discount = discountPercent(value);
    if (discount !== null) return percent(numeral.start, pos + zhe.length, discount, numeral);
  }
  return null;
}

/** 三成半 adds 5, 七成六 adds 6 — unless the digit starts a count of its own (九成一次). */
function chengTail(text: string, pos: number): { end: number; value: Decimal } | null {
  const at = skipSpaces(text, pos);
  const ch = text[at];
  if (ch === '半') return { end: at + 1, value: Decimal.of(5) };
  const digit = ch === undefined ? undefined : CHINESE_DIGITS[ch];
  if (digit === undefined || digit === 0) return null;
  const next = text[at + 1];
  if ((next !== undefined && NUMERAL_CHARS.includes(next)) || measureWordAt(text, at + 1) !== null) return null;
  return { end: at + 1, value: Decimal.of(digit) };
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

/**
 * A lone Chinese numeral character (一, 五, 十, 两, 伍) is a number only before a measure word
 * (一次, 十斤) or standing apart from other Chinese characters ("二", “一”).
 */
function loneNumeralCounts(text: string, numeral: Numeral): boolean {
  const { elements } = numeral;
  const lone = elements.length === 1 && !numeral.negative && !(elements[0].type === 'digits' && elements[0].arabic);
  if (!lone) return true;
  if (measureWordAt(text, numeral.end) !== null) return true;
  return !isHan(text[numeral.start - 1]) && !isHan(text[numeral.end]);
}

/** 千万 (by all means), 百万 alone: a run of units without any digit is a word, except 十 (十五, 十斤). */
function hasFigure(elements: readonly Element[]): boolean {
  const [first] = elements;
  return elements.some((e) => e.type === 'digits' || e.type === 'zero') || (first.type === 'unit' && first.exponent === 1);
}

function readAt(text: string, pos: number): { found: Found | null; end: number } | null {
  const word = readPercentWord(text, pos);
  if (word !== null) return { found: word, end: word.end };
  const numeral = readNumeral(text, pos);
  if (numeral === null) return null;
  const value = numeralValue(numeral);
  if (value === null) return { found: null, end: numeral.end };
  const asPercent = readPercentSuffix(text, numeral, value);
  if (asPercent !== null) return { found: asPercent, end: asPercent.end };
  if (!hasFigure(numeral.elements) || !loneNumeralCounts(text, numeral)) return { found: null, end: numeral.end };
  const found: Found = {
    start: numeral.start,
    end: numeral.end,
    value,
    isPercent: false,
    kind: numeralKind(text.slice(numeral.start, numeral.end), numeral.elements),
    approximate: numeral.approximate,
    printedDecimals: numeral.printedDecimals,
  };
  return { found, end: numeral.end };
}

/** Every number and percentage in `text`, in order, without dates, document numbers and the like. */
export function findNumbers(text: string): readonly NumberMatch[] {
  const cached = recentResults.get(text);
  if (cached) return cached;
  const found = scanNumbers(text);
  if (recentResults.size >= RECENT_LIMIT) recentResults.clear();
  recentResults.set(text, found);
  return found;
}

/**
 * The extractors ask about the same sentence several times (funding, thresholds, checks): the answers of
 * recent texts are kept. findNumbers is a pure function of its text, so this changes nothing but time;
 * the results are frozen so that no caller can change what another will get.
 */
const recentResults = new Map<string, readonly NumberMatch[]>();
const RECENT_LIMIT = 2048;

/**
 * Drop the kept answers. Texts seldom repeat from one filing to the next, so a caller that has finished
 * a filing calls this: what the cache held would only be carried from file to file, and a worker's heap
 * grows with what it keeps.
 */
export function forgetRecentNumbers(): void {
  recentResults.clear();
}

/**
 * Every character at which readAt can read something: digits and signs, numeral characters, the 百分之
 * prefixes and the first characters of the percentage words. Most of a filing's characters are none of
 * these, and skipping them is most of the scanner's speed.
 */
const NUMBER_START = new Set([
  ...'0123456789.-',
  ...NEGATIVE_SIGNS,
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(SMALL_UNITS),
  ...'百佰千仟万萬',
  ...PERCENT_WORDS.map((w) => w.word[0]),
]);

function scanNumbers(text: string): readonly NumberMatch[] {
  const folded = foldWidth(text);
  // the exclusions (≈30 patterns) are only looked for once there is a number to exclude
  let excluded: Span[] | null = null;
  const matches: NumberMatch[] = [];
  let pos = 0;
  while (pos < folded.length) {
    const read = NUMBER_START.has(folded[pos]) ? readAt(folded, pos) : null;
    if (read === null) {
      pos += 1;
      continue;
    }
    const { found } = read;
    if (found !== null) excluded ??= notNumberSpans(folded);
    if (found !== null && excluded !== null && !overlapsAny(excluded, found.start, found.end)) {
      matches.push({ ...found, text: text.slice(found.start, found.end), value: found.value.toString() });
    }
    pos = Math.max(read.end, pos + 1);
  }
  return Object.freeze(matches.map((m) => Object.freeze(m)));
}
