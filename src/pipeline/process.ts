import { extractWithStructure } from '../../extractors/index.js';
import { forgetRecentNumbers } from '../../extractors/text/numbers.js';
import { paragraphsOf } from '../checks/copied-section.js';
import { runChecks } from '../checks/index.js';
import { forgetRecentShingles } from '../checks/similarity.js';
import { normalize } from '../normalize/normalize.js';
import { DEFAULT_PARSE_LIMITS, parseBytes, type ParseLimits } from '../parsers/index.js';
import { IngestError, asIngestError } from '../parsers/errors.js';
import { OcrNeeded, type OcrHooks } from '../parsers/ocr/hooks.js';
import type { FileFacts, FilingRecord, Stage, StageTimings } from '../store/record.js';

/**
 * The CPU-bound part of ingesting one file: parse, normalize, extract, check. Pure with respect to the
 * database, so it can run in a worker thread; the caller stores the record.
 */
export async function processFile(
  file: FileFacts,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  ocr: OcrHooks = {},
): Promise<FilingRecord> {
  const timings: StageTimings = {};
  let stage: Stage = 'parse';
  const timed = async <T>(name: Stage, work: () => T | Promise<T>): Promise<T> => {
    stage = name;
    const started = performance.now();
    const value = await work();
    timings[name] = (timings[name] ?? 0) + performance.now() - started;
    return value;
  };
  try {
    const parsed = await timed('parse', () => parseBytes(file.format, bytes, limits, ocr));
    const document = await timed('normalize', () =>
      normalize({
        format: file.format,
        items: parsed.items,
        sourceText: parsed.sourceText,
        sourceBlocks: parsed.sourceBlocks,
        physicalPageCount: parsed.physicalPageCount,
        messages: parsed.messages,
      }),
    );
    if (document.text.trim() === '') throw new IngestError('NO_TEXT', 'nothing left after normalisation', 'normalize');
    // the PDF parser refuses too many physical pages before reading them; a TXT's pages are known once its
    // printed page numbers are found, and are held to the limit before extraction and checks run
    if (document.pageCount !== null && document.pageCount > limits.maxPages) {
      throw new IngestError('TOO_MANY_PAGES', `${document.pageCount} pages, limit ${limits.maxPages}`, 'normalize');
    }
    const { extraction, structure } = await timed('extract', () => extractWithStructure(document));
    const findings = await timed('check', () => runChecks({ document, extraction, structure }));
    const copyParagraphs = await timed('check', () => paragraphsOf(document));
    return { file, document, meta: parsed.meta, extraction, findings, copyParagraphs, timings };
  } catch (error) {
    // a scan met where OCR is deferred is not a failure: the worker hands the file to the OCR worker
    throw error instanceof IngestError || error instanceof OcrNeeded ? error : asIngestError(error, stage);
  } finally {
    // the caches serve one filing's repeated questions; kept across files they only hold memory
    forgetRecentNumbers();
    forgetRecentShingles();
  }
}
