import { readDocument } from '../../src/document.js';
import type { DocumentModel } from '../../src/model/document.js';

/** A document model from text, through the real TXT parser and normalizer (pipe tables become tables). */
export async function documentFromText(text: string): Promise<DocumentModel> {
  return readDocument('txt', new TextEncoder().encode(text));
}
