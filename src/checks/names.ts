import { coreName } from '../../extractors/layout/structure.js';

/** Fuzzy matching of names and goal texts that the same filing spells differently. */

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((ch, i) => chars[i] + ch);
}

/** Dice similarity of character bigrams, 1 when one text contains the other. */
export function similarity(a: string, b: string): number {
  const x = a.replace(/[\s\p{P}\p{S}]/gu, '');
  const y = b.replace(/[\s\p{P}\p{S}]/gu, '');
  if (!x || !y) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const left = bigrams(x);
  const right = new Map<string, number>();
  for (const g of bigrams(y)) right.set(g, (right.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of left) {
    const n = right.get(g) ?? 0;
    if (n > 0) {
      shared++;
      right.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + bigrams(y).length);
}

/** Similarity of a project's names to a name, on the names' cores (社区矫正基地维护费用 ~ 社区矫正基地维护项目). */
export function nameScore(name: string, candidates: string[]): number {
  const core = coreName(name);
  return Math.max(
    0,
    ...candidates.map((c) => {
      const other = coreName(c);
      if (core === other) return 2;
      return similarity(core, other);
    }),
  );
}

/**
 * Pair each left name with the best right one, best scores first, each side used once: 社区矫正 goes to
 * 社区矫正经费项目 (same core) rather than 社区矫正基地维护项目 (which contains it).
 */
export function pairByName<L, R>(left: L[], right: R[], leftName: (l: L) => string, rightNames: (r: R) => string[], min = 0.5): [L, R][] {
  const scored: { l: number; r: number; score: number }[] = [];
  left.forEach((l, i) => right.forEach((r, j) => scored.push({ l: i, r: j, score: nameScore(leftName(l), rightNames(r)) })));
  scored.sort((a, b) => b.score - a.score);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pairs: [L, R][] = [];
  for (const { l, r, score } of scored) {
    if (score < min || usedL.has(l) || usedR.has(r)) continue;
    usedL.add(l);
    usedR.add(r);
    pairs.push([left[l], right[r]]);
  }
  return pairs;
}
