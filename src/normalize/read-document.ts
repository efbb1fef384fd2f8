import type { DocumentModel, Format } from '../model/document.js';
import { normalize } from './normalize.js';
import { DEFAULT_PARSE_LIMITS, parseBytes, type ParseLimits } from '../parsers/index.js';

/** Read one file's bytes into the document model: parse, then normalize. */
export async function readDocument(
  format: Format,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<DocumentModel & { meta: Record<string, string | number> }> {
  const parsed = await parseBytes(format, bytes, limits);
  const document = normalize({
    format,
    items: parsed.items,
    sourceText: parsed.sourceText,
    sourceBlocks: parsed.sourceBlocks,
    physicalPageCount: parsed.physicalPageCount,
    messages: parsed.messages,
  });
  return { ...document, meta: parsed.meta };
}
