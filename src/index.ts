/** The library: what the CLI uses, for programs that ingest filings themselves. */
export { ingest, type IngestOptions, type IngestSummary, type FileEvent } from './pipeline/ingest.js';
export { processFile } from './pipeline/process.js';
export { readDocument } from './normalize/read-document.js';
export { normalize } from './normalize/normalize.js';
export { toSourceOffset, toSourceSpan } from './normalize/mapped-text.js';
export { parseBytes, formatOf, SUPPORTED_EXTENSIONS } from './parsers/index.js';
export { decodeText } from './parsers/text.js';
export { IngestError, ERROR_CODES, type ErrorCode } from './parsers/errors.js';
export { FilingStore, DEFAULT_DB_PATH } from './store/database.js';
export { openStore, dbTarget } from './store/open.js';
export type { Store } from './store/store.js';
export * from './model/document.js';
