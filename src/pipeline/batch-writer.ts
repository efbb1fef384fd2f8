import { IngestError } from '../parsers/errors.js';
import type { ErrorRow, FilingStore } from '../store/database.js';
import type { FileEvent } from './events.js';
import type { FilingRecord } from '../store/record.js';

export interface BatchLimits {
  /** Filings and errors per transaction. */
  maxItems: number;
  /** Characters of text held before a commit is forced: bounds memory whatever the files' sizes. */
  maxChars: number;
  /** Longest time a finished file waits for its commit: a slow trickle of files is still committed. */
  maxDelayMs: number;
}

/**
 * Few filings per commit: the main thread cannot hand files to the workers while it commits, so a long
 * commit leaves them idle (32 filings took ≈200 ms). One commit per filing would cost a WAL frame each.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxItems: 8, maxChars: 16_000_000, maxDelayMs: 250 };

type Pending = { kind: 'filing'; record: FilingRecord } | { kind: 'error'; row: ErrorRow };

/**
 * The one writer: the main thread collects finished files and commits them several at a time, each filing
 * still atomic (see FilingStore.saveFilings). A file's event is emitted only once its commit is done, so
 * what the caller reports as ingested is in the database, and a run killed at any moment loses at most the
 * uncommitted batch, which the next run processes again.
 */
export class BatchWriter {
  private pending: Pending[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private broken = false;

  constructor(
    private readonly store: FilingStore,
    private readonly onStored: (event: FileEvent) => void,
    /** A commit failed (the database stayed locked, the disk is full): the run cannot go on. */
    private readonly onFatal: (error: unknown) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  addFiling(record: FilingRecord): void {
    this.add({ kind: 'filing', record }, record.document.text.length + record.document.sourceText.length);
  }

  addError(row: ErrorRow): void {
    this.add({ kind: 'error', row }, row.message.length);
  }

  /** Commit everything pending. Throws when the commit fails; nothing pending is reported as stored then. */
  flush(): void {
    this.clearTimer();
    if (this.broken || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const started = performance.now();
    let events: FileEvent[];
    try {
      events = this.store.transaction(() => this.write(batch));
    } catch (error) {
      this.broken = true;
      throw error;
    }
    const storeMs = (performance.now() - started) / batch.length;
    for (const event of events) {
      if (event.status === 'ok') event.timings.store = storeMs;
      this.onStored(event);
    }
  }

  /** Inside the batch's transaction: the filings (each in its savepoint), then the error rows, including those of filings that could not be stored. */
  private write(batch: Pending[]): FileEvent[] {
    const records = batch.flatMap((item) => (item.kind === 'filing' ? [item.record] : []));
    const errors = batch.flatMap((item) => (item.kind === 'error' ? [item.row] : []));
    const events: FileEvent[] = [];
    this.store.saveFilings(records).forEach((result, i) => {
      if ('filingId' in result) events.push(okEvent(records[i], result.filingId));
      else errors.push(storeErrorRow(records[i], result.error));
    });
    for (const row of errors) {
      this.store.recordError(row);
      events.push(errorEvent(row));
    }
    return events;
  }

  /** Stop the timer; what is still pending is dropped (call flush first to keep it). */
  close(): void {
    this.clearTimer();
    this.pending = [];
  }

  private add(item: Pending, chars: number): void {
    if (this.broken) return;
    this.pending.push(item);
    this.pendingChars += chars;
    if (this.pending.length >= this.limits.maxItems || this.pendingChars >= this.limits.maxChars) {
      this.flushOrFail();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flushOrFail();
    }, this.limits.maxDelayMs);
  }

  /** A commit that fails while files are still coming in stops the run (the caller of add is a file, not the run). */
  private flushOrFail(): void {
    try {
      this.flush();
    } catch (error) {
      this.onFatal(error);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function storeErrorRow(record: FilingRecord, error: Error): ErrorRow {
  const failure = new IngestError('INTERNAL', error.message, 'store');
  return { path: record.file.path, sha256: record.file.sha256, stage: 'store', code: failure.code, message: failure.message };
}

function okEvent(record: FilingRecord, filingId: number): FileEvent & { status: 'ok' } {
  const { file, document } = record;
  return {
    status: 'ok',
    path: file.path,
    format: file.format,
    bytes: file.byteSize,
    filingId,
    pages: document.pageCount,
    blocks: document.blocks.length,
    warnings: document.messages.length,
    projects: record.extraction.projects.length,
    indicators: record.extraction.projects.reduce((n, p) => n + p.indicators.length, 0),
    findings: record.findings.filter((f) => f.severity !== 'info').length,
    coverage: record.extraction.coverage?.ratio ?? null,
    timings: record.timings,
  };
}

function errorEvent(row: ErrorRow): FileEvent {
  return { status: 'error', path: row.path, code: row.code, stage: row.stage, message: row.message };
}
