import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleBase } from '../helpers/paths.js';

const seedDir = path.dirname(sampleBase);

describe('filings CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-cli-'));
  const db = path.join(dir, 'filings.sqlite');

  it('ingests the sample in three formats, then skips them as unchanged, then re-ingests with --force', () => {
    const first = runCli(['ingest', seedDir, '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stdout.match(/^ok /gm)).toHaveLength(3);
    expect(first.stdout).toMatch(/3 file\(s\): 3 ingested, 0 skipped, 0 failed/);

    const second = runCli(['ingest', seedDir, '--db', db]);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/^skipped .*\(unchanged\)$/gm)).toHaveLength(3);

    const forced = runCli(['ingest', seedDir, '--db', db, '--force']);
    expect(forced.stdout).toMatch(/3 ingested/);
    const sqlite = new Database(db, { readonly: true });
    const filings = sqlite.prepare('SELECT id, format, page_count, sha256 FROM filings ORDER BY format').all() as {
      id: number;
      format: string;
      page_count: number | null;
    }[];
    expect(filings.map((f) => f.format)).toEqual(['docx', 'pdf', 'txt']);
    expect(filings.map((f) => f.page_count)).toEqual([null, 24, 32]);
    const docx = filings[0];
    const table = sqlite.prepare("SELECT cells FROM blocks WHERE filing_id = ? AND type = 'table'").get(docx.id) as { cells: string };
    const rows = JSON.parse(table.cells) as { text: string }[][];
    expect(rows).toHaveLength(7);
    expect(rows[3].map((c) => c.text)).toEqual([
      '产出指标',
      '完成率',
      '信息采集上报比例',
      '=',
      '100',
      '%',
      '反映信息采集数量和信息上报的情况,信息真实完整，领导满意，批示率高。',
    ]);
    sqlite.close();
  });

  it('shows what the parser saw, with pages and tables drawn as tables', () => {
    const shown = runCli(['show', path.join(seedDir, '000_96c11c9fa2daaa8c.pdf'), '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/printed page numbers: 1, 2, 3/);
    expect(shown.stdout).toMatch(/\[p\.5 \d+-\d+\] table, 7 rows/);
    expect(shown.stdout).toMatch(/\| 一级指标 +\| 二级指标/);
    expect(shown.stdout).toMatch(/\[p\.7 \d+-\d+\] ## 关于信访维稳项目绩效目标指标的说明/);
  });

  it('exits 1 when a file fails, naming it and the reason', () => {
    const bad = path.join(dir, 'broken.docx');
    writeFileSync(bad, 'not a zip at all');
    const run = runCli(['ingest', bad, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error +.*broken\.docx +CORRUPT_DOCX: /m);
  });

  it('exits 2 on usage errors and 0 on --help', () => {
    expect(runCli(['ingest']).code).toBe(2);
    expect(runCli(['ingest', '--bogus', seedDir]).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['show', '999', '--db', db]).code).toBe(2);
    for (const command of ['ingest', 'show']) {
      const help = runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^filings ${command}`));
    }
    expect(runCli(['--help']).stdout).toMatch(/Commands:/);
  });
});
