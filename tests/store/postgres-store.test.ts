import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { walkInputs } from '../../src/pipeline/walk.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { dropSchema, postgresReachable, query, scratchSchema, withoutIds } from '../helpers/postgres.js';

const reachable = await postgresReachable('the PostgreSQL engine tests');

describe.skipIf(!reachable)('the PostgreSQL engine', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-pg-store-'));
  const sqlite = path.join(dir, 'fixtures.sqlite');
  const { schema, url } = scratchSchema('store');
  const fixtures = path.join(repoRoot, 'fixtures');

  beforeAll(async () => {
    // one file at a time, in the same order: which of two copies is reported as the copy depends on the
    // order of commits, which parallel workers do not fix
    const files = await fixtureFiles(fixtures);
    for (const db of [sqlite, url]) {
      for (const file of files) expect(await ingest([file], { db, workers: 1 })).toMatchObject({ ok: 1 });
    }
  });

  afterAll(() => dropSchema(schema));

  it('stores the same filings, extractions and findings as SQLite: the JSON exports are equal, ids aside', () => {
    const liteOut = path.join(dir, 'lite.json');
    const pgOut = path.join(dir, 'pg.json');
    expect(runCli(['export', '--db', sqlite, '--out', liteOut]).code).toBe(0);
    expect(runCli(['export', '--db', url, '--out', pgOut]).code).toBe(0);
    const lite = JSON.parse(readFileSync(liteOut, 'utf8'));
    const pg = JSON.parse(readFileSync(pgOut, 'utf8'));
    expect(lite.length).toBeGreaterThanOrEqual(14);
    // the three renderings of one filing find each other: cross-filing copies are part of what is compared
    expect(
      lite.flatMap((f: { findings: { kind: string }[] }) => f.findings).filter((f: { kind: string }) => f.kind === 'copied_section').length,
    ).toBeGreaterThan(0);
    expect(withoutIds(pg)).toEqual(withoutIds(lite));
  });

  it('keeps money exact: amounts are numeric columns holding the decimal as written', async () => {
    const types = await query<{ table_name: string; column_name: string; data_type: string }>(
      schema,
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = $1 AND column_name IN ('total_wan', 'amount_wan')`,
      [schema],
    );
    expect(types.length).toBe(5);
    for (const column of types) expect(column.data_type, `${column.table_name}.${column.column_name}`).toBe('numeric');
    const totals = await query<{ total_wan: string }>(schema, "SELECT total_wan::text FROM projects WHERE name = '法制工作专项项目'");
    expect(totals.map((t) => t.total_wan)).toContain('243.08');
  });

  it('has the tables and columns of the SQLite schema, at the same schema version', async () => {
    const lite = new Database(sqlite, { readonly: true });
    const liteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).map(
      (table) =>
        `${table}(${(lite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table) as string[]).join(',')})`,
    );
    const liteVersion = lite.pragma('user_version', { simple: true });
    lite.close();
    const columns = await query<{ table_name: string; names: string }>(
      schema,
      `SELECT table_name, string_agg(column_name, ',' ORDER BY column_name COLLATE "C") AS names FROM information_schema.columns
        WHERE table_schema = $1 AND table_name NOT IN ('queued_files', 'schema_version') GROUP BY table_name ORDER BY table_name COLLATE "C"`,
      [schema],
    );
    expect(columns.map((c) => `${c.table_name}(${c.names})`)).toEqual(liteTables);
    const [{ version }] = await query<{ version: number }>(schema, 'SELECT max(version) AS version FROM schema_version');
    expect(version).toBe(liteVersion);
  });

  it('skips what is stored on a second run, and show, diff and report read from the server', () => {
    const again = runCli(['ingest', fixtures, '--db', url, '--json', '--quiet']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ingested: 0, failed: 0 });
    const show = runCli(['show', '1', '--db', url]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^#1 /);
    const liteDiff = runCli(['diff', '--db', sqlite, '--format', 'json']);
    const pgDiff = runCli(['diff', '--db', url, '--format', 'json']);
    expect(pgDiff.code).toBe(0);
    expect(JSON.parse(pgDiff.stdout).length).toBe(JSON.parse(liteDiff.stdout).length);
    const report = runCli(['report', '--db', url, '--out', path.join(dir, 'report')]);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'report', 'index.html'), 'utf8')).toContain('filing-1.html');
  });
});

async function fixtureFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of walkInputs([folder])) if (!('error' in entry)) files.push(entry.path);
  return files;
}
