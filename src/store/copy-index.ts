import type Database from 'better-sqlite3';
import { BOILERPLATE_FILINGS, copyFindings, paragraphsOf, verify, type CopyFinding, type CopyMatch, type StoredParagraph } from '../checks/copied-section.js';
import type { DocumentModel } from '../model/document.js';

/**
 * The cross-filing copy index in SQLite: each paragraph's LSH band keys and exact fingerprint. Every
 * lookup is bounded (LIMIT): a bucket or fingerprint shared by more filings than the boilerplate limit
 * is boilerplate, skipped and no longer filled, so the cost per filing stays flat as the corpus grows.
 * Boilerplate is learnt as the corpus grows: the first filings that share a sentence are reported as
 * copies until enough filings share it, and then those findings are withdrawn.
 */
export class CopyIndex {
  private readonly statements;
  /** What the last call looked at: bucket rows read and candidates verified (the cost that must stay flat). */
  lastStats = { bucketRows: 0, verified: 0 };

  constructor(db: Database.Database) {
    this.statements = {
      bucket: db.prepare('SELECT filing_id, block_idx FROM copy_buckets WHERE band = ? AND bucket = ? AND filing_id != ? LIMIT ?'),
      fingerprint: db.prepare('SELECT DISTINCT filing_id FROM paragraph_fingerprints WHERE fingerprint = ? AND filing_id != ? LIMIT ?'),
      block: db.prepare(
        `SELECT b.filing_id, f.path, b.idx, b.text, b.page, b.start, b.end
           FROM blocks b JOIN filings f ON f.id = b.filing_id WHERE b.filing_id = ? AND b.idx = ?`,
      ),
      addBucket: db.prepare('INSERT INTO copy_buckets (band, bucket, filing_id, block_idx) VALUES (?, ?, ?, ?)'),
      addFingerprint: db.prepare('INSERT INTO paragraph_fingerprints (fingerprint, filing_id) VALUES (?, ?)'),
      addEvidence: db.prepare('INSERT INTO copy_evidence (finding_id, band, bucket) VALUES (?, ?, ?)'),
      withdraw: db.prepare('DELETE FROM findings WHERE id IN (SELECT finding_id FROM copy_evidence WHERE band = ? AND bucket = ?)'),
    };
  }

  /** Find the filing's copied paragraphs, then index it. Call inside the filing's transaction, after its blocks are stored. */
  checkAndAdd(filingId: number, document: DocumentModel): CopyFinding[] {
    const paragraphs = paragraphsOf(document);
    const matches: CopyMatch[] = [];
    this.lastStats = { bucketRows: 0, verified: 0 };
    const saturated = new Set<string>();
    for (const paragraph of paragraphs) {
      const sharedBy = this.statements.fingerprint.all(paragraph.fingerprint, filingId, BOILERPLATE_FILINGS) as unknown[];
      if (sharedBy.length >= BOILERPLATE_FILINGS) {
        paragraph.bands.forEach((bucket, band) => saturated.add(`${band}:${bucket}`));
        continue;
      }
      const candidates = new Map<string, { filing: number; block: number }>();
      let boilerplate = false;
      paragraph.bands.forEach((bucket, band) => {
        const rows = this.statements.bucket.all(band, bucket, filingId, BOILERPLATE_FILINGS * 4) as { filing_id: number; block_idx: number }[];
        this.lastStats.bucketRows += rows.length;
        const filings = new Set(rows.map((r) => r.filing_id));
        if (filings.size >= BOILERPLATE_FILINGS) {
          boilerplate = true;
          saturated.add(`${band}:${bucket}`);
          return;
        }
        for (const row of rows) candidates.set(`${row.filing_id}:${row.block_idx}`, { filing: row.filing_id, block: row.block_idx });
      });
      if (boilerplate) continue;
      this.lastStats.verified += candidates.size;
      const verified = [...candidates.values()]
        .map(({ filing, block }) => this.storedParagraph(filing, block))
        .flatMap((other) => (other ? [verify(paragraph, other)] : []))
        .filter((m): m is CopyMatch => m !== null);
      if (new Set(verified.map((m) => m.other.filingId)).size >= BOILERPLATE_FILINGS) continue;
      matches.push(...verified);
    }
    for (const key of saturated) {
      const [band, bucket] = key.split(':').map(Number);
      this.statements.withdraw.run(band, bucket);
    }
    for (const paragraph of paragraphs) {
      this.statements.addFingerprint.run(paragraph.fingerprint, filingId);
      paragraph.bands.forEach((bucket, band) => {
        if (!saturated.has(`${band}:${bucket}`)) this.statements.addBucket.run(band, bucket, filingId, paragraph.index);
      });
    }
    return copyFindings(document, paragraphs.length, matches);
  }

  /** Tie stored copy findings to the buckets they rest on. */
  remember(findingIds: number[], copies: CopyFinding[]): void {
    copies.forEach((copy, k) => {
      for (const [band, bucket] of copy.evidence) this.statements.addEvidence.run(findingIds[k], band, bucket);
    });
  }

  private storedParagraph(filingId: number, blockIndex: number): StoredParagraph | null {
    const row = this.statements.block.get(filingId, blockIndex) as
      | { filing_id: number; path: string; idx: number; text: string | null; page: number | null; start: number; end: number }
      | undefined;
    if (!row || row.text === null) return null;
    return { filingId: row.filing_id, path: row.path, blockIndex: row.idx, text: row.text, page: row.page, start: row.start, end: row.end };
  }
}
