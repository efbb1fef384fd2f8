import type { DocumentModel, Format } from '../model/document.js';
import type { Extraction } from '../model/extraction.js';
import type { IndexedParagraph } from '../checks/copied-section.js';
import type { Finding } from '../model/finding.js';

/** Facts about the file itself, known before parsing. */
export interface FileFacts {
  path: string;
  sha256: string;
  byteSize: number;
  format: Format;
}

export const STAGES = ['read', 'parse', 'normalize', 'extract', 'check', 'store'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimings = Partial<Record<Stage, number>>;

/** Everything the CPU-bound part of the pipeline produces for one file; the writer stores it in one transaction. */
export interface FilingRecord {
  file: FileFacts;
  document: DocumentModel;
  meta: Record<string, string | number>;
  extraction: Extraction;
  /** Findings of the within-filing checks; findings across filings are added when the record is stored. */
  findings: Finding[];
  /** The paragraphs to compare with other filings, prepared here so that the writer does no segmentation. */
  copyParagraphs: IndexedParagraph[];
  timings: StageTimings;
}
