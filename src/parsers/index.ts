import path from 'node:path';
import type { Format } from '../model/document.js';
import { IngestError } from './errors.js';
import type { ParsedSource } from './parsed-source.js';
import { parseText } from './text.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';
import type { OcrHooks } from './ocr/hooks.js';
import type { OcrMode } from './ocr/hooks.js';

export const SUPPORTED_EXTENSIONS: Record<string, Format> = { '.txt': 'txt', '.docx': 'docx', '.pdf': 'pdf' };

export interface ParseLimits {
  maxPages: number;
  zip: ZipLimits;
  /** Scanned PDF pages: OCR them (auto), OCR every page (always), or refuse a scan (never). */
  ocr: OcrMode;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxPages: 2000, zip: DEFAULT_ZIP_LIMITS, ocr: 'auto' };

/** The format a path's extension claims, or null when the extension is not one we read. */
export function formatOf(filePath: string): Format | null {
  return SUPPORTED_EXTENSIONS[path.extname(filePath).toLowerCase()] ?? null;
}

/**
 * The DOCX and PDF readers are loaded at their first file: mammoth and pdf.js take ≈50 MB in every thread
 * that loads them, which a run over text files (and the main thread, which only stores) never needs.
 */
export async function parseBytes(
  format: Format,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  ocr: OcrHooks = {},
): Promise<ParsedSource> {
  switch (format) {
    case 'txt':
      return parseText(bytes);
    case 'docx':
      return (await import('./docx.js')).parseDocx(bytes, limits.zip);
    case 'pdf':
      return (await import('./pdf.js')).parsePdf(bytes, { maxPages: limits.maxPages, ocr: limits.ocr }, ocr);
  }
}

export function requireFormat(filePath: string): Format {
  const format = formatOf(filePath);
  if (format === null) {
    throw new IngestError('UNSUPPORTED_FORMAT', `extension "${path.extname(filePath) || '(none)'}"; supported: .txt, .docx, .pdf`, 'read');
  }
  return format;
}
