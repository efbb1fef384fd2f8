import type { ErrorCode, IngestStage } from '../parsers/errors.js';
import type { ParseLimits } from '../parsers/index.js';
import type { FileFacts, FilingRecord } from '../store/record.js';

/** Main thread → worker: process one file. The bytes are copied: the main thread keeps them until the file is done. */
export interface WorkerJob {
  id: number;
  file: FileFacts;
  bytes: Uint8Array;
  limits: ParseLimits;
  /** Run by the OCR worker: scanned pages are read here. Elsewhere a PDF with scanned pages is handed back. */
  ocr: boolean;
}

/** Why a file failed, as plain data: an IngestError does not survive structured cloning as a class. */
export interface JobFailure {
  code: ErrorCode;
  stage: IngestStage;
  detail: string;
}

/**
 * Worker → main thread. `ready` is sent once the worker's modules are loaded; `started` when a job leaves
 * the worker's queue (its timeout runs from then).
 */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; record: FilingRecord }
  | { type: 'failed'; id: number; failure: JobFailure }
  /** The file has scanned pages and this is not the OCR worker: the pool gives it to the OCR worker. */
  | { type: 'needs-ocr'; id: number; pages: number }
  /** The OCR worker finished a page. */
  | { type: 'ocr-page'; id: number; done: number; total: number };

/**
 * Test hook, read by the worker: a file whose base name equals this variable's value never finishes
 * processing, the way a pathological PDF would hang pdf.js. It lets tests exercise the per-file timeout
 * without a real pathological file; unset (always, outside tests) it does nothing.
 */
export const HANG_ON_ENV = 'FILINGS_TEST_HANG_ON';
