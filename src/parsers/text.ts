import { IngestError } from './errors.js';
import { splitLines } from './source-items.js';
import type { ParsedSource } from './parsed-source.js';
import { sniff, SNIFFED_NAMES } from './sniff.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decode a text file: a BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8, then strict
 * GB18030 (a superset of GBK and GB2312). Bytes valid in neither are an error, never mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new IngestError('EMPTY_FILE', 'zero bytes', 'read');
  const kind = sniff(bytes);
  if (kind !== 'unknown') throw new IngestError('NOT_TEXT', `the content is ${SNIFFED_NAMES[kind]}`, 'read');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(strict('utf-8', bytes.subarray(3)), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(strict('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(strict('utf-16be', bytes.subarray(2)), 'utf-16be');
  if (bytes.includes(0)) {
    throw new IngestError('NOT_TEXT', 'NUL bytes: binary data, or UTF-16 without a byte-order mark', 'read');
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return checked(utf8, 'utf-8');
  const gb = strict('gb18030', bytes);
  if (gb !== null) return checked(gb, 'gb18030');
  throw new IngestError('ENCODING', 'bytes are valid neither as UTF-8 nor as GB18030/GBK', 'read');
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line breaks and form feed mean binary data decoded by luck. */
function checked(text: string | null, encoding: TextEncoding): DecodedText {
  if (text === null) throw new IngestError('ENCODING', `bytes are not valid ${encoding}`, 'read');
  const controls = text.match(/[\x00-\x08\x0b\x0e-\x1f\x7f]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 1000)) {
    throw new IngestError('NOT_TEXT', `${controls} control characters: binary data`, 'read');
  }
  if (text.trim() === '') throw new IngestError('NO_TEXT', 'only white space', 'parse');
  return { text, encoding };
}

export function parseText(bytes: Uint8Array): ParsedSource {
  const { text, encoding } = decodeText(bytes);
  return { items: splitLines(text), sourceText: text, sourceBlocks: null, physicalPageCount: null, messages: [], meta: { encoding } };
}
