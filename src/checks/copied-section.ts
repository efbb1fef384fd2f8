import { locate } from '../model/locate.js';
import type { Block, DocumentModel, Source } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { at, finding } from './check.js';
import { bandKeys, hash32, signature } from './minhash.js';
import { NEAR_DUPLICATE, plainText, shingles } from './similarity.js';

/**
 * Paragraphs of one filing found nearly verbatim in another filing already stored (another department,
 * another year). The lookup goes through an LSH index (see src/store/copy-index.ts); this module holds
 * what a paragraph is for that purpose and how matches become findings.
 */

/** Too short to tell a copy from a common phrase. */
export const MIN_PARAGRAPH_CHARS = 30;
/**
 * A paragraph found in at least this many other filings is boilerplate the whole corpus shares
 * ("上述工作活动的绩效目标、指标和评价标准具体设置情况详见列表。"), not a copy.
 */
export const BOILERPLATE_FILINGS = 4;
/** When this share of a filing's paragraphs match one other filing, it is that filing again (another rendering or version). */
export const SAME_FILING_SHARE = 0.6;

/**
 * What the copy index needs of a paragraph, computed where the filing is processed (a worker), so that
 * the single writer does no word segmentation: its block, its exact-text fingerprint, its LSH band keys
 * and its shingles as sorted 32-bit hashes (for the exact similarity check, and to be stored).
 */
export interface IndexedParagraph {
  index: number;
  fingerprint: number;
  bands: number[];
  shingles: Uint32Array;
}

export function paragraphsOf(document: DocumentModel): IndexedParagraph[] {
  const out: IndexedParagraph[] = [];
  document.blocks.forEach((block, index) => {
    if (block.type === 'table' || block.type === 'heading') return;
    const plain = plainText(block.text);
    if (plain.length < MIN_PARAGRAPH_CHARS) return;
    const hashes = hashedShingles(shingles(block.text));
    out.push({ index, fingerprint: hash32(plain) | 0, bands: bandKeys(signature(hashes)), shingles: hashes });
  });
  return out;
}

function hashedShingles(set: ReadonlySet<string>): Uint32Array {
  return Uint32Array.from(new Set([...set].map((s) => hash32(s)))).sort();
}

/** Jaccard similarity of two sorted hash sets. */
export function hashedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 1 : shared / union;
}

export interface StoredParagraph {
  filingId: number;
  path: string;
  blockIndex: number;
  text: string;
  page: number | null;
  start: number;
  end: number;
  shingles: Uint32Array;
}

export interface CopyMatch {
  paragraph: IndexedParagraph;
  block: Exclude<Block, { type: 'table' }>;
  other: StoredParagraph;
  similarity: number;
}

/** Verify a candidate the index proposed: the Jaccard similarity of the two paragraphs' shingles. */
export function verify(document: DocumentModel, paragraph: IndexedParagraph, other: StoredParagraph): CopyMatch | null {
  const similarity = hashedJaccard(paragraph.shingles, other.shingles);
  const block = document.blocks[paragraph.index];
  if (similarity < NEAR_DUPLICATE || block.type === 'table') return null;
  return { paragraph, block, other, similarity };
}

export interface CopyFinding {
  finding: Finding;
  /** The LSH buckets of the paragraphs it rests on, as [band, bucket]. */
  evidence: [number, number][];
}

const evidenceOf = (list: CopyMatch[]): [number, number][] =>
  list.flatMap((m) => m.paragraph.bands.map((bucket, band): [number, number] => [band, bucket]));

/** Matches become findings: one per other filing and run of paragraphs, or one info when the filing is another's twin. */
export function copyFindings(document: DocumentModel, paragraphs: number, matches: CopyMatch[]): CopyFinding[] {
  const byFiling = new Map<number, CopyMatch[]>();
  for (const m of matches) byFiling.set(m.other.filingId, [...(byFiling.get(m.other.filingId) ?? []), m]);
  const findings: CopyFinding[] = [];
  for (const [filingId, list] of byFiling) {
    const distinct = new Set(list.map((m) => m.paragraph.index)).size;
    const otherPath = list[0].other.path;
    if (paragraphs > 0 && distinct / paragraphs >= SAME_FILING_SHARE) {
      findings.push({
        evidence: [],
        finding: finding({
          kind: 'copied_section',
          severity: 'info',
          project: null,
          message: `本文件与已入库文件#${filingId}（${otherPath}）的${distinct}段内容几乎完全相同，可能是同一文件的另一版本或另一格式`,
          message_en: `${distinct} of ${paragraphs} paragraphs match filing #${filingId} (${otherPath}): probably the same filing in another version or format`,
          expected: null,
          actual: String(distinct),
          locations: [at(locate(document, list[0].block.start, list[0].block.end), 'this filing'), otherSide(list[0].other)],
        }),
      });
      continue;
    }
    for (const run of runs(list)) {
      const first = run[0];
      const last = run[run.length - 1];
      const here = locate(document, first.block.start, last.block.end);
      const similarity = Math.min(...run.map((m) => m.similarity));
      findings.push({
        evidence: evidenceOf(run),
        finding: finding({
          kind: 'copied_section',
          severity: 'warning',
          project: null,
          message: `${run.length}段内容与文件#${filingId}（${otherPath}）几乎逐字相同（相似度≥${similarity.toFixed(2)}）`,
          message_en: `${run.length} paragraph(s) nearly verbatim in filing #${filingId} (${otherPath}) (similarity ≥ ${similarity.toFixed(2)})`,
          expected: null,
          actual: similarity.toFixed(2),
          locations: [at(here, 'this filing'), ...run.map((m) => otherSide(m.other))],
        }),
      });
    }
  }
  return findings;
}

function otherSide(other: StoredParagraph): ReturnType<typeof at> {
  const source: Source = { page: other.page, start: other.start, end: other.end, quote: other.text };
  return at(source, 'other filing', other.filingId);
}

/** Consecutive paragraphs copied from consecutive paragraphs form one run. */
function runs(list: CopyMatch[]): CopyMatch[][] {
  const sorted = [...list].sort((a, b) => a.paragraph.index - b.paragraph.index);
  const out: CopyMatch[][] = [];
  for (const m of sorted) {
    const run = out[out.length - 1];
    const previous = run?.[run.length - 1];
    if (
      previous &&
      m.paragraph.index - previous.paragraph.index <= 2 &&
      m.other.blockIndex > previous.other.blockIndex &&
      m.other.blockIndex - previous.other.blockIndex <= 2
    )
      run.push(m);
    else if (!previous || previous.paragraph.index !== m.paragraph.index) out.push([m]);
  }
  return out;
}
