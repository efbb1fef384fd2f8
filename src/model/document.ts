import { z } from 'zod';

/**
 * The format-free document model every parser produces (mammoth's reader → model → writer split):
 * ordered blocks whose spans index into one normalized text, plus a map from that text back to the source.
 */

export const Format = z.enum(['txt', 'docx', 'pdf']);
export type Format = z.infer<typeof Format>;

/** A half-open span [start, end) in the filing's normalized text. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

const Located = Span.extend({
  /** Page the block starts on: the PDF page, or the printed page number inferred for TXT; null where unknown (DOCX). */
  page: z.number().int().positive().nullable(),
});

export const TableCell = Located.extend({
  text: z.string(),
  rowSpan: z.number().int().positive().default(1),
  colSpan: z.number().int().positive().default(1),
  /** True for a grid position filled from a merged cell above or to the left. */
  merged: z.boolean().default(false),
});
export type TableCell = z.infer<typeof TableCell>;

export const HeadingBlock = Located.extend({ type: z.literal('heading'), level: z.number().int().min(1).max(6), text: z.string() });
export const ParagraphBlock = Located.extend({ type: z.literal('paragraph'), text: z.string() });
export const ListItemBlock = Located.extend({ type: z.literal('list_item'), marker: z.string(), text: z.string() });
export const TableBlock = Located.extend({ type: z.literal('table'), rows: z.array(z.array(TableCell)) });

export const Block = z.discriminatedUnion('type', [HeadingBlock, ParagraphBlock, ListItemBlock, TableBlock]);
export type Block = z.infer<typeof Block>;
export type TableBlock = z.infer<typeof TableBlock>;

/**
 * Normalized offset → source offset, as runs: normalized [norm, norm+length) came from source [src, src+length).
 * Characters the normalizer inserted (a newline between blocks) belong to no run and map to the next run's start.
 * For TXT and PDF the source is the decoded raw text (PDF: pages joined by "\n\f\n");
 * for DOCX it is the document's paragraphs and cells joined by "\n", with `sourceBlocks` giving each one's start.
 */
export const SourceRun = z.tuple([z.number().int(), z.number().int(), z.number().int()]);
export type SourceRun = z.infer<typeof SourceRun>;

export const PrintedPageNumber = z.object({
  /** The number as printed. */
  number: z.number().int(),
  /** Where the marker stood in the source text, and its raw text (`16`, `- 3 -`, `第3页`, `-- 3 of 24 --`). */
  sourceStart: z.number().int(),
  sourceEnd: z.number().int(),
  raw: z.string(),
  /** Physical page (PDF) it was found on; null for TXT. */
  physicalPage: z.number().int().nullable(),
});
export type PrintedPageNumber = z.infer<typeof PrintedPageNumber>;

/** A located quote: what every extracted value and finding carries. */
export const Source = z.object({
  page: z.number().int().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
});
export type Source = z.infer<typeof Source>;

/**
 * The one shape of a diagnostic about reading a file, as mammoth's and vfile's messages: a parser's
 * warning (a page it could not read well) and an extractor's note (a target that fits no indicator)
 * alike. Findings — the inconsistencies a filing contains — are the product's output and stay apart.
 */
export const Message = z.preprocess(
  upgradeLegacyMessage,
  z.object({
    /** Stable and machine-readable: PDFJS, MAMMOTH, PDF_TABLE_UNPLACED, threshold_unlinked… */
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    /** The page, where known (a parser often knows no more than that). */
    page: z.number().int().nullable().default(null),
    /** The located quote, where the message is about a stretch of the text. */
    source: Source.nullable().default(null),
  }),
);
export type Message = z.infer<typeof Message>;

/** A message about a located stretch of text. */
export function messageAt(code: string, severity: Message['severity'], message: string, source: Source): Message {
  return { code, severity, message, page: source.page, source };
}

/** Databases written before the one message shape hold `{type, code, message, page}` and notes without a severity. */
function upgradeLegacyMessage(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'severity' in value) return value;
  const legacy = value as { type?: string; source?: { page: number | null } | null; page?: number | null };
  return { ...value, severity: legacy.type ?? 'info', page: legacy.page ?? legacy.source?.page ?? null };
}

export const DocumentModel = z.object({
  format: Format,
  /** Physical pages (PDF), pages inferred from printed page numbers (TXT), or null (DOCX). */
  pageCount: z.number().int().nonnegative().nullable(),
  text: z.string(),
  blocks: z.array(Block),
  sourceText: z.string(),
  sourceRuns: z.array(SourceRun),
  /** DOCX only: start offset in sourceText of each source paragraph/cell (the "block" of a block + offset location). */
  sourceBlocks: z.array(z.number().int()).nullable(),
  printedPageNumbers: z.array(PrintedPageNumber),
  /** Page boundaries in the normalized text: page `page` starts at offset `start`. */
  pageStarts: z.array(z.object({ page: z.number().int(), start: z.number().int() })),
  messages: z.array(Message),
});
export type DocumentModel = z.infer<typeof DocumentModel>;
