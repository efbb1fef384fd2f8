import { cutWords } from '../../extractors/text/words.js';

/**
 * Word shingles for near-duplicate detection. nodejieba cuts Chinese into words (never used for numbers:
 * it splits digits, which is harmless here since numbers only need to match as written).
 */

const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

export function words(text: string): string[] {
  return cutWords(text).filter((w) => !PUNCTUATION.test(w));
}

/**
 * Word bigrams (and the single word of a one-word text): the unit two texts are compared by. The checks
 * of one filing ask for the same paragraph's shingles more than once (within the filing, then for the
 * copy index): recent answers are kept, since segmentation is the costliest step of the checks.
 */
export function shingles(text: string): ReadonlySet<string> {
  const cached = recent.get(text);
  if (cached) return cached;
  const found = segment(text);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(text, found);
  return found;
}

const recent = new Map<string, ReadonlySet<string>>();
const RECENT_LIMIT = 4096;

/** Drop the kept answers, when a filing is done (see forgetRecentNumbers). */
export function forgetRecentShingles(): void {
  recent.clear();
}

function segment(text: string): ReadonlySet<string> {
  const list = words(text);
  if (list.length < 2) return new Set(list);
  const out = new Set<string>();
  for (let i = 0; i + 1 < list.length; i++) out.add(`${list[i]}\u0001${list[i + 1]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Two texts at or above this Jaccard similarity of word bigrams are near-duplicates. One changed word in a
 * 40-word paragraph changes about two bigrams of forty (≈ 0.9); rewording half of it falls well below.
 */
export const NEAR_DUPLICATE = 0.8;

/** Text reduced to what matters for equality: no spaces, punctuation or list markers. */
export function plainText(text: string): string {
  return text
    .replace(/^\s*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]、?|[一二三四五六七八九十]{1,3}[、是])/, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
