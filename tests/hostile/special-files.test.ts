import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../src/pipeline/read-file.js';
import { tempDir, writeTextCorpus } from '../pipeline/helpers.js';
import { runCliBounded } from './cli.js';

const FAR_FUTURE = Date.now() + 3_600_000;

/** A corpus with one filing and three things named like filings that are not regular files of its own. */
function hostileFolder(): { dir: string; corpus: string; outside: string } {
  const dir = tempDir('special');
  const corpus = path.join(dir, 'corpus');
  writeTextCorpus(corpus, 1);
  execFileSync('mkfifo', [path.join(corpus, 'x.txt')]);
  symlinkSync('/dev/zero', path.join(corpus, 'z.txt'));
  const outside = path.join(dir, 'outside');
  const [elsewhere] = writeTextCorpus(outside, 1, 7);
  symlinkSync(elsewhere, path.join(corpus, 'p.txt'));
  return { dir, corpus, outside };
}

function ingestWithin30s(args: string[]) {
  return runCliBounded(['ingest', ...args]);
}

describe('only regular files are read', () => {
  it('skips a FIFO, a link to /dev/zero and a link out of the folder, each with a line, and ingests the rest', async () => {
    const { dir, corpus } = hostileFolder();
    const run = await ingestWithin30s([corpus, '--db', path.join(dir, 'filings.sqlite'), '--workers', '1']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^skipped +\S*x\.txt +\(not a regular file \(a FIFO\)\)$/m);
    expect(run.stdout).toMatch(/^skipped +\S*z\.txt +\(symbolic link, not followed \(--follow-symlinks follows it\)\)$/m);
    expect(run.stdout).toMatch(/^skipped +\S*p\.txt +\(symbolic link, not followed/m);
    expect(run.stdout).toMatch(/^ok +\S*filing-0000\.txt/m);
    expect(run.stdout).toMatch(/4 file\(s\): 1 ingested, 3 skipped, 0 failed/);
  });

  it('with --follow-symlinks reads the link to a filing, still not the device; a device named on the command line is skipped', async () => {
    const { dir, corpus } = hostileFolder();
    const db = path.join(dir, 'filings.sqlite');
    const followed = await ingestWithin30s([corpus, '--db', db, '--workers', '1', '--follow-symlinks']);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toMatch(/^ok +\S*p\.txt/m);
    expect(followed.stdout).toMatch(/^skipped +\S*z\.txt +\(not a regular file \(a device\)\)$/m);
    expect(followed.stdout).toMatch(/^skipped +\S*x\.txt +\(not a regular file \(a FIFO\)\)$/m);

    const named = await ingestWithin30s([path.join(corpus, 'z.txt'), path.join(corpus, 'x.txt'), '--db', db, '--max-size', '1']);
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/^skipped +\S*z\.txt +\(not a regular file \(a device\)\)$/m);
    expect(named.stdout).toMatch(/^skipped +\S*x\.txt +\(not a regular file \(a FIFO\)\)$/m);
  });

  it.runIf(process.platform === 'linux')('caps a read at the limit whatever stat says (/proc files state size 0)', async () => {
    await expect(readRegularFile('/proc/self/maps', 64, true, FAR_FUTURE)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const read = await readRegularFile('/proc/self/maps', 64 * 1024 * 1024, true, FAR_FUTURE);
    expect('bytes' in read && read.bytes.length > 64).toBe(true);
  });

  it('counts reading in the per-file time limit', async () => {
    const dir = tempDir('slow-read');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'x'.repeat(1000));
    await expect(readRegularFile(file, 1 << 20, false, Date.now() - 1)).rejects.toMatchObject({ code: 'TIMEOUT', stage: 'read' });
  });
});
