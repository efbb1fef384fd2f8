import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { survey } from '../../../src/dev/eval/survey.js';
import { hasShared, repoRoot, sharedDir, warnSkipped } from '../../helpers/paths.js';

/**
 * The 61 real 2026 部门预算 PDFs of ../shared, each run through the pipeline and held against the project
 * names a person read off the PDF (fixtures/real/project-names.*.json): no statement table, column head or
 * row label comes out as a project, a filing without targets says so, and nothing comes out silently empty.
 */
const root = path.join(sharedDir, 'real-filings', 'dept-budgets-2026');
warnSkipped('the real 部门预算 PDFs');

describe.skipIf(!hasShared)('the real 部门预算 PDFs', () => {
  it('each yields real projects, says it prints no targets, says what it could not read, or fails with a reason', async () => {
    const rows = await survey(root, path.join(repoRoot, 'fixtures'));
    expect(rows).toHaveLength(61);
    for (const row of rows) {
      expect(row.hand, `${row.file} has a hand-reviewed list`).not.toBeNull();
      // every name extracted is one a person found on a form
      expect(row.falseNames, `${row.file}: names that are no project`).toEqual([]);
      if (row.hand!.targets !== 'forms') expect(row.projects, `${row.file} prints no targets`).toEqual([]);
      // never an empty result without a word: projects, an info, a warning, or an error with its code
      expect(row.outcome, row.file).toMatch(/^(?:projects|no targets|unrecognised|error [A-Z_]+)$/);
    }
    const found = rows.reduce((n, r) => n + r.projects.length, 0);
    const listed = rows.reduce((n, r) => n + (r.hand?.projects.length ?? 0), 0);
    console.log(`real 部门预算 PDFs: ${found} projects found of ${listed} listed by hand`);
  }, 900_000);
});
