import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/extraction.js';
import { sha256Of } from '../../src/pipeline/hash.js';
import { processFile } from '../../src/pipeline/process.js';
import { FilingStore } from '../../src/store/database.js';
import { samplePath } from '../helpers/paths.js';
import { storedFilings, tempDir } from './helpers.js';

describe('FilingStore.saveFilings', () => {
  it('stores a batch in one transaction; a filing that cannot be stored is rolled back alone', async () => {
    const bytes = readFileSync(samplePath('txt'));
    const record = await processFile({ path: '/corpus/a.txt', sha256: sha256Of(bytes), byteSize: bytes.length, format: 'txt' }, bytes);
    const broken = structuredClone(record);
    broken.file.path = '/corpus/b.txt';
    // fails validation when its extraction is written, after its filing row and blocks were inserted
    broken.extraction = { ...broken.extraction, year: 'last year' } as unknown as Extraction;
    const third = structuredClone(record);
    third.file.path = '/corpus/c.txt';

    const db = path.join(tempDir('batch'), 'filings.sqlite');
    const store = FilingStore.open(db);
    const results = store.saveFilings([record, broken, third]);
    const blocks = store.db.prepare('SELECT COUNT(*) AS n FROM blocks').get() as { n: number };
    store.close();

    expect(results.map((r) => ('filingId' in r ? 'stored' : 'failed'))).toEqual(['stored', 'failed', 'stored']);
    expect(storedFilings(db).map((row) => row.path)).toEqual(['/corpus/a.txt', '/corpus/c.txt']);
    // no block of the rolled-back filing is left behind
    expect(blocks.n).toBe(2 * record.document.blocks.length);
  });
});
