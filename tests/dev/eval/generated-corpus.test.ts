import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { FIELDS, evaluate, type Field, type FieldScore } from '../../../src/dev/eval/evaluate.js';
import type { Template } from '../../../src/dev/synth/filing.js';
import { generateFiling } from '../../../src/dev/synth/generate.js';
import { toText, type TextOptions } from '../../../src/dev/synth/write.js';
import { documentFromText } from '../../helpers/document.js';

/**
 * Extraction scored on filings the fixtures do not hold: every template, written clean and with each
 * conversion artefact the generator knows (page numbers glued to line ends, hard-wrapped lines, tables
 * flattened to one cell per line), several filings each, at the fixtures' floor of 0.95, so that a template
 * or an artefact that stops being read shows here.
 */
const FILINGS_PER_CASE = 6;
const CASES: { template: Template; layout: string; text: TextOptions }[] = (['table', 'inline', 'prose'] as const).flatMap((template) => [
  { template, layout: 'clean', text: {} },
  { template, layout: 'page numbers', text: { pageNumbers: true } },
  { template, layout: 'wrapped at 38', text: { wrapAt: 38 } },
  ...(template === 'table'
    ? [
        { template, layout: 'one cell per line', text: { tableLayout: 'cells' as const } },
        { template, layout: 'one cell per line, page numbers', text: { tableLayout: 'cells' as const, pageNumbers: true } },
      ]
    : []),
]);

/** The fields every case must read, and how well (recall and precision over its filings together). */
const FLOORS: Partial<Record<Field, number>> = {
  projects: 0.95,
  departments: 0.95,
  totals: 0.95,
  items: 0.95,
  indicators: 0.95,
  thresholds: 0.95,
};

function add(a: FieldScore, b: FieldScore): FieldScore {
  return { matched: a.matched + b.matched, predicted: a.predicted + b.predicted, expected: a.expected + b.expected };
}

describe('extraction on generated filings of every template and layout', () => {
  it.each(CASES)('$template, $layout', async ({ template, text }) => {
    const total = Object.fromEntries(FIELDS.map((f) => [f, { matched: 0, predicted: 0, expected: 0 }])) as Record<Field, FieldScore>;
    for (let k = 0; k < FILINGS_PER_CASE; k++) {
      const filing = generateFiling(70_000 + k, { template });
      const scores = evaluate(extractFiling(await documentFromText(toText(filing, text))), filing.truth);
      for (const field of FIELDS) total[field] = add(total[field], scores[field]);
    }
    for (const [field, floor] of Object.entries(FLOORS) as [Field, number][]) {
      const { matched, predicted, expected } = total[field];
      expect(expected, `${field}: the truth has values`).toBeGreaterThan(0);
      expect(matched / expected, `${field} recall`).toBeGreaterThanOrEqual(floor);
      expect(matched / Math.max(1, predicted), `${field} precision`).toBeGreaterThanOrEqual(floor);
    }
  });
});
