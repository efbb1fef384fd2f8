import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG_ON_ENV } from '../../src/pipeline/worker-protocol.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { dropSchema, postgresReachable, query, scratchSchema } from '../helpers/postgres.js';
import { runCliAsync } from './helpers.js';

const reachable = await postgresReachable('the distributed ingest tests (filings enqueue / work / status)');

interface Exported {
  filing: { id: number; path: string; sha256: string };
  projects: unknown[];
  findings: { kind: string; locations: { filing_id: number | null }[] }[];
}

/**
 * What an ingest produced, independent of the order in which files were committed: each filing with its
 * extraction and its own findings, and the copies as unordered pairs of paths (which of two copies is
 * reported as the copy depends on which was committed first).
 */
function outcome(exportFile: string) {
  const filings = JSON.parse(readFileSync(exportFile, 'utf8')) as Exported[];
  const pathOf = new Map(filings.map((f) => [f.filing.id, f.filing.path]));
  const copies = new Set<string>();
  const byPath = filings
    .map((f) => {
      for (const finding of f.findings.filter((x) => x.kind === 'copied_section')) {
        const other = finding.locations.find((l) => l.filing_id !== null)?.filing_id;
        copies.add([f.filing.path, pathOf.get(other ?? -1)].sort().join(' ↔ '));
      }
      return {
        path: f.filing.path,
        sha256: f.filing.sha256,
        projects: f.projects,
        findings: f.findings.filter((x) => x.kind !== 'copied_section'),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { byPath, copies: [...copies].sort() };
}

describe.skipIf(!reachable)('distributed ingest through the PostgreSQL job queue', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-queue-'));
  const fixtures = path.join(repoRoot, 'fixtures');
  const schemas: string[] = [];
  let reference: ReturnType<typeof outcome>;

  const fresh = (label: string) => {
    const scratch = scratchSchema(label);
    schemas.push(scratch.schema);
    return scratch;
  };
  const exportOf = (db: string, name: string) => {
    const out = path.join(dir, `${name}.json`);
    const run = runCli(['export', '--db', db, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    return outcome(out);
  };

  beforeAll(() => {
    const sqlite = path.join(dir, 'reference.sqlite');
    const run = runCli(['ingest', fixtures, '--db', sqlite, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    reference = exportOf(sqlite, 'reference');
    expect(reference.byPath.length).toBe(14);
    expect(reference.copies.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('two filings work processes on one queue store exactly what one SQLite ingest stores', async () => {
    const { schema, url } = fresh('two');
    const queued = runCli(['enqueue', fixtures, '--db', url]);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/^14 queued, 0 skipped, 0 failed/m);
    expect(runCli(['enqueue', fixtures, '--db', url]).stdout).toMatch(/^0 queued, 14 skipped, 0 failed/m);

    const workers = await Promise.all([1, 2].map(() => runCliAsync(['work', '--db', url, '--workers', '1', '--until-empty'])));
    for (const w of workers) expect(w.code, w.stderr).toBe(0);
    const counts = workers.map((w) => Number(/: (\d+) ingested/.exec(w.stdout)?.[1]));
    expect(counts[0] + counts[1]).toBe(14);

    expect(exportOf(url, 'two-workers')).toEqual(reference);
    const [{ n }] = await query<{ n: number }>(
      schema,
      "SELECT count(*)::integer AS n FROM queued_files WHERE outcome = 'ok' AND bytes IS NULL",
    );
    expect(n).toBe(14);
    const status = JSON.parse(runCli(['status', '--db', url, '--json']).stdout);
    expect(status).toMatchObject({ queued: 0, running: 0, done: 14, failed: 0, dead: [] });
  });

  it('a worker killed with kill -9 mid-batch loses nothing: its files come back and another worker does each once', async () => {
    const { schema, url } = fresh('kill');
    // short visibility timeout: the killed worker's claimed files return within seconds
    expect(runCli(['enqueue', fixtures, '--db', url, '--visibility-timeout', '5']).code).toBe(0);
    let killedAfter = '';
    const killed = await runCliAsync(['work', '--db', url, '--workers', '1'], {
      onStdout: (soFar, kill) => {
        // after its second commit: one file done, others claimed and in progress
        if (killedAfter === '' && (soFar.match(/^ok /gm) ?? []).length >= 2) {
          killedAfter = soFar;
          kill('SIGKILL');
        }
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const claimed = await query<{ n: number }>(
      schema,
      'SELECT count(*)::integer AS n FROM queued_files WHERE outcome IS NULL AND attempts > 0',
    );
    expect(claimed[0].n).toBeGreaterThan(0);

    const rest = await runCliAsync(['work', '--db', url, '--workers', '2', '--until-empty']);
    expect(rest.code, rest.stderr).toBe(0);
    const doneFirst = (killedAfter.match(/^ok /gm) ?? []).length;
    expect(doneFirst + Number(/: (\d+) ingested/.exec(rest.stdout)?.[1])).toBe(14);
    expect(exportOf(url, 'after-kill')).toEqual(reference);
    const twice = await query<{ path: string }>(
      schema,
      "SELECT path FROM queued_files GROUP BY path HAVING count(*) FILTER (WHERE outcome = 'ok') <> 1",
    );
    expect(twice).toEqual([]);
    const retried = await query<{ n: number }>(schema, 'SELECT count(*)::integer AS n FROM queued_files WHERE attempts > 1');
    expect(retried[0].n).toBeGreaterThan(0);
  });

  it('a file that keeps failing is dead after its tries, with its error, while the rest is done', async () => {
    const { url } = fresh('poison');
    const corpus = path.join(dir, 'poison');
    mkdirSync(corpus, { recursive: true });
    for (const name of ['inline_01.txt', 'prose_01.txt']) copyFileSync(path.join(fixtures, 'templates', name), path.join(corpus, name));
    writeFileSync(path.join(corpus, 'hangs.txt'), '这个文件让解析器停住。\n');
    expect(runCli(['enqueue', corpus, '--db', url, '--tries', '2']).code).toBe(0);
    // a timeout long enough for the two real files on a busy machine; the third never finishes
    const run = await runCliAsync(['work', '--db', url, '--workers', '1', '--until-empty', '--timeout', '5'], {
      env: { [HANG_ON_ENV]: 'hangs.txt' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^retry +\S*hangs\.txt +TIMEOUT/m);
    expect(run.stdout).toMatch(/^error +\S*hangs\.txt +TIMEOUT: .*dead after 2 tries/m);
    const status = JSON.parse(runCli(['status', '--db', url, '--json']).stdout);
    expect(status).toMatchObject({ queued: 0, running: 0, done: 2 });
    expect(status.dead).toHaveLength(1);
    expect(status.dead[0].path).toMatch(/hangs\.txt$/);
    expect(status.dead[0].error).toMatch(/TIMEOUT/);
  });
});
