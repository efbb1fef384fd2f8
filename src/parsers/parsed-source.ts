import type { Message } from '../model/document.js';
import type { SourceItem } from './source-items.js';

/** What every parser returns: the file's lines and tables tied to its source text, plus what it noticed. */
export interface ParsedSource {
  items: SourceItem[];
  sourceText: string;
  /** DOCX: where each source paragraph or cell starts in sourceText. */
  sourceBlocks: number[] | null;
  physicalPageCount: number | null;
  messages: Message[];
  /** Format-specific facts worth storing (encoding, producer…). */
  meta: Record<string, string | number>;
}
