import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { samplePath } from '../helpers/paths.js';

describe('filings diff', () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'filings-diff-')), 'diff.sqlite');

  beforeAll(() => {
    expect(runCli(['ingest', samplePath('txt'), '--db', db]).code).toBe(0);
  });

  it('prints findings grouped by project with both sides quoted and paged, as plain text off a terminal', () => {
    const run = runCli(['diff', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toMatch(/^--- 综治工作经费项目$/m);
    expect(run.stdout).toMatch(/^ERROR +sum_mismatch: 项目总额33万元与明细合计8万元不一致 +\[expected 33 \| actual 8\]$/m);
    expect(run.stdout).toMatch(/^ {2}- \[declared total, p\.14 \d+-\d+\] 33万元$/m);
    expect(run.stdout).toMatch(/^ {2}\+ \[item, p\.14 \d+-\d+\] 8万元$/m);
  });

  it('filters by kind, prints JSON, and fails CI on findings of a severity', () => {
    const sums = JSON.parse(runCli(['diff', '--db', db, '--kind', 'sum_mismatch', '--format', 'json']).stdout);
    expect(sums[0].findings.map((f: { project: string }) => f.project)).toEqual([
      '综治工作经费项目',
      '社区矫正基地维护项目',
      '群众中心办公楼维护项目',
      '法制工作专项项目',
    ]);
    expect(runCli(['diff', '--db', db, '--fail-on', 'error']).code).toBe(1);
    expect(runCli(['diff', '--db', db, '--kind', 'duplicate_item', '--fail-on', 'error']).code).toBe(0);
    expect(runCli(['diff', '--db', db, '--kind', 'nonsense']).code).toBe(2);
  });
});
