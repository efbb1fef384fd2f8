import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, precision, recall } from '../../../src/dev/eval/evaluate.js';
import { runEval } from '../../../src/dev/eval/cli.js';
import { repoRoot } from '../../helpers/paths.js';

describe('npm run eval', () => {
  it('scores every field of every fixture at 0.95 or better, in every format', async () => {
    const rows = await runEval(path.join(repoRoot, 'fixtures'));
    const fixtures = new Set(rows.map((r) => r.fixture));
    expect([...fixtures].sort()).toEqual(['seed/000_96c11c9fa2daaa8c', 'templates/inline_01', 'templates/prose_01', 'templates/table_01']);
    expect(rows).toHaveLength(12);
    const below = rows.flatMap((row) =>
      FIELDS.filter((f) => row.scores[f].expected + row.scores[f].predicted > 0)
        .filter((f) => precision(row.scores[f]) < 0.95 || recall(row.scores[f]) < 0.95)
        .map((f) => `${row.fixture}.${row.format} ${f}: P ${precision(row.scores[f]).toFixed(3)} R ${recall(row.scores[f]).toFixed(3)}`),
    );
    expect(below).toEqual([]);
    // every field is measured somewhere
    for (const field of FIELDS)
      expect(
        rows.some((r) => r.scores[field].expected > 0),
        field,
      ).toBe(true);
  });
});
