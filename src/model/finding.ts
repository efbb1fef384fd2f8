import { z } from 'zod';
import { Source } from './document.js';

/** A located side of a finding: where the text says what the finding compares. */
export const FindingLocation = Source.extend({
  /** What this side is: "declared total", "item", "summary", "detail"… */
  role: z.string(),
  /** The other filing, for findings across filings (copied sections). */
  filing_id: z.number().int().nullable().default(null),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

export const FindingKind = z.enum([
  'sum_mismatch',
  'count_mismatch',
  'duplicate_section',
  'duplicate_item',
  'copied_section',
  'cross_section_mismatch',
  'missing_value',
  'suspicious_value',
  'unrecognised_layout',
  'no_project_targets',
]);
export type FindingKind = z.infer<typeof FindingKind>;

export const Finding = z.object({
  kind: FindingKind,
  severity: z.enum(['error', 'warning', 'info']),
  project: z.string().nullable(),
  /** Chinese, for the reviewers. */
  message: z.string(),
  message_en: z.string(),
  /** For sums: the declared total and the computed sum as exact 万元 decimal strings; for counts, the counts. */
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  locations: z.array(FindingLocation),
});
export type Finding = z.infer<typeof Finding>;
