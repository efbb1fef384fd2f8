import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/parsers/errors.js';
import { parseDocx } from '../../src/parsers/docx.js';
import { readCentralDirectory } from '../../src/parsers/zip-guard.js';
import { samplePath } from '../helpers/paths.js';
import { docxOf } from './zip.js';

async function failureOf(bytes: Uint8Array): Promise<IngestError | null> {
  try {
    await parseDocx(bytes);
    return null;
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
}

describe('DOCX integrity: every entry inflated to its declared size and CRC-32', () => {
  it('refuses every single-bit flip in word/document.xml’s deflate data as CORRUPT_DOCX naming the entry', async () => {
    const original = readFileSync(samplePath('docx'));
    const entry = readCentralDirectory(original).find((e) => e.name === 'word/document.xml');
    expect(entry).toBeDefined();
    const { dataStart, compressedSize } = entry!;
    const flips = 60;
    const outcomes: string[] = [];
    for (let i = 0; i < flips; i++) {
      const bytes = Buffer.from(original);
      // spread over the whole stream, skipping the first bytes (a flip in the block header is the easy case)
      const at = dataStart + 16 + Math.floor(((compressedSize - 17) * i) / flips);
      bytes[at] ^= 1 << (i % 8);
      const failure = await failureOf(bytes);
      outcomes.push(failure === null ? `ok at ${at}` : `${failure.code}: ${failure.detail}`);
    }
    const wrong = outcomes.filter((o) => !/^CORRUPT_DOCX: word\/document\.xml/.test(o));
    expect(wrong).toEqual([]);
  });

  it('refuses a damaged entry that the reader never parses (an image)', async () => {
    const image = Buffer.alloc(5000, 7);
    const bytes = docxOf(['正文'], [{ name: 'word/media/image1.png', data: image }]);
    const entry = readCentralDirectory(bytes).find((e) => e.name === 'word/media/image1.png')!;
    bytes[entry.dataStart + 2] ^= 0x10;
    const failure = await failureOf(bytes);
    expect(failure?.code).toBe('CORRUPT_DOCX');
    expect(failure?.detail).toMatch(/^word\/media\/image1\.png/);
  });

  it('reads an honest, repetitive 7 MB document.xml (deflated more than 200×)', async () => {
    const paragraph = '项目资金用于设备购置，人均不低于100元。';
    const bytes = docxOf(Array.from({ length: 80_000 }, () => paragraph));
    const xmlSize = readCentralDirectory(bytes).find((e) => e.name === 'word/document.xml')!.uncompressedSize;
    expect(xmlSize).toBeGreaterThan(7 * 1000 * 1000);
    expect(xmlSize / bytes.length).toBeGreaterThan(200);
    const parsed = await parseDocx(bytes);
    expect(parsed.sourceText.startsWith(paragraph)).toBe(true);
  });

  it('refuses an archive of more entries than the limit, whatever their size', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `customXml/item${i}.bin`, data: Buffer.from('x') }));
    const failure = await failureOf(docxOf(['正文'], many));
    expect(failure?.code).toBe('ZIP_BOMB');
    expect(failure?.detail).toMatch(/10004 entries, limit 10000/);
  });
});
