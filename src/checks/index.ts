import { findStructure } from '../../extractors/layout/structure.js';
import type { Finding } from '../model/finding.js';
import type { Check, CheckContext } from './check.js';
import { countMismatch } from './count-mismatch.js';
import { crossSectionMismatch } from './cross-section.js';
import { duplicates } from './duplicates.js';
import { layoutCoverage } from './layout-coverage.js';
import { missingValue } from './missing-value.js';
import { sumMismatch } from './sum-mismatch.js';
import { suspiciousValue } from './suspicious-value.js';

/** The within-filing checks, in the order their findings are listed. Adding a check is adding it here. */
export const CHECKS: Check[] = [
  sumMismatch,
  countMismatch,
  duplicates,
  crossSectionMismatch,
  missingValue,
  suspiciousValue,
  layoutCoverage,
];

/** The checks of one filing; pass the structure the extraction was read from to spare laying it out again. */
export function runChecks({
  document,
  extraction,
  structure,
}: Omit<CheckContext, 'structure'> & Partial<Pick<CheckContext, 'structure'>>): Finding[] {
  const context: CheckContext = { document, extraction, structure: structure ?? findStructure(document) };
  return CHECKS.flatMap((check) => check(context));
}
