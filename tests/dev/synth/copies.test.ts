import { describe, expect, it } from 'vitest';
import { generateCopyCorpus, SHARED_BOILERPLATE } from '../../../src/dev/synth/copies.js';

/** Lines long enough that sharing them across filings means copying. */
function longLines(text: string): Set<string> {
  return new Set(text.split('\n').filter((line) => [...line].length >= 30));
}

describe('generateCopyCorpus', () => {
  const corpus = generateCopyCorpus({ seed: 8, count: 8 });

  it('gives every filing the shared boilerplate sentence', () => {
    expect(corpus.filings).toHaveLength(8);
    for (const filing of corpus.filings) expect(filing.text).toContain(SHARED_BOILERPLATE);
    expect(corpus.boilerplate).toBe(SHARED_BOILERPLATE);
  });

  it('copies paragraphs nearly verbatim from one filing into another', () => {
    expect(corpus.copies).toHaveLength(4);
    for (const copy of corpus.copies) {
      expect(copy.from).not.toBe(copy.to);
      expect(corpus.filings[copy.from].text).toContain(copy.original);
      expect(corpus.filings[copy.to].text).toContain(copy.copied);
      expect(copy.copied).not.toBe(copy.original);
      // A small edit: most of the text survives.
      expect(Math.abs(copy.copied.length - copy.original.length)).toBeLessThan(25);
    }
  });

  it('shares no other long line between filings', () => {
    const planted = new Set(corpus.copies.flatMap((copy) => [copy.original, copy.copied]));
    const lines = corpus.filings.map((filing) => longLines(filing.text));
    for (let a = 0; a < lines.length; a++) {
      for (let b = a + 1; b < lines.length; b++) {
        const shared = [...lines[a]].filter(
          (line) => lines[b].has(line) && line !== SHARED_BOILERPLATE && ![...planted].some((text) => line.includes(text)),
        );
        expect(shared, `filings ${a} and ${b}`).toEqual([]);
      }
    }
  });

  it('is deterministic', () => {
    expect(generateCopyCorpus({ seed: 8, count: 8 })).toEqual(corpus);
  });
});
