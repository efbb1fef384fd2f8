import type { Rng } from './random.js';
import type { Threshold } from './truth.js';
import type { Flavor } from './vocab/specs.js';

/**
 * Indicator targets and the many ways filings print them. A target is decided once per indicator (plan.ts);
 * each template then phrases it, and the phrase reports the threshold it actually expresses — a table cell
 * ">=85" prints no unit, so its truth has none.
 */

export type NumericOp = '>=' | '<=' | '=' | '>' | '<';
export type Period = '月' | '季度' | '年';

/** The period as the truth (and the extractor) name it: 每月, 每季度, 全年. */
const TRUTH_PERIOD: Record<Period, string> = { 月: '每月', 季度: '每季度', 年: '全年' };

function truthPeriod(period: Period | null): string | null {
  return period === null ? null : TRUTH_PERIOD[period];
}

export type Target =
  | {
      kind: 'numeric';
      op: NumericOp;
      /** Null when the filing leaves the value out (a planted problem). */
      value: number | null;
      unit: string;
      /** Set for frequencies: once per 月, at least once per 季度, 12 times per 年. */
      period: Period | null;
      flavor: Flavor;
      /** A template placeholder "≥**%" left in instead of the value (planted). */
      placeholder: boolean;
    }
  | { kind: 'qualitative'; word: string };

/** Prose phrasings by operator. `{v}` value, `{u}` unit. Each one reads as the operator it is filed under. */
const PROSE_BY_OP: Record<NumericOp, readonly string[]> = {
  '>=': ['至少达{v}{u}', '不低于{v}{u}', '不少于{v}{u}', '达到{v}{u}以上', '达{v}{u}以上', '≥{v}{u}', '至少{v}{u}'],
  '>': ['超过{v}{u}', '高于{v}{u}'],
  '<=': ['不超过{v}{u}', '不得超过{v}{u}', '不高于{v}{u}', '控制在{v}{u}以内', '在{v}{u}以内', '≤{v}{u}', '最多{v}{u}', '不得大于{v}{u}'],
  '<': ['低于{v}{u}', '少于{v}{u}'],
  '=': ['为{v}{u}', '达{v}{u}', '达到{v}{u}', '保持{v}{u}'],
};

/** "All": the filing says it in words, the truth is = 100 %. */
const PROSE_ALL = ['达到百分之百', '全部完成', '百分之百完成', '达到100%'] as const;

/** "None": an incident that must not occur; printed without a unit. */
const PROSE_NONE = ['不得发生', '为零', '零发生', '杜绝发生'] as const;

/** Frequencies by (op, period); `{n}` is the count. */
const PROSE_FREQUENCY: ReadonlyArray<{ op: NumericOp; period: Period; value: number | null; phrases: readonly string[] }> = [
  { op: '=', period: '月', value: 1, phrases: ['每月一次', '每月开展一次'] },
  { op: '>=', period: '月', value: 1, phrases: ['每月至少一次', '每月不少于1次'] },
  { op: '>=', period: '季度', value: 1, phrases: ['每季度至少一次', '每季度不少于一次'] },
  { op: '>=', period: '年', value: null, phrases: ['全年不少于{n}次', '全年至少开展{n}次', '每年至少{n}次'] },
  { op: '=', period: '年', value: null, phrases: ['全年{n}次', '每年开展{n}次'] },
];

/** Qualitative satisfaction, as prose and tables write it. */
export const SATISFACTION_WORDS = ['大部分满意', '基本满意', '满意'] as const;

/** Table symbols by operator, ASCII and full-width and in words. */
const TABLE_SYMBOLS: Record<NumericOp, readonly string[]> = {
  '>=': ['≥', '≥', '≥', '>=', '大于等于'],
  '>': ['>', '＞', '大于'],
  '<=': ['≤', '≤', '<=', '小于等于'],
  '<': ['<', '＜', '小于'],
  '=': ['=', '=', '＝', '等于'],
};

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

function fill(pattern: string, value: string, unit: string): string {
  return pattern.replace('{v}', value).replace('{u}', unit);
}

export interface PhrasedTarget {
  /** The target as printed ("不低于95%", "每月一次", "明显提升"). */
  text: string;
  threshold: Threshold;
}

const QUALITATIVE: Threshold = { op: 'qualitative', value: null, unit: null, period: null };

/** The value the filing prints, or null when it prints none (missing or "**"). */
function exactValue(target: Extract<Target, { kind: 'numeric' }>): number | null {
  return target.placeholder ? null : target.value;
}

/** A number with a unit may print its value missing ("达到%以上") or as a placeholder ("≥**%"). */
function printedValue(target: Extract<Target, { kind: 'numeric' }>): string {
  if (target.placeholder) return '**';
  return target.value === null ? '' : formatNumber(target.value);
}

/** A target as prose writes it, e.g. for 评价标准 sentences and inline indicator lists. */
export function phraseTargetProse(rng: Rng, target: Target): PhrasedTarget {
  if (target.kind === 'qualitative') return { text: target.word, threshold: QUALITATIVE };
  const { op, unit, period } = target;
  const value = exactValue(target);
  if (value !== null && target.flavor === 'frequency' && period !== null) {
    const forms = PROSE_FREQUENCY.filter(
      (form) => form.op === op && form.period === period && (form.value === null || form.value === value),
    );
    if (forms.length > 0) {
      const phrase = rng.pick(rng.pick(forms).phrases).replace('{n}', formatNumber(value));
      return { text: phrase, threshold: { op, value, unit: '次', period: truthPeriod(period) } };
    }
  }
  if (value === 100 && op === '=' && unit === '%' && rng.chance(0.5)) {
    return { text: rng.pick(PROSE_ALL), threshold: { op: '=', value: 100, unit: '%', period: null } };
  }
  if (value === 0 && op === '=' && target.flavor === 'incident') {
    if (rng.chance(0.7)) return { text: rng.pick(PROSE_NONE), threshold: { op: '=', value: 0, unit: null, period: null } };
    return { text: `控制为0${unit}`, threshold: { op: '=', value: 0, unit, period: null } };
  }
  const phrase = rng.pick(PROSE_BY_OP[op]);
  const text = fill(phrase, printedValue(target), unit);
  // 达/达到 reads as reaching a level, at least (the product's lexicon); reaching 100% is all of it
  const readOp = op === '=' && phrase.startsWith('达') && !(value === 100 && unit === '%') ? '>=' : op;
  return { text, threshold: { op: readOp, value, unit, period: truthPeriod(period) } };
}

/** The table layouts for an indicator's value: one 指标值 column, or 符号 | 值 | 单位 columns. */
export type ValueColumns = 'single' | 'split';

export interface TableValue {
  /** One cell for 'single', three for 'split'. */
  cells: string[];
  threshold: Threshold;
}

/** A target as a 绩效目标表 cell: "≥95%", "≥90.00(%)", ">=85", "＝100%", "及时", or split into 符号/值/单位. */
export function phraseTargetTable(rng: Rng, target: Target, columns: ValueColumns): TableValue {
  if (target.kind === 'qualitative') {
    return { cells: columns === 'single' ? [target.word] : ['定性', target.word, ''], threshold: QUALITATIVE };
  }
  const { op, unit, period } = target;
  const value = exactValue(target);
  const symbol = rng.pick(TABLE_SYMBOLS[op]);
  const shownValue = printedValue(target);
  // A frequency carries its period as "次/年" in tables; the truth keeps unit and period apart.
  const shownUnit = period === null ? unit : `${unit}/${period}`;
  const threshold: Threshold = { op, value, unit, period: truthPeriod(period) };
  if (columns === 'split') return { cells: [symbol, shownValue, shownUnit], threshold };
  // "≥90.00(%)" is how rates print on Shanghai's forms; counts keep their plain form.
  const style =
    value !== null && period === null && unit === '%'
      ? rng.weighted<'plain' | 'fixed2' | 'bare'>([
          ['plain', 6],
          ['fixed2', 3],
          ['bare', 1],
        ])
      : 'plain';
  if (style === 'fixed2' && value !== null) {
    return { cells: [`${symbol}${value.toFixed(2)}(${shownUnit})`], threshold };
  }
  if (style === 'bare') {
    // ">=85" as real tables print it: the unit is lost, and so the truth has none.
    return { cells: [`${symbol}${shownValue}`], threshold: { ...threshold, unit: null } };
  }
  return { cells: [`${symbol}${shownValue}${shownUnit}`], threshold };
}
