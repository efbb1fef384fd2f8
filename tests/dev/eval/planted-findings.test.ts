import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { runChecks } from '../../../src/checks/index.js';
import type { Finding } from '../../../src/model/finding.js';
import type { Template } from '../../../src/dev/synth/filing.js';
import { generateFiling } from '../../../src/dev/synth/generate.js';
import type { Truth } from '../../../src/dev/synth/truth.js';
import { toText, type TextOptions } from '../../../src/dev/synth/write.js';
import { documentFromText } from '../../helpers/document.js';

/**
 * The checks scored on generated filings with planted inconsistencies (a sum that does not add up, a
 * count that disagrees with what is listed, a line pasted twice, a missing or impossible value), every
 * template, clean and with page numbers: each planted problem must be reported, for its project, and
 * filings generated without any must not get reports of those kinds.
 */
const FILINGS_PER_CASE = 8;
const CASES: { template: Template; layout: string; text: TextOptions }[] = (['table', 'inline', 'prose'] as const).flatMap((template) => [
  { template, layout: 'clean', text: {} },
  { template, layout: 'page numbers', text: { pageNumbers: true } },
]);
/** A planted line pasted twice inside one list is reported as an item listed twice. */
const REPORTED_AS: Record<string, string[]> = { duplicate_section: ['duplicate_section', 'duplicate_item'] };
/** Kinds no consistent generated filing may get. */
const NEVER_IN_CONSISTENT = ['sum_mismatch', 'count_mismatch', 'duplicate_section', 'duplicate_item'];

const core = (name: string | null) => (name ?? '').replace(/项目$/, '');

async function findingsOf(
  truthSeed: number,
  template: Template,
  text: TextOptions,
  inconsistencies: boolean,
): Promise<{ truth: Truth; findings: Finding[] }> {
  const filing = generateFiling(truthSeed, { template, inconsistencies });
  const document = await documentFromText(toText(filing, text));
  return { truth: filing.truth, findings: runChecks({ document, extraction: extractFiling(document) }) };
}

describe('checks on generated filings with planted inconsistencies', () => {
  it.each(CASES)('$template, $layout: every planted problem is reported for its project', async ({ template, text }) => {
    const missed: string[] = [];
    let planted = 0;
    for (let k = 0; k < FILINGS_PER_CASE; k++) {
      const { truth, findings } = await findingsOf(80_000 + k, template, text, true);
      for (const problem of truth.planted) {
        planted++;
        const kinds = REPORTED_AS[problem.kind] ?? [problem.kind];
        const found = findings.some(
          (f) =>
            kinds.includes(f.kind) &&
            (problem.project === null ||
              core(f.project).includes(core(problem.project)) ||
              (core(problem.project).includes(core(f.project)) && f.project !== null)),
        );
        if (!found) missed.push(`${80_000 + k} ${problem.kind} ${problem.project}: ${problem.detail}`);
      }
    }
    expect(planted).toBeGreaterThan(FILINGS_PER_CASE);
    expect(missed).toEqual([]);
  });

  it.each(CASES)('$template, $layout: a consistent filing gets no such report', async ({ template, text }) => {
    const reported: string[] = [];
    for (let k = 0; k < FILINGS_PER_CASE; k++) {
      const { findings } = await findingsOf(81_000 + k, template, text, false);
      for (const f of findings) if (NEVER_IN_CONSISTENT.includes(f.kind)) reported.push(`${81_000 + k} ${f.kind}: ${f.message}`);
    }
    expect(reported).toEqual([]);
  });
});
