import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliPath, repoRoot, sampleBase } from '../helpers/paths.js';
import { tempDir } from '../pipeline/helpers.js';

/** The CLI with a file-size limit (bash's ulimit -f, in KiB): a write past it fails as on a full disk. */
function runWithFileLimit(kib: number, args: string[]) {
  const quoted = [process.execPath, cliPath, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('bash', ['-c', `ulimit -f ${kib}; exec ${quoted}`], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI with standard output on /dev/full, where every write fails with ENOSPC. */
function runIntoFullDevice(args: string[]) {
  const quoted = [process.execPath, cliPath, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('bash', ['-c', `exec ${quoted} > /dev/full`], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

/** Cells as a spreadsheet reads a CSV (RFC 4180: quoted fields, doubled quotes, CRLF rows). */
function spreadsheetCells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const isFormula = (cell: string) => /^[=@+\-\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

describe('export, report and diff never fail silently', () => {
  const dir = tempDir('output');
  const db = path.join(dir, 'filings.sqlite');

  beforeAll(() => {
    expect(runCli(['ingest', path.dirname(sampleBase), '--db', db, '--quiet']).code).toBe(0);
  });

  it('reports a write that fails half-way (a full disk), exits 1 and leaves no cut file', () => {
    const out = path.join(dir, 'cut', 'export.json');
    const run = runWithFileLimit(64, ['export', '--db', db, '--format', 'json', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*export\.json: EFBIG/);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('reports a report page that cannot be written and leaves no partial page', () => {
    const out = path.join(dir, 'report');
    const run = runWithFileLimit(64, ['report', '--db', db, '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/EFBIG/);
    expect(readdirSync(out).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('exits 1 with one clear line when standard output cannot be written', () => {
    for (const args of [['export'], ['export', '--format', 'csv'], ['diff'], ['diff', '--format', 'json']]) {
      const run = runIntoFullDevice([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim(), args.join(' ')).toBe('filings: cannot write to standard output: ENOSPC: no space left on device, write');
    }
  });

  it('refuses an unknown --filing id with exit 2 in export, diff and report', () => {
    for (const command of ['export', 'diff', 'report']) {
      const run = runCli([command, '--db', db, '--filing', '9999', ...(command === 'report' ? ['--out', path.join(dir, 'r2')] : [])]);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/no filing #9999 in the database/);
    }
    expect(existsSync(path.join(dir, 'r2'))).toBe(false);
  });

  it('neutralises cells that a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const hostile = path.join(dir, 'hostile.sqlite');
    expect(runCli(['ingest', path.dirname(sampleBase), '--db', hostile, '--quiet']).code).toBe(0);
    // project names and quotes as a hostile filing could carry them
    const starts = ['=HYPERLINK("http://x","y")', '@SUM(1,2)', '+1+cmd|/C calc', '-2+3', '\tTAB', '\rCR'];
    const store = new Database(hostile);
    const rows = store.prepare('SELECT filing_id, data FROM extractions').all() as { filing_id: number; data: string }[];
    let k = 0;
    for (const row of rows) {
      const data = JSON.parse(row.data);
      for (const project of data.projects) project.name = starts[k++ % starts.length] + project.name;
      store.prepare('UPDATE extractions SET data = ? WHERE filing_id = ?').run(JSON.stringify(data), row.filing_id);
    }
    store.close();
    expect(k).toBeGreaterThanOrEqual(starts.length);

    const out = path.join(dir, 'projects.csv');
    expect(runCli(['export', '--db', hostile, '--format', 'csv', '--out', out]).code).toBe(0);
    const cells = spreadsheetCells(readFileSync(out, 'utf8'));
    const names = cells.slice(1).map((r) => r[cells[0].indexOf('project')]);
    expect(names.length).toBe(k);
    expect(cells.flat().filter(isFormula)).toEqual([]);
    // the text itself is kept, after the quote a spreadsheet hides
    expect(names.some((n) => n.startsWith(`'=HYPERLINK("http://x","y")`))).toBe(true);
    expect(names.some((n) => n.startsWith("'\tTAB"))).toBe(true);
    expect(names.some((n) => n.startsWith("'-2+3"))).toBe(true);
  });
});
