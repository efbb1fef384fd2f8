/**
 * Money amounts in Chinese text: 50万元, 243.08万元, 10,308,000元, 1.5亿元, 壹佰贰拾万元整,
 * 人民币100万元, ￥1,200.00, 约50万元, 50余万元, 50-60万元, and 安排2万 in a funding sentence.
 *
 * Built on findNumbers, so dates, years, document numbers and percentages are never amounts.
 * Values are exact decimal strings; the one conversion between units is `toWan`.
 */
import { Decimal } from '../../src/model/decimal.js';
import { CHINESE_DIGITS, findNumbers, foldWidth, measureWordAt, type NumberMatch } from './numbers.js';

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

export interface MoneyMatch {
  start: number;
  end: number;
  text: string;
  /** Exact decimal in `unit` (243.08万元 → "243.08"); for a range, the low bound. */
  value: string;
  /** The unit as written: the numeral's trailing 万/亿 (or Arabic + 千) joined to 元. */
  unit: MoneyUnit;
  /** `value` in 万元, exact. */
  wan: string;
  /** `value` in 分 when that is a whole number. */
  fen?: bigint;
  /** 约, 近, 左右, 上下, 余, 多 — or a range. */
  approximate: boolean;
  printedDecimals: number;
  /** A rate, not a sum: 人均不低于1元标准, 单价100万元, 10元/人. Funding totals should skip these. */
  standard: boolean;
  /** Present for 50-60万元, 1万(含)-5万元, 一千到两千万元: `value`/`wan` are the low bound. */
  range?: { high: string; highWan: string };
}

export interface FindAmountsOptions {
  /**
   * Count a bare 万 (安排2万) as 万元 when its sentence is about funding (FUNDING_CUES) and no
   * measure word follows it (2万人 is a count). Default true.
   */
  bareWan?: boolean;
}

/** Each unit as a power of ten of 元. */
export const MONEY_UNIT_EXPONENTS: Readonly<Record<MoneyUnit, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** The one conversion to 万元: toWan("10308000", "元") → "1030.8", toWan("1.5", "亿元") → "15000". */
export function toWan(value: string, unit: MoneyUnit): string {
  return Decimal.parse(value)
    .shift(MONEY_UNIT_EXPONENTS[unit] - MONEY_UNIT_EXPONENTS.万元)
    .toString();
}

// ---------------------------------------------------------------------------------------------
// Lexicons (patterns run on width-folded text: （含） is (含), ～ is ~)
// ---------------------------------------------------------------------------------------------

/** The currency word after a figure: 50万元, 10万余元, 肆佰叁拾萬圆, 九千块钱, 十块三毛, 4人民币. */
const CURRENCY_AFTER = /\s*([余多])?\s*(元|圆|块钱|块(?=\s*[\d一二三四五六七八九两][毛角])|人民币)/y;
/** 元 starting another word: 元素, 元旦, 元件 (3元素 is not three yuan). */
const NOT_YUAN_AFTER = '素旦件宵首帅老月';
/** 角/毛 and 分 after 元: 123元1角1分, 一百三十五块六角七分钱. 分之/分钟 are not fen. */
const SUB_UNIT_DIGIT = '([\\d一二三四五六七八九两壹贰叁肆伍陆柒捌玖])';
const SUB_UNITS = new RegExp(`(?:\\s*${SUB_UNIT_DIGIT}\\s*[角毛])?(?:\\s*${SUB_UNIT_DIGIT}\\s*分(?![之钟]))?(?:\\s*钱)?`, 'y');
/** 壹佰贰拾万元整, 8亿元人民币. */
const AMOUNT_TAIL = /(?:\s*整)?(?:\s*人民币)?/y;
/** Before the figure: 人民币100万元, ￥1,200.00, RMB 50. */
const CURRENCY_BEFORE = /(?:人民币|RMB|￥|¥)\s*:?\s*$/;
/** A figure in another currency is no yuan even after 人民币: 4人民币 5美元. */
export const OTHER_CURRENCIES: readonly string[] = [
  '美元',
  '美金',
  '港元',
  '港币',
  '日元',
  '欧元',
  '英镑',
  '澳元',
  '加元',
  '韩元',
  '新台币',
  '台币',
  '卢布',
  '法郎',
  '比特币',
];
/** 约50万元, 近700万元, 将近; not 最近/附近 (最近3年). */
const APPROXIMATE_BEFORE = /(?:约合|大约|大概|将近|接近|约|(?<![最附邻靠亲])近)\s*$/;
/** 50万元左右, 30万上下. */
const APPROXIMATE_AFTER = /\s*(?:左右|上下|许)/y;
/** A rate: 人均不低于1元, 每人每年补助10元, 单价100万元. At most four other characters in between. */
const STANDARD_BEFORE = /(?:人均|每[人户次个件台位名场]|单价|标准为|标准是)[^\d，。；,;:\n]{0,4}$/;
/** A rate: 10元/人, 300元每月, 1元标准, 10元的标准. */
const STANDARD_AFTER = /^\s*(?:\/|每|的?\s*标准)/;
/** Between the bounds of a range: 50-60万元, 1万元--5万元, 1万(含)-5万元, 10~15k元, 一千到两千万元. */
const RANGE_JOINER = /^\s*(?:[千万亿]?元)?\s*(?:\(\s*含\s*\)\s*)?(?:-{1,2}|—{1,2}|[–~至到])\s*$/;
/** A low bound followed by its own currency word (1万元--5万元) is not scaled by the high one's unit. */
const UNIT_ECHO = /^\s*[千万亿]?元/;

/** Words that make a sentence about funding, so that a bare 万 in it is 万元 (安排2万, 服务费8万). */
export const FUNDING_CUES: readonly string[] = [
  '安排',
  '资金',
  '经费',
  '预算',
  '拨款',
  '拨付',
  '投入',
  '投资',
  '支出',
  '收入',
  '金额',
  '费',
  '共计',
  '合计',
  '总计',
  '补助',
  '补贴',
  '奖励',
  '款',
  '人民币',
];
/** How a sentence ends, for FUNDING_CUES; hard line breaks of PDFs do not end one. */
const SENTENCE_END = /[。；;!?！？]/;
const SENTENCE_LOOKBACK = 200;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A figure with its unit, before prefixes, suffixes and ranges are looked at. */
interface WrittenAmount {
  number: NumberMatch;
  unit: MoneyUnit;
  value: Decimal;
  end: number;
  approximate: boolean;
  printedDecimals: number;
}

function stickyMatch(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

/** The unit a numeral carries: 50万 → 万元, 1.5亿 → 亿元, 3千 / 15k → 千元, 壹佰贰拾 → 元. */
function numeralUnit(number: NumberMatch): MoneyUnit {
  const text = number.text.trim();
  if (/[万萬]$/.test(text)) return '万元';
  if (/[亿億]$/.test(text)) return '亿元';
  if (/\d\s*[千k]$/.test(text)) return '千元';
  return '元';
}

function writtenAmount(number: NumberMatch, unit: MoneyUnit, end: number): WrittenAmount {
  return {
    number,
    unit,
    value: Decimal.parse(number.value).shift(-MONEY_UNIT_EXPONENTS[unit]),
    end,
    approximate: number.approximate,
    printedDecimals: number.printedDecimals,
  };
}

function subUnitValue(digit: string | undefined): Decimal {
  if (digit === undefined) return Decimal.ZERO;
  return Decimal.of(/\d/.test(digit) ? Number(digit) : CHINESE_DIGITS[digit]);
}

/** A figure followed by a currency word: 50万元, 123元1角1分, 肆佰叁拾萬圆整. */
function readWithCurrency(folded: string, number: NumberMatch): WrittenAmount | null {
  const currency = stickyMatch(CURRENCY_AFTER, folded, number.end);
  if (currency === null) return null;
  const afterCurrency = number.end + currency[0].length;
  if (currency[2] === '元' && NOT_YUAN_AFTER.includes(folded[afterCurrency] ?? '\0')) return null;
  const amount = writtenAmount(number, numeralUnit(number), afterCurrency);
  amount.approximate ||= currency[1] !== undefined;
  const sub = amount.unit === '元' ? stickyMatch(SUB_UNITS, folded, amount.end) : null;
  if (sub !== null && sub[0] !== '') {
    amount.value = amount.value.add(subUnitValue(sub[1]).shift(-1)).add(subUnitValue(sub[2]).shift(-2));
    amount.printedDecimals = sub[2] !== undefined ? 2 : 1;
    amount.end += sub[0].length;
  }
  amount.end += stickyMatch(AMOUNT_TAIL, folded, amount.end)?.[0].length ?? 0;
  return amount;
}

/**
 * A figure after a currency sign, with no currency word after it: ￥300, 人民币100万.
 * The sign must lie after `from`, the end of the previous amount (4人民币 5美元).
 */
function readWithCurrencySign(folded: string, number: NumberMatch, from: number): WrittenAmount | null {
  const before = folded.slice(Math.max(from, number.start - 8), number.start);
  if (!CURRENCY_BEFORE.test(before)) return null;
  const after = folded.slice(number.end).trimStart();
  if (OTHER_CURRENCIES.some((word) => after.startsWith(word))) return null;
  const end = number.end + (stickyMatch(AMOUNT_TAIL, folded, number.end)?.[0].length ?? 0);
  return writtenAmount(number, numeralUnit(number), end);
}

function inFundingSentence(folded: string, pos: number): boolean {
  const before = folded.slice(Math.max(0, pos - SENTENCE_LOOKBACK), pos);
  const sentence = before.split(SENTENCE_END).pop() ?? '';
  return FUNDING_CUES.some((cue) => sentence.includes(cue));
}

/** 安排2万: a figure ending in 万 with no currency word, in a funding sentence, not counting people or things. */
function readBareWan(folded: string, number: NumberMatch): WrittenAmount | null {
  if (numeralUnit(number) !== '万元') return null;
  const after = folded.slice(number.end).match(/^\s*[余多]?/)?.[0].length ?? 0;
  if (measureWordAt(folded, number.end + after) !== null) return null;
  return inFundingSentence(folded, number.start) ? writtenAmount(number, '万元', number.end) : null;
}

/**
 * The low bound of a range ending in `high`: 50-60万元 (50 takes 60万's 万), 50万至60万元,
 * 1万元--5万元. Null when the previous number is not joined to it or would exceed it.
 */
function readRangeLow(folded: string, low: NumberMatch, high: WrittenAmount): Decimal | null {
  const joiner = folded.slice(low.end, high.number.start);
  if (!RANGE_JOINER.test(joiner)) return null;
  // 50-60万元 and 一千到两千万元 share the 万; 1万-5万元 and 3千至5千元 carry their own.
  const ownMagnitude = numeralUnit(low) !== '元' || UNIT_ECHO.test(joiner);
  const highMagnitude = MONEY_UNIT_EXPONENTS[numeralUnit(high.number)];
  const lowInYuanFigures = Decimal.parse(low.value).shift(ownMagnitude ? 0 : highMagnitude);
  const value = lowInYuanFigures.shift(-MONEY_UNIT_EXPONENTS[high.unit]);
  return value.compare(high.value) < 0 ? value : null;
}

/** Moves `start` back over 人民币 / ￥ / 约 / 近 written before the figure. */
function prefixStart(folded: string, start: number): { start: number; approximate: boolean } {
  let approximate = false;
  for (;;) {
    const before = folded.slice(Math.max(0, start - 8), start);
    const currency = CURRENCY_BEFORE.exec(before);
    const approx = currency === null ? APPROXIMATE_BEFORE.exec(before) : null;
    const prefix = currency ?? approx;
    if (prefix === null || prefix[0] === '') return { start, approximate };
    approximate ||= approx !== null;
    start -= prefix[0].length;
  }
}

function isStandard(folded: string, start: number, end: number): boolean {
  return STANDARD_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) || STANDARD_AFTER.test(folded.slice(end, end + 6));
}

interface RangeLow {
  number: NumberMatch;
  value: Decimal;
}

function toMoneyMatch(text: string, folded: string, written: WrittenAmount, low: RangeLow | null): MoneyMatch {
  const prefix = prefixStart(folded, (low?.number ?? written.number).start);
  const approximateAfter = stickyMatch(APPROXIMATE_AFTER, folded, written.end);
  const end = written.end + (approximateAfter?.[0].length ?? 0);
  const value = low?.value ?? written.value;
  const match: MoneyMatch = {
    start: prefix.start,
    end,
    text: text.slice(prefix.start, end),
    value: value.toString(),
    unit: written.unit,
    wan: toWan(value.toString(), written.unit),
    approximate: written.approximate || prefix.approximate || approximateAfter !== null || low !== null,
    printedDecimals: written.printedDecimals,
    standard: isStandard(folded, prefix.start, end),
  };
  const fen = value.shift(MONEY_UNIT_EXPONENTS[written.unit]).toScaledInteger(2);
  if (fen !== null) match.fen = fen;
  if (low !== null) match.range = { high: written.value.toString(), highWan: toWan(written.value.toString(), written.unit) };
  return match;
}

/** Every money amount in `text`, in order. */
export function findAmounts(text: string, options: FindAmountsOptions = {}): MoneyMatch[] {
  const bareWan = options.bareWan ?? true;
  const folded = foldWidth(text);
  const numbers = findNumbers(text).filter((n) => !n.isPercent);
  const amounts: MoneyMatch[] = [];
  numbers.forEach((number, k) => {
    const previous = amounts[amounts.length - 1];
    if (previous !== undefined && number.start < previous.end) return; // the 1 of 123元1角
    const written =
      readWithCurrency(folded, number) ??
      readWithCurrencySign(folded, number, previous?.end ?? 0) ??
      (bareWan ? readBareWan(folded, number) : null);
    if (written === null) return;
    const lowNumber = numbers[k - 1];
    const lowValue = lowNumber === undefined ? null : readRangeLow(folded, lowNumber, written);
    const low: RangeLow | null = lowValue === null ? null : { number: lowNumber, value: lowValue };
    // 1万元--5万元: the low bound was read as an amount of its own; the range replaces it.
    if (low !== null && previous !== undefined && previous.end > low.number.start) amounts.pop();
    amounts.push(toMoneyMatch(text, folded, written, low));
  });
  return amounts;
}
