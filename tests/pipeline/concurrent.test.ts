import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityOf, runCliAsync, storedFilings, tempDir, writeTextCorpus } from './helpers.js';

describe('two ingests on one database at once', () => {
  it('both finish (or one says the database is busy), and the database holds each file once', async () => {
    const dir = tempDir('concurrent');
    const corpus = path.join(dir, 'corpus');
    const files = writeTextCorpus(corpus, 40);
    // a new database: both processes also race to create the schema
    const db = path.join(dir, 'shared.sqlite');
    const runs = await Promise.all([1, 2].map(() => runCliAsync(['ingest', corpus, '--db', db, '--workers', '1', '--quiet'])));

    for (const run of runs) {
      if (run.code === 0) expect(run.stdout).toMatch(/^40 file\(s\): \d+ ingested, \d+ skipped, 0 failed/m);
      else expect(run.stderr).toMatch(/is locked by another process/);
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect(integrityOf(db)).toBe('ok');
    expect(storedFilings(db).map((row) => row.path)).toEqual([...files].sort());
  });
});
