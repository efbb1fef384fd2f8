import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir, writeTextCorpus, zipBomb } from './helpers.js';

describe('zip bombs in a bulk run', () => {
  it('refuses a DOCX of 300 MB of zeros, declared or lied about, and ingests the rest', async () => {
    const dir = tempDir('zip-bomb');
    const corpus = path.join(dir, 'corpus');
    writeTextCorpus(corpus, 2);
    writeFileSync(path.join(corpus, 'declared.docx'), await zipBomb(300, 'truthful'));
    // the central directory claims 1000 bytes: inflating, counted against the absolute limit, finds the lie
    writeFileSync(path.join(corpus, 'lying.docx'), await zipBomb(300, 'lying'));

    const run = await runCliAsync(['ingest', corpus, '--db', path.join(dir, 'filings.sqlite'), '--workers', '2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error +\S*declared\.docx +ZIP_BOMB: .*more than 268435456 bytes/m);
    expect(run.stdout).toMatch(
      /^error +\S*lying\.docx +ZIP_BOMB: .*word\/document\.xml inflates to more than 268435456 bytes \(it declares 1000\)/m,
    );
    expect(run.stdout).toMatch(/4 file\(s\): 2 ingested, 0 skipped, 2 failed/);
  });
});
