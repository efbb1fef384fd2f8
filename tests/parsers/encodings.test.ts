import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/normalize/read-document.js';
import { IngestError } from '../../src/parsers/errors.js';
import { decodeText } from '../../src/parsers/text.js';
import { encodeGbk, encodeUtf16 } from '../helpers/encodings.js';
import { samplePath } from '../helpers/paths.js';

const sampleText = readFileSync(samplePath('txt'), 'utf8');
const utf8 = new Uint8Array(readFileSync(samplePath('txt')));

function errorCode(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof IngestError ? error.code : 'NOT_AN_INGEST_ERROR';
  }
}

describe('text encodings', () => {
  const copies: [string, Uint8Array, string][] = [
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8-bom'],
    ['UTF-16 LE with BOM', encodeUtf16(sampleText, 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', encodeUtf16(sampleText, 'be'), 'utf-16be'],
    ['GBK', encodeGbk(sampleText), 'gb18030'],
  ];

  it.each(copies)('%s gives exactly the text of the UTF-8 original', async (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(sampleText);
    const [original, copy] = await Promise.all([readDocument('txt', utf8), readDocument('txt', bytes)]);
    expect(copy.text).toBe(original.text);
    expect(copy.blocks).toEqual(original.blocks);
  });

  it('reads plain UTF-8 as UTF-8 even when it would also decode as GB18030', () => {
    expect(decodeText(new TextEncoder().encode('预算绩效目标')).encoding).toBe('utf-8');
  });

  it('refuses bytes that are valid in no supported encoding instead of producing mojibake', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('预算'), 0xff, 0xff, 0x80, ...new TextEncoder().encode('目标')]);
    expect(errorCode(() => decodeText(bytes))).toBe('ENCODING');
  });

  it('refuses binary data and UTF-16 without a byte-order mark', () => {
    expect(errorCode(() => decodeText(Uint8Array.from(Buffer.from('2022年预算\n', 'utf16le'))))).toBe('NOT_TEXT');
    expect(errorCode(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])))).toBe('NOT_TEXT');
    expect(errorCode(() => decodeText(new Uint8Array()))).toBe('EMPTY_FILE');
    expect(errorCode(() => decodeText(new TextEncoder().encode(' \n\t\n')))).toBe('NO_TEXT');
  });
});
