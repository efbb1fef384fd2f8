import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityOf, runCliAsync, storedFilings, tempDir, writeTextCorpus } from './helpers.js';

const COUNT = 150;

describe('a run stopped mid-way and run again', () => {
  const dir = tempDir('resume');
  const corpus = path.join(dir, 'corpus');
  writeTextCorpus(corpus, COUNT);
  const okLines = (stdout: string) => stdout.match(/^ok /gm)?.length ?? 0;

  it('after kill -9, ingests exactly what an uninterrupted run does: nothing twice, nothing missing', async () => {
    const reference = path.join(dir, 'reference.sqlite');
    const full = await runCliAsync(['ingest', corpus, '--db', reference]);
    expect(full.code).toBe(0);

    const db = path.join(dir, 'killed.sqlite');
    // killed as soon as some filings are committed: batches are being written from then on
    const killed = await runCliAsync(['ingest', corpus, '--db', db, '--workers', '1'], {
      onStdout: (soFar, kill) => {
        if (okLines(soFar) >= 5) kill('SIGKILL');
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(integrityOf(db)).toBe('ok');
    const committed = storedFilings(db).length;
    expect(committed).toBeGreaterThanOrEqual(5);
    expect(committed).toBeLessThan(COUNT);

    const resumed = await runCliAsync(['ingest', corpus, '--db', db]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`${COUNT} file(s): ${COUNT - committed} ingested, ${committed} skipped, 0 failed`);
    expect(storedFilings(db)).toEqual(storedFilings(reference));
    expect(storedFilings(db)).toHaveLength(COUNT);
  });

  it('on Ctrl-C stops taking files, commits what is done, prints the summary and exits 130; the re-run continues', async () => {
    const db = path.join(dir, 'interrupted.sqlite');
    let sent = false;
    const interrupted = await runCliAsync(['ingest', corpus, '--db', db, '--workers', '1'], {
      onStdout: (soFar, kill) => {
        if (!sent && okLines(soFar) >= 5) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted: finishing the files in progress/);
    const summary = interrupted.stdout.match(/^(\d+) file\(s\): (\d+) ingested, 0 skipped, 0 failed/m);
    expect(summary).not.toBeNull();
    expect(interrupted.stdout).toMatch(/^interrupted: run the same command again to continue$/m);
    // everything reported as ingested is in the database, and nothing else
    const ingested = Number(summary![2]);
    expect(ingested).toBeLessThan(COUNT);
    expect(okLines(interrupted.stdout)).toBe(ingested);
    expect(storedFilings(db)).toHaveLength(ingested);

    const resumed = await runCliAsync(['ingest', corpus, '--db', db]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`${COUNT - ingested} ingested, ${ingested} skipped`);
    expect(storedFilings(db)).toHaveLength(COUNT);
  });
});
