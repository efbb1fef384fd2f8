import type Database from 'better-sqlite3';
import {
  BOILERPLATE_FILINGS,
  copyFindings,
  verify,
  type CopyFinding,
  type CopyMatch,
  type IndexedParagraph,
  type StoredParagraph,
} from '../checks/copied-section.js';
import { BANDS } from '../checks/minhash.js';
import type { DocumentModel } from '../model/document.js';

/** One integer per (band, bucket): band × 2^32 + the bucket hash as unsigned. */
export function bucketKey(band: number, bucket: number): number {
  return band * 2 ** 32 + (bucket >>> 0);
}

/**
 * The cross-filing copy index in SQLite: each paragraph's LSH bucket keys, exact fingerprint and hashed
 * shingles. A bucket or fingerprint shared by as many filings as the boilerplate limit is boilerplate:
 * skipped and no longer filled; a bucket found so is also remembered (copy_saturated) and emptied, so its
 * look-up reads one row, not every filing that had it, and the cost per filing stays flat as the corpus
 * grows. Boilerplate is learnt as the corpus grows: the first filings that share a sentence are reported
 * as copies until enough filings share it, and then those findings are withdrawn.
 */
export class CopyIndex {
  private readonly statements;
  /** What the last call looked at and took: bucket rows read, candidates verified, milliseconds (the cost that must stay flat). */
  lastStats = { bucketRows: 0, verified: 0, ms: 0 };

  constructor(db: Database.Database) {
    const keys = Array.from({ length: BANDS }, () => '?').join(', ');
    this.statements = {
      // the rows of other filings in the paragraph's buckets, and a row with a null filing for each saturated one
      buckets: db.prepare(
        `SELECT bucket_key, filing_id, block_idx FROM copy_buckets WHERE bucket_key IN (${keys}) AND filing_id != ?
         UNION ALL SELECT bucket_key, NULL, NULL FROM copy_saturated WHERE bucket_key IN (${keys})`,
      ),
      fingerprint: db.prepare('SELECT DISTINCT filing_id FROM paragraph_fingerprints WHERE fingerprint = ? AND filing_id != ? LIMIT ?'),
      paragraph: db.prepare(
        `SELECT b.filing_id, f.path, b.idx, b.text, b.page, b.start, b.end, s.shingles
           FROM copy_shingles s JOIN blocks b ON b.filing_id = s.filing_id AND b.idx = s.block_idx JOIN filings f ON f.id = b.filing_id
          WHERE s.filing_id = ? AND s.block_idx = ?`,
      ),
      addBucket: db.prepare('INSERT INTO copy_buckets (bucket_key, filing_id, block_idx) VALUES (?, ?, ?)'),
      addFingerprint: db.prepare('INSERT INTO paragraph_fingerprints (fingerprint, filing_id) VALUES (?, ?)'),
      addShingles: db.prepare('INSERT INTO copy_shingles (filing_id, block_idx, shingles) VALUES (?, ?, ?)'),
      addEvidence: db.prepare('INSERT INTO copy_evidence (finding_id, bucket_key) VALUES (?, ?)'),
      withdraw: db.prepare('DELETE FROM findings WHERE id IN (SELECT finding_id FROM copy_evidence WHERE bucket_key = ?)'),
      saturate: db.prepare('INSERT OR IGNORE INTO copy_saturated (bucket_key) VALUES (?)'),
      emptyBucket: db.prepare('DELETE FROM copy_buckets WHERE bucket_key = ?'),
    };
  }

  /** Find the filing's copied paragraphs, then index it. Call inside the filing's transaction, after its blocks are stored. */
  checkAndAdd(filingId: number, document: DocumentModel, paragraphs: IndexedParagraph[]): CopyFinding[] {
    const started = performance.now();
    this.lastStats = { bucketRows: 0, verified: 0, ms: 0 };
    const matches: CopyMatch[] = [];
    /** Keys not to fill, and whose findings are withdrawn: known saturated, found saturated now, or of a boilerplate paragraph. */
    const saturated = new Set<number>();
    /** Keys found shared by the boilerplate limit of filings just now: remembered and emptied. */
    const newlySaturated = new Set<number>();
    const boilerplate = new Set<number>();
    for (const paragraph of paragraphs) {
      const keys = paragraph.bands.map((bucket, band) => bucketKey(band, bucket));
      const sharedBy = this.statements.fingerprint.all(paragraph.fingerprint, filingId, BOILERPLATE_FILINGS) as unknown[];
      if (sharedBy.length >= BOILERPLATE_FILINGS) {
        keys.forEach((key) => saturated.add(key));
        boilerplate.add(paragraph.index);
        continue;
      }
      const found = this.statements.buckets.all(...keys, filingId, ...keys) as {
        bucket_key: number;
        filing_id: number | null;
        block_idx: number | null;
      }[];
      this.lastStats.bucketRows += found.length;
      const known = found.filter((row) => row.filing_id === null).map((row) => row.bucket_key);
      const rows = found.filter((row): row is { bucket_key: number; filing_id: number; block_idx: number } => row.filing_id !== null);
      const filingsByKey = new Map<number, Set<number>>();
      for (const row of rows) filingsByKey.set(row.bucket_key, (filingsByKey.get(row.bucket_key) ?? new Set()).add(row.filing_id));
      const full = [...filingsByKey].filter(([, filings]) => filings.size >= BOILERPLATE_FILINGS).map(([key]) => key);
      if (known.length > 0 || full.length > 0) {
        known.forEach((key) => saturated.add(key));
        for (const key of full) {
          saturated.add(key);
          newlySaturated.add(key);
        }
        continue;
      }
      const candidates = new Map(rows.map((row) => [`${row.filing_id}:${row.block_idx}`, row]));
      this.lastStats.verified += candidates.size;
      const verified = [...candidates.values()]
        .map((row) => this.storedParagraph(row.filing_id, row.block_idx))
        .flatMap((other) => (other ? [verify(document, paragraph, other)] : []))
        .filter((m): m is CopyMatch => m !== null);
      if (new Set(verified.map((m) => m.other.filingId)).size >= BOILERPLATE_FILINGS) continue;
      matches.push(...verified);
    }
    for (const key of newlySaturated) {
      this.statements.saturate.run(key);
      this.statements.emptyBucket.run(key);
    }
    for (const key of saturated) this.statements.withdraw.run(key);
    for (const paragraph of paragraphs) {
      // a paragraph already known as boilerplate adds nothing: its rows would only make look-ups longer
      if (boilerplate.has(paragraph.index)) continue;
      this.statements.addFingerprint.run(paragraph.fingerprint, filingId);
      this.statements.addShingles.run(
        filingId,
        paragraph.index,
        Buffer.from(paragraph.shingles.buffer, paragraph.shingles.byteOffset, paragraph.shingles.byteLength),
      );
      paragraph.bands.forEach((bucket, band) => {
        const key = bucketKey(band, bucket);
        if (!saturated.has(key)) this.statements.addBucket.run(key, filingId, paragraph.index);
      });
    }
    const findings = copyFindings(document, paragraphs.length, matches);
    this.lastStats.ms = performance.now() - started;
    return findings;
  }

  /** Tie stored copy findings to the buckets they rest on. */
  remember(findingIds: number[], copies: CopyFinding[]): void {
    copies.forEach((copy, k) => {
      for (const [band, bucket] of copy.evidence) this.statements.addEvidence.run(findingIds[k], bucketKey(band, bucket));
    });
  }

  private storedParagraph(filingId: number, blockIndex: number): StoredParagraph | null {
    const row = this.statements.paragraph.get(filingId, blockIndex) as
      | {
          filing_id: number;
          path: string;
          idx: number;
          text: string | null;
          page: number | null;
          start: number;
          end: number;
          shingles: Buffer;
        }
      | undefined;
    if (!row || row.text === null) return null;
    const bytes = row.shingles;
    const shingles = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return {
      filingId: row.filing_id,
      path: row.path,
      blockIndex: row.idx,
      text: row.text,
      page: row.page,
      start: row.start,
      end: row.end,
      shingles,
    };
  }
}
