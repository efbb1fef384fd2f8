/** Why a file could not be ingested. Codes are stable: they are stored in ingest_errors and documented. */
export const ERROR_CODES = {
  UNREADABLE: 'the file cannot be read',
  UNSUPPORTED_FORMAT: 'the file type is not supported',
  EMPTY_FILE: 'the file is empty',
  NOT_TEXT: 'the file is not text',
  ENCODING: 'the text is not valid in any supported encoding',
  CORRUPT_DOCX: 'the DOCX file is corrupt',
  NOT_DOCX: 'the file is not a DOCX document',
  ZIP_BOMB: 'the DOCX expands to an absurd size',
  CORRUPT_PDF: 'the PDF file is corrupt',
  NOT_PDF: 'the file is not a PDF',
  ENCRYPTED_PDF: 'the PDF is password-protected',
  DAMAGED_PDF: 'the PDF is damaged',
  NO_TEXT_LAYER: 'the PDF has no text layer (scanned?)',
  OCR_FAILED: 'the scanned pages could not be read by OCR',
  NO_TEXT: 'the document contains no text',
  TOO_LARGE: 'the file is larger than the limit',
  TOO_MANY_PAGES: 'the document has more pages than the limit',
  TIMEOUT: 'parsing took longer than the limit',
  INTERNAL: 'an unexpected error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type IngestStage = 'read' | 'parse' | 'normalize' | 'extract' | 'check' | 'store';

export class IngestError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly stage: IngestStage = 'parse',
  ) {
    super(`${ERROR_CODES[code]}: ${detail}`);
    this.name = 'IngestError';
  }
}

/** Any thrown value as an IngestError, keeping the original message. */
export function asIngestError(error: unknown, stage: IngestStage): IngestError {
  if (error instanceof IngestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IngestError('INTERNAL', message, stage);
}
