import path from 'node:path';
import type { Format } from '../model/document.js';
import { parseDocx } from './docx.js';
import { IngestError } from './errors.js';
import type { ParsedSource } from './parsed-source.js';
import { parsePdf } from './pdf.js';
import { parseText } from './text.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

export const SUPPORTED_EXTENSIONS: Record<string, Format> = { '.txt': 'txt', '.docx': 'docx', '.pdf': 'pdf' };

export interface ParseLimits {
  maxPages: number;
  zip: ZipLimits;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxPages: 2000, zip: DEFAULT_ZIP_LIMITS };

/** The format a path's extension claims, or null when the extension is not one we read. */
export function formatOf(filePath: string): Format | null {
  return SUPPORTED_EXTENSIONS[path.extname(filePath).toLowerCase()] ?? null;
}

export async function parseBytes(format: Format, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedSource> {
  switch (format) {
    case 'txt':
      return parseText(bytes);
    case 'docx':
      return parseDocx(bytes, limits.zip);
    case 'pdf':
      return parsePdf(bytes, { maxPages: limits.maxPages });
  }
}

export function requireFormat(filePath: string): Format {
  const format = formatOf(filePath);
  if (format === null) {
    throw new IngestError('UNSUPPORTED_FORMAT', `extension "${path.extname(filePath) || '(none)'}"; supported: .txt, .docx, .pdf`, 'read');
  }
  return format;
}
