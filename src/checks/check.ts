import type { Structure } from '../../extractors/layout/structure.js';
import type { DocumentModel, Source } from '../model/document.js';
import type { Extraction } from '../model/extraction.js';
import type { Finding, FindingKind, FindingLocation } from '../model/finding.js';

/** What a within-filing check sees: the document, its layout (found once for all checks) and what was extracted from it. */
export interface CheckContext {
  document: DocumentModel;
  structure: Structure;
  extraction: Extraction;
}

/** A check is a small pure function from a filing to its findings; the stage is the list of them. */
export type Check = (context: CheckContext) => Finding[];

export function at(source: Source, role: string, filingId: number | null = null): FindingLocation {
  return { ...source, role, filing_id: filingId };
}

export interface FindingInput {
  kind: FindingKind;
  severity: Finding['severity'];
  project: string | null;
  message: string;
  message_en: string;
  expected?: string | null;
  actual?: string | null;
  locations: FindingLocation[];
}

export function finding(input: FindingInput): Finding {
  return { expected: null, actual: null, ...input };
}
