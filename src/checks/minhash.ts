/**
 * MinHash signatures and LSH bands over word shingles: near-duplicate paragraphs across thousands of
 * filings are found by looking up a few bucket keys each, never by comparing all pairs. Integer hashing
 * only (Math.imul), so signatures are the same on every machine.
 */

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

/** FNV-1a over UTF-16 units, then a murmur3 finalizer: a fast, well-mixed 32-bit string hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// as int32, the way `^` reads them
const SEEDS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15));

/** The MinHash signature of a set of shingles, given as their hash32 values (each hashed once, by the caller). */
export function signature(shingleHashes: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const base of shingleHashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix32(base ^ SEEDS[i]);
      if (value < sig[i]) sig[i] = value;
    }
  }
  return sig;
}

/** The bucket key of each band: texts with Jaccard ≥ 0.8 share at least one with probability > 0.999. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = band + 1;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix32(h ^ sig[band * ROWS_PER_BAND + r]);
    // SQLite integers are signed: keep keys in the signed 32-bit range
    keys.push(h | 0);
  }
  return keys;
}
