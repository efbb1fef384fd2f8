import { readDocument } from '../../src/normalize/read-document.js';
import type { DocumentModel } from '../../src/model/document.js';

/** A document model from text, through the real TXT parser and normalizer (pipe tables become tables). */
export async function documentFromText(text: string): Promise<DocumentModel> {
  return readDocument('txt', new TextEncoder().encode(text));
}

/** The cell texts of a document's tables, row by row. */
export function tableTexts(document: DocumentModel): string[][][] {
  return document.blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((row) => row.map((cell) => cell.text))] : []));
}
