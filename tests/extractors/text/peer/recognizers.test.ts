/**
 * Runs the Chinese specs of Microsoft Recognizers-Text (kept outside the repository, in
 * ../shared/peer-specs/recognizers-text-zh/) against findNumbers and findAmounts.
 * Every case passes or is listed, with its reason, in ./recognizers-differences.ts.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../../../../src/model/decimal.js';
import { findNumbers } from '../../../../extractors/text/numbers.js';
import { findAmounts } from '../../../../extractors/text/money.js';
import { RECOGNIZERS_DIFFERENCES, type PeerSuite, type Difference } from './recognizers-differences.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const suiteDir = path.resolve(repoRoot, '..', 'shared', 'peer-specs', 'recognizers-text-zh');
const exists = existsSync(suiteDir);
if (!exists) console.warn(`Recognizers-Text peer suite not found at ${suiteDir}: peer tests skipped.`);

interface PeerResult {
  Text: string;
  Resolution: { value?: string; unit?: string };
  Start: number;
  /** Inclusive. */
  End: number;
}

interface PeerCase {
  Input: string;
  Results: PeerResult[];
}

/** A result reduced to what we compare: the span (end exclusive) and the exact value. */
interface Found {
  start: number;
  end: number;
  value: string;
}

function readSuite(file: string): PeerCase[] {
  const text = readFileSync(path.join(suiteDir, file), 'utf8').replace(/^\uFEFF/, '');
  return JSON.parse(text) as PeerCase[];
}

function expectedFound(result: PeerResult): Found {
  return { start: result.Start, end: result.End + 1, value: (result.Resolution.value ?? '').replace(/%$/, '') };
}

function sameValue(expected: string, actual: string): boolean {
  const parsed = Decimal.tryParse(expected);
  return parsed?.equals(Decimal.parse(actual));
}

function sameResults(expected: readonly Found[], actual: readonly Found[]): boolean {
  return (
    expected.length === actual.length &&
    expected.every((e, i) => e.start === actual[i].start && e.end === actual[i].end && sameValue(e.value, actual[i].value))
  );
}

function describeFound(found: readonly Found[], input: string): string {
  return found.map((f) => `${input.slice(f.start, f.end)}=${f.value}@${f.start}`).join(' | ') || '(none)';
}

interface SuiteSpec {
  suite: PeerSuite;
  file: string;
  expected(peerCase: PeerCase): Found[];
  actual(input: string): Found[];
}

const yuanInPeerUnits = (wan: string): string => Decimal.parse(wan).shift(4).toString();

const SUITES: readonly SuiteSpec[] = [
  {
    suite: 'Number',
    file: 'Number_NumberModel.json',
    expected: (c) => c.Results.map(expectedFound),
    actual: (input) => findNumbers(input).filter((n) => !n.isPercent),
  },
  {
    suite: 'Percent',
    file: 'Number_PercentModel.json',
    expected: (c) => c.Results.map(expectedFound),
    actual: (input) => findNumbers(input).filter((n) => n.isPercent),
  },
  {
    // Only Chinese-yuan results are expected from us; any other currency must yield nothing.
    suite: 'Currency',
    file: 'NumberWithUnit_CurrencyModel.json',
    expected: (c) => c.Results.filter((r) => r.Resolution.unit === 'Chinese yuan').map(expectedFound),
    actual: (input) => findAmounts(input).map((a) => ({ start: a.start, end: a.end, value: yuanInPeerUnits(a.wan) })),
  },
];

function differenceFor(suite: PeerSuite, input: string): Difference | undefined {
  return RECOGNIZERS_DIFFERENCES.find((d) => d.suite === suite && (d.input === input || d.pattern?.test(input)));
}

describe.skipIf(!exists)('Recognizers-Text Chinese specs', () => {
  for (const spec of SUITES) {
    it(`${spec.suite}: every case passes or is a documented difference`, () => {
      const cases = readSuite(spec.file);
      const unexplained: string[] = [];
      const passing = new Set<string>();
      let deliberate = 0;
      for (const peerCase of cases) {
        const { Input: input } = peerCase;
        const expected = spec.expected(peerCase);
        const actual = spec.actual(input);
        if (sameResults(expected, actual)) passing.add(input);
        else if (differenceFor(spec.suite, input)) deliberate += 1;
        else {
          const got = describeFound(actual, input);
          unexplained.push(`${JSON.stringify(input)}\n   expected ${describeFound(expected, input)}\n   got      ${got}`);
        }
      }
      const passed = cases.filter((c) => passing.has(c.Input)).length;
      console.log(`${spec.suite}: ${passed}/${cases.length} pass, ${deliberate} deliberate differences`);
      expect(unexplained, unexplained.join('\n')).toEqual([]);
      // A difference listed by input that now passes is stale: remove it from the list.
      const stale = RECOGNIZERS_DIFFERENCES.filter((d) => d.suite === spec.suite && d.input !== undefined && passing.has(d.input));
      expect(stale).toEqual([]);
    });
  }

  it('lists no difference that matches no case', () => {
    const inputs = new Map(SUITES.map((s) => [s.suite, readSuite(s.file).map((c) => c.Input)]));
    const stale = RECOGNIZERS_DIFFERENCES.filter((d) => {
      const suiteInputs = inputs.get(d.suite) ?? [];
      return !suiteInputs.some((input) => d.input === input || d.pattern?.test(input));
    });
    expect(stale).toEqual([]);
  });

  it('NumberRange (informational): bounds found as numbers', () => {
    const cases = readSuite('Number_NumberRangeModel.json');
    const bounds = (value: string): string[] =>
      value
        .replace(/[[\]()]/g, '')
        .split(',')
        .filter((b) => b !== '');
    const covered = cases.filter((c) => {
      const values = findNumbers(c.Input).map((n) => Decimal.parse(n.value));
      return c.Results.every((r) => bounds(r.Resolution.value ?? '').every((b) => values.some((v) => Decimal.tryParse(b)?.equals(v))));
    });
    const note = "informational, ranges are the thresholds extractor's job";
    console.log(`NumberRange (${note}): all bounds found in ${covered.length}/${cases.length} cases`);
    expect(covered.length).toBeGreaterThan(0);
  });
});
