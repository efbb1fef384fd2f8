/**
 * How a thread takes part in OCR. Kept apart from the OCR code and the PDF reader so that a worker can know
 * these without loading pdf.js or onnxruntime.
 */

/** How a PDF's pages are read: OCR the scanned pages (auto), every page (always), or none (never: a scan is refused). */
export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

/** Said after each page OCR'd: the pipeline shows it in the progress line. */
export type OcrProgress = (done: number, total: number) => void;

export interface OcrHooks {
  onProgress?: OcrProgress;
  /**
   * This thread does not OCR: a PDF with pages to OCR is handed back (OcrNeeded) to be run where the OCR
   * session lives, so that typed files are not held up behind a scan.
   */
  defer?: boolean;
}

/** A PDF with scanned pages met where OCR is deferred; `pages` is how many pages need it. */
export class OcrNeeded extends Error {
  constructor(readonly pages: number) {
    super(`${pages} page(s) to OCR`);
    this.name = 'OcrNeeded';
  }
}
