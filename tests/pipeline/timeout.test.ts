import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest, type FileEvent } from '../../src/pipeline/ingest.js';
import { HANG_ON_ENV } from '../../src/pipeline/worker-protocol.js';
import { FilingStore } from '../../src/store/database.js';
import { tempDir, writeTextCorpus } from './helpers.js';

describe('per-file timeout', () => {
  afterEach(() => {
    delete process.env[HANG_ON_ENV];
  });

  it('records a file that hangs its worker as TIMEOUT, replaces the worker and finishes the batch', async () => {
    const dir = tempDir('timeout');
    const files = writeTextCorpus(path.join(dir, 'corpus'), 6);
    const hanging = files[2];
    // the worker reads the hook from its environment, inherited when the pool starts it
    process.env[HANG_ON_ENV] = path.basename(hanging);
    const events: FileEvent[] = [];
    const db = path.join(dir, 'filings.sqlite');
    // one worker: the files after the hanging one can only be processed by its replacement
    const summary = await ingest([path.join(dir, 'corpus')], { db, workers: 1, timeoutMs: 5000, onFile: (event) => events.push(event) });

    expect(summary).toMatchObject({ total: 6, ok: 5, failed: 1 });
    expect(events.find((e) => e.path === hanging)).toMatchObject({ status: 'error', code: 'TIMEOUT', stage: 'parse' });
    expect(
      events
        .filter((e) => e.status === 'ok')
        .map((e) => e.path)
        .sort(),
    ).toEqual(files.filter((f) => f !== hanging));

    const store = FilingStore.open(db, { readonly: true });
    expect(store.listErrors()).toEqual([
      expect.objectContaining({ path: hanging, code: 'TIMEOUT', message: expect.stringMatching(/no result after 5 s/) }),
    ]);
    store.close();
  });
});
