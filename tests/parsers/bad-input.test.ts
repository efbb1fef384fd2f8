import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type FileEvent } from '../../src/pipeline/ingest.js';
import { makePdf } from '../helpers/pdf.js';
import { repoRoot, samplePath } from '../helpers/paths.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

/** A PDF overwritten in the middle: pdf.js rebuilds its cross-reference table and reads on, with warnings. */
function damagedPdf(): Uint8Array {
  const bytes = Buffer.from(readFileSync(samplePath('pdf')));
  const streams = [...bytes.toString('latin1').matchAll(/stream\r?\n/g)].map((m) => m.index!);
  const at = streams[1] + 20;
  for (let i = 0; i < 100; i++) bytes[at + i] = (i * 37 + 11) & 0xff;
  return bytes;
}

interface Case {
  name: string;
  file: string;
  bytes?: Uint8Array;
  code: string;
}

const CASES: Case[] = [
  { name: 'empty text file', file: 'empty.txt', bytes: new Uint8Array(), code: 'EMPTY_FILE' },
  { name: 'empty DOCX', file: 'empty.docx', bytes: new Uint8Array(), code: 'EMPTY_FILE' },
  { name: 'empty PDF', file: 'empty.pdf', bytes: new Uint8Array(), code: 'EMPTY_FILE' },
  { name: 'truncated DOCX', file: 'truncated.docx', bytes: readFileSync(samplePath('docx')).subarray(0, 9000), code: 'CORRUPT_DOCX' },
  {
    name: 'DOCX that is random bytes',
    file: 'random.docx',
    bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 97 + 13) & 0xff),
    code: 'CORRUPT_DOCX',
  },
  { name: 'PNG renamed .docx', file: 'image.docx', bytes: PNG, code: 'NOT_DOCX' },
  {
    name: 'corrupt PDF',
    file: 'corrupt.pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n%%EOF'),
    code: 'CORRUPT_PDF',
  },
  { name: 'PDF damaged in the middle', file: 'damaged.pdf', bytes: damagedPdf(), code: 'DAMAGED_PDF' },
  {
    name: 'password-protected PDF',
    file: 'encrypted.pdf',
    bytes: readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'encrypted.pdf')),
    code: 'ENCRYPTED_PDF',
  },
  { name: 'PNG renamed .pdf', file: 'image.pdf', bytes: PNG, code: 'NOT_PDF' },
  {
    name: 'scanned PDF without a text layer',
    file: 'scan.pdf',
    bytes: makePdf([{ drawing: true }, { drawing: true }]),
    code: 'NO_TEXT_LAYER',
  },
  {
    name: 'text in no supported encoding',
    file: 'mojibake.txt',
    bytes: Uint8Array.from([0xe9, 0xa2, 0x84, 0xff, 0xfe, 0x80, 0x41]),
    code: 'ENCODING',
  },
  { name: 'unsupported extension', file: 'notes.rtf', bytes: Buffer.from('{\\rtf1 预算}'), code: 'UNSUPPORTED_FORMAT' },
];

describe('bad input gets a clear error and nothing is lost', () => {
  let dir: string;
  let db: string;
  let events: FileEvent[];
  let inputs: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'filings-bad-'));
    db = path.join(dir, 'out', 'test.sqlite');
    const batch = path.join(dir, 'batch');
    mkdirSync(batch);
    for (const c of CASES) writeFileSync(path.join(batch, c.file), c.bytes!);
    writeFileSync(path.join(batch, 'good.txt'), readFileSync(samplePath('txt')));
    writeFileSync(path.join(batch, 'good.pdf'), makePdf([{ text: ['Budget performance targets 2022', 'Project A total 50 wan yuan'] }]));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(batch, 'dangling.txt'));
    // files named on the command line, the folder walked, and a path that does not exist
    inputs = [
      ...CASES.map((c) => path.join(batch, c.file)),
      path.join(batch, 'good.txt'),
      path.join(batch, 'good.pdf'),
      path.join(batch, 'dangling.txt'),
      path.join(dir, 'missing.pdf'),
    ];
    events = [];
    await ingest(inputs, { db, onFile: (e) => events.push(e) });
  });

  it.each(CASES)('$name: one error naming the file and the reason', ({ file, code }) => {
    const event = events.find((e) => e.path.endsWith(path.sep + file));
    expect(event?.status).toBe('error');
    if (event?.status !== 'error') return;
    expect(event.code).toBe(code);
    expect(event.message.length).toBeGreaterThan(10);
  });

  it('reports unreadable paths', () => {
    for (const name of ['dangling.txt', 'missing.pdf']) {
      const event = events.find((e) => e.path.endsWith(name));
      expect(event?.status === 'error' && event.code).toBe('UNREADABLE');
    }
  });

  it('records every failure in ingest_errors and ingests the rest of the batch', () => {
    const sqlite = new Database(db, { readonly: true });
    const errors = sqlite.prepare('SELECT path, code, stage, message, sha256 FROM ingest_errors').all() as {
      path: string;
      code: string;
      sha256: string | null;
    }[];
    const filings = sqlite.prepare('SELECT path, format FROM filings ORDER BY path').all() as { path: string }[];
    sqlite.close();
    expect(errors).toHaveLength(CASES.length + 2);
    for (const c of CASES) expect(errors.find((e) => e.path.endsWith(c.file))?.code).toBe(c.code);
    expect(errors.find((e) => e.path.endsWith('damaged.pdf'))?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(filings.map((f) => path.basename(f.path))).toEqual(['good.pdf', 'good.txt']);
  });

  it('names the damaged pages of a PDF damaged in the middle', () => {
    const event = events.find((e) => e.path.endsWith('damaged.pdf'));
    expect(event?.status === 'error' && event.message).toMatch(/page\(s\) (\d+, )*2\b.* damaged \(page \d+: /);
  });

  it('does nothing on a second run over the same files', async () => {
    const again: FileEvent[] = [];
    const summary = await ingest(inputs, { db, onFile: (e) => again.push(e) });
    expect(summary.ok).toBe(0);
    expect(again.filter((e) => e.status === 'skipped').length).toBe(CASES.length + 1);
    const sqlite = new Database(db, { readonly: true });
    const count = (sqlite.prepare('SELECT count(*) AS n FROM filings').get() as { n: number }).n;
    sqlite.close();
    expect(count).toBe(2);
  });
});
