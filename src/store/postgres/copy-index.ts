import type { PoolClient } from 'pg';
import {
  BOILERPLATE_FILINGS,
  copyFindings,
  verify,
  type CopyFinding,
  type CopyMatch,
  type IndexedParagraph,
  type StoredParagraph,
} from '../../checks/copied-section.js';
import type { DocumentModel } from '../../model/document.js';
import { bucketKey } from '../copy-index.js';
import { insertRows } from './rows.js';

type BucketRow = { bucket_key: number; filing_id: number | null; block_idx: number | null };

/**
 * The cross-filing copy index in PostgreSQL: the same tables and the same decisions as the SQLite
 * CopyIndex (see there for boilerplate and saturation), so that every machine writing to one server
 * compares each filing with all the filings committed before it, whichever machine ingested them.
 *
 * Two machines committing at once would not see each other's uncommitted paragraphs and would miss the
 * copy between them: the index is updated under a transaction-level advisory lock, so filings enter it one
 * at a time (the lock is held from the look-up to the commit; parsing and extraction are not serialized).
 */
export async function checkAndAddCopies(
  client: PoolClient,
  lockKey: string,
  filingId: number,
  document: DocumentModel,
  paragraphs: IndexedParagraph[],
): Promise<CopyFinding[]> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
  // what the index holds for all of this filing's paragraphs, read in three queries rather than three per paragraph
  const sharedBy = await filingsByFingerprint(client, filingId, paragraphs);
  const lookups = paragraphs.filter((p) => (sharedBy.get(p.fingerprint) ?? 0) < BOILERPLATE_FILINGS);
  const found = await bucketRows(client, filingId, lookups);
  const stored = await storedParagraphs(client, found);
  const matches: CopyMatch[] = [];
  const saturated = new Set<number>();
  const newlySaturated = new Set<number>();
  const boilerplate = new Set<number>();
  for (const paragraph of paragraphs) {
    const keys = paragraph.bands.map((bucket, band) => bucketKey(band, bucket));
    if ((sharedBy.get(paragraph.fingerprint) ?? 0) >= BOILERPLATE_FILINGS) {
      keys.forEach((key) => saturated.add(key));
      boilerplate.add(paragraph.index);
      continue;
    }
    const own = new Set(keys);
    const mine = found.filter((row) => own.has(row.bucket_key));
    const known = mine.filter((row) => row.filing_id === null).map((row) => row.bucket_key);
    const rows = mine.filter((row): row is { bucket_key: number; filing_id: number; block_idx: number } => row.filing_id !== null);
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
    const verified: CopyMatch[] = [];
    for (const key of candidates.keys()) {
      const other = stored.get(key);
      const match = other ? verify(document, paragraph, other) : null;
      if (match) verified.push(match);
    }
    if (new Set(verified.map((m) => m.other.filingId)).size >= BOILERPLATE_FILINGS) continue;
    matches.push(...verified);
  }
  if (newlySaturated.size > 0) {
    const keys = [...newlySaturated];
    await client.query('INSERT INTO copy_saturated (bucket_key) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING', [keys]);
    await client.query('DELETE FROM copy_buckets WHERE bucket_key = ANY($1::bigint[])', [keys]);
  }
  if (saturated.size > 0)
    await client.query('DELETE FROM findings WHERE id IN (SELECT finding_id FROM copy_evidence WHERE bucket_key = ANY($1::bigint[]))', [
      [...saturated],
    ]);
  const fingerprints: number[][] = [];
  const shingles: (number | Buffer)[][] = [];
  const buckets: number[][] = [];
  for (const paragraph of paragraphs) {
    if (boilerplate.has(paragraph.index)) continue;
    fingerprints.push([paragraph.fingerprint, filingId]);
    shingles.push([
      filingId,
      paragraph.index,
      Buffer.from(paragraph.shingles.buffer, paragraph.shingles.byteOffset, paragraph.shingles.byteLength),
    ]);
    paragraph.bands.forEach((bucket, band) => {
      const key = bucketKey(band, bucket);
      if (!saturated.has(key)) buckets.push([key, filingId, paragraph.index]);
    });
  }
  await insertRows(client, 'paragraph_fingerprints', ['fingerprint', 'filing_id'], fingerprints);
  await insertRows(client, 'copy_shingles', ['filing_id', 'block_idx', 'shingles'], shingles);
  await insertRows(client, 'copy_buckets', ['bucket_key', 'filing_id', 'block_idx'], buckets);
  return copyFindings(document, paragraphs.length, matches);
}

/** Tie stored copy findings to the buckets they rest on. */
export async function rememberEvidence(client: PoolClient, findingIds: number[], copies: CopyFinding[]): Promise<void> {
  const rows = copies.flatMap((copy, k) => copy.evidence.map(([band, bucket]) => [findingIds[k], bucketKey(band, bucket)]));
  await insertRows(client, 'copy_evidence', ['finding_id', 'bucket_key'], rows);
}

/** How many other filings have each fingerprint (counted up to the boilerplate limit, which is all that matters). */
async function filingsByFingerprint(client: PoolClient, filingId: number, paragraphs: IndexedParagraph[]): Promise<Map<number, number>> {
  if (paragraphs.length === 0) return new Map();
  const { rows } = await client.query<{ fingerprint: number; n: number }>(
    `SELECT fingerprint, count(DISTINCT filing_id)::integer AS n FROM paragraph_fingerprints
      WHERE fingerprint = ANY($1::bigint[]) AND filing_id <> $2 GROUP BY fingerprint`,
    [[...new Set(paragraphs.map((p) => p.fingerprint))], filingId],
  );
  return new Map(rows.map((r) => [r.fingerprint, r.n]));
}

/**
 * The rows of other filings in the paragraphs' buckets, and a row with a null filing for each saturated
 * bucket, ordered as SQLite's primary-key look-up returns them, so that both engines report the same
 * matches in the same order.
 */
async function bucketRows(client: PoolClient, filingId: number, paragraphs: IndexedParagraph[]): Promise<BucketRow[]> {
  if (paragraphs.length === 0) return [];
  const keys = [...new Set(paragraphs.flatMap((p) => p.bands.map((bucket, band) => bucketKey(band, bucket))))];
  const { rows } = await client.query<BucketRow>(
    `SELECT * FROM (
       SELECT bucket_key, filing_id, block_idx FROM copy_buckets WHERE bucket_key = ANY($1::bigint[]) AND filing_id <> $2
       UNION ALL SELECT bucket_key, NULL, NULL FROM copy_saturated WHERE bucket_key = ANY($1::bigint[])
     ) found ORDER BY bucket_key, filing_id NULLS FIRST, block_idx`,
    [keys, filingId],
  );
  return rows;
}

/** The candidate paragraphs of other filings, by "filing:block". */
async function storedParagraphs(client: PoolClient, found: BucketRow[]): Promise<Map<string, StoredParagraph>> {
  const wanted = new Map<string, [number, number]>();
  for (const row of found)
    if (row.filing_id !== null && row.block_idx !== null) wanted.set(`${row.filing_id}:${row.block_idx}`, [row.filing_id, row.block_idx]);
  if (wanted.size === 0) return new Map();
  const pairs = [...wanted.values()];
  const { rows } = await client.query<{
    filing_id: number;
    path: string;
    idx: number;
    text: string | null;
    page: number | null;
    start: number;
    end: number;
    shingles: Buffer;
  }>(
    `SELECT b.filing_id, f.path, b.idx, b.text, b.page, b.start, b."end", s.shingles
       FROM unnest($1::bigint[], $2::integer[]) AS w(filing_id, block_idx)
       JOIN copy_shingles s ON s.filing_id = w.filing_id AND s.block_idx = w.block_idx
       JOIN blocks b ON b.filing_id = s.filing_id AND b.idx = s.block_idx JOIN filings f ON f.id = b.filing_id`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  const byKey = new Map<string, StoredParagraph>();
  for (const row of rows) {
    if (row.text === null) continue;
    const bytes = row.shingles;
    const shingles = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    byKey.set(`${row.filing_id}:${row.idx}`, {
      filingId: row.filing_id,
      path: row.path,
      blockIndex: row.idx,
      text: row.text,
      page: row.page,
      start: row.start,
      end: row.end,
      shingles,
    });
  }
  return byKey;
}
