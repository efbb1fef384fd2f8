import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNumbers, forgetRecentNumbers } from '../../extractors/text/numbers.js';
import { forgetRecentShingles, shingles } from '../../src/checks/similarity.js';
import { processFile } from '../../src/pipeline/process.js';
import { samplePath } from '../helpers/paths.js';

// A worker processes thousands of files: what the per-filing caches keep must not outlive its filing.
describe('the caches of findNumbers and shingles', () => {
  const sentence = '项目资金总额为58万元，其中财政拨款50万元，群众满意度≥90%。';

  it('answer a repeated question with the same frozen result, and a new one once forgotten', () => {
    const numbers = findNumbers(sentence);
    expect(findNumbers(sentence)).toBe(numbers);
    expect(Object.isFrozen(numbers)).toBe(true);
    forgetRecentNumbers();
    const again = findNumbers(sentence);
    expect(again).not.toBe(numbers);
    expect(again).toEqual(numbers);

    const words = shingles(sentence);
    expect(shingles(sentence)).toBe(words);
    forgetRecentShingles();
    expect(shingles(sentence)).not.toBe(words);
    expect(shingles(sentence)).toEqual(words);
  });

  it('are emptied when processFile has finished a filing, whether it succeeded or failed', async () => {
    const numbers = findNumbers(sentence);
    const words = shingles(sentence);
    const bytes = readFileSync(samplePath('txt'));
    const record = await processFile({ path: samplePath('txt'), sha256: 'sample', byteSize: bytes.length, format: 'txt' }, bytes);
    expect(record.extraction.projects.length).toBeGreaterThan(0);
    expect(findNumbers(sentence)).not.toBe(numbers);
    expect(shingles(sentence)).not.toBe(words);

    const cachedNumbers = findNumbers(sentence);
    const cachedWords = shingles(sentence);
    const empty = new TextEncoder().encode('   \n\n  ');
    await expect(processFile({ path: 'blank.txt', sha256: 'blank', byteSize: empty.length, format: 'txt' }, empty)).rejects.toThrow();
    expect(findNumbers(sentence)).not.toBe(cachedNumbers);
    expect(shingles(sentence)).not.toBe(cachedWords);
  });
});
