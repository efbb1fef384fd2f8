import { describe, expect, it } from 'vitest';
import { generateFiling, toText } from '../../src/dev/synth/index.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/parsers/index.js';
import { sha256Of } from '../../src/pipeline/hash.js';
import { processFile } from '../../src/pipeline/process.js';

describe('a TXT’s page limit', () => {
  it('is applied as soon as its pages are known, before extraction and checks run', async () => {
    const bytes = Buffer.from(toText(generateFiling(2), { pageNumbers: true }));
    const file = { path: '/pages.txt', sha256: sha256Of(bytes), byteSize: bytes.length, format: 'txt' as const };
    const record = await processFile(file, bytes);
    const pages = record.document.pageCount!;
    expect(pages).toBeGreaterThan(1);
    await expect(processFile(file, bytes, { ...DEFAULT_PARSE_LIMITS, maxPages: pages - 1 })).rejects.toMatchObject({
      code: 'TOO_MANY_PAGES',
      stage: 'normalize',
      detail: `${pages} pages, limit ${pages - 1}`,
    });
  });
});
