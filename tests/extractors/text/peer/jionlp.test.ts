/**
 * Runs JioNLP's RMB money-parser cases (kept outside the repository, in
 * ../shared/peer-specs/jionlp-money/) against findAmounts.
 *
 * A case passes when findAmounts finds exactly one amount, spanning the money in the input,
 * whose value in 元 (rounded to the fen, as JioNLP prints it) equals the expected amount —
 * both bounds for a range. JioNLP's `definition` is checked as far as it is ours to decide:
 * "accurate" must not be approximate, "blur" must be approximate (or a range); "blur+" and
 * "blur-" (至少…以上, 小于, 近) are comparisons, which belong to the thresholds extractor.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../../../../src/model/decimal.js';
import { findAmounts, type MoneyMatch } from '../../../../extractors/text/money.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const casesFile = path.resolve(repoRoot, '..', 'shared', 'peer-specs', 'jionlp-money', 'jionlp_money_rmb.json');
const exists = existsSync(casesFile);
if (!exists) console.warn(`JioNLP money cases not found at ${casesFile}: peer tests skipped.`);

interface JioCase {
  num: string | [string, string];
  case: string;
  definition: 'accurate' | 'blur' | 'blur+' | 'blur-';
}

/** Inputs we deliberately read differently, with the reason. docs/numbers.md lists these too. */
export const JIONLP_DIFFERENCES: readonly { input: string; reason: string }[] = [
  { input: '15k左右', reason: 'no currency word and no funding sentence: a bare figure is not money' },
  { input: '30w上下', reason: 'w for 万 is chat shorthand (and W is watts); not read' },
  { input: '三百万', reason: 'bare 万 is money only in a funding sentence (安排2万); alone it may be a count' },
  { input: '肆佰叁拾萬', reason: 'bare 万 is money only in a funding sentence, even in financial numerals' },
  { input: '小于40万', reason: 'bare 万 is money only in a funding sentence' },
  { input: '几十万块', reason: 'vague magnitudes (几十万, 数十亿, 十几块) have no value to check against a total' },
  { input: '人民币数十亿元', reason: 'vague magnitudes have no value to check against a total' },
  { input: '数十亿元人民币', reason: 'vague magnitudes have no value to check against a total' },
  { input: '十几块钱', reason: 'vague magnitudes have no value to check against a total' },
  { input: '三五百块', reason: 'two digits side by side (三五百, 四五千) are a vague range, not read' },
  { input: '四五千块钱', reason: 'two digits side by side are a vague range, not read' },
];

function readCases(): [string, JioCase][] {
  const text = readFileSync(casesFile, 'utf8').replace(/^\uFEFF/, '');
  return (JSON.parse(text) as { cases: [string, JioCase][] }).cases;
}

/** Value in 元, rounded to the fen like JioNLP's output. */
function yuan(wan: string): string {
  return Decimal.parse(wan).shift(4).toFixed(2);
}

function passes(input: string, expected: JioCase, amounts: MoneyMatch[]): boolean {
  if (amounts.length !== 1) return false;
  const [amount] = amounts;
  const bounds = Array.isArray(expected.num) ? expected.num : [expected.num];
  const found = amount.range ? [yuan(amount.wan), yuan(amount.range.highWan)] : [yuan(amount.wan)];
  const sameValues = bounds.length === found.length && bounds.every((b, i) => Decimal.parse(b).equals(Decimal.parse(found[i])));
  const definitionHolds =
    expected.definition === 'accurate' ? !amount.approximate : expected.definition === 'blur' ? amount.approximate : true;
  return sameValues && definitionHolds && input.includes(amount.text);
}

describe.skipIf(!exists)('JioNLP RMB money cases', () => {
  it('every case passes or is a documented difference', () => {
    const cases = readCases();
    const unexplained: string[] = [];
    const passing = new Set<string>();
    let deliberate = 0;
    for (const [input, expected] of cases) {
      const amounts = findAmounts(input);
      if (passes(input, expected, amounts)) passing.add(input);
      else if (JIONLP_DIFFERENCES.some((d) => d.input === input)) deliberate += 1;
      else {
        const got = amounts.map(
          (a) => `${a.text}: ${a.wan}万元${a.range ? `–${a.range.highWan}万元` : ''}${a.approximate ? ' approx' : ''}`,
        );
        unexplained.push(`${input} → expected ${JSON.stringify(expected)}, got ${got.join(' | ') || '(none)'}`);
      }
    }
    console.log(`JioNLP money: ${passing.size}/${cases.length} pass, ${deliberate} deliberate differences`);
    expect(unexplained, unexplained.join('\n')).toEqual([]);
    // A listed difference that now passes is stale: remove it from the list.
    expect(JIONLP_DIFFERENCES.filter((d) => passing.has(d.input))).toEqual([]);
  });

  it('lists no difference for an input that is not a case', () => {
    const inputs = new Set(readCases().map(([input]) => input));
    expect(JIONLP_DIFFERENCES.filter((d) => !inputs.has(d.input))).toEqual([]);
  });
});
