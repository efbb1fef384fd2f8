import type { ErrorRow } from '../store/database.js';
import type { Committed, Store } from '../store/store.js';
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
 * still atomic (see Store.commit). A file's event is emitted only once its commit is done, so what the
 * caller reports as ingested is in the database, and a run killed at any moment loses at most the
 * uncommitted batch, which the next run processes again. Commits run one after another; SQLite does each
 * at once on the main thread, PostgreSQL while the workers go on.
 */
export class BatchWriter {
  private pending: Pending[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private broken = false;
  /** The last commit started: the next one waits for it. */
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly onStored: (event: FileEvent) => void,
    /** A commit failed (the database stayed locked, the disk is full): the run cannot go on. */
    private readonly onFatal: (error: unknown) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  /** Resolves at once, or, when this filing fills a batch, once that batch is committed: a slow database holds the files back. */
  addFiling(record: FilingRecord): Promise<void> {
    return this.add({ kind: 'filing', record }, record.document.text.length + record.document.sourceText.length);
  }

  addError(row: ErrorRow): Promise<void> {
    return this.add({ kind: 'error', row }, row.message.length);
  }

  /** Commit everything pending. Rejects when the commit fails; nothing pending is reported as stored then. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.broken || this.pending.length === 0) return this.committing;
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    this.committing = this.committing.then(() => this.commit(batch));
    return this.committing;
  }

  private async commit(batch: Pending[]): Promise<void> {
    const records = batch.flatMap((item) => (item.kind === 'filing' ? [item.record] : []));
    const errors = batch.flatMap((item) => (item.kind === 'error' ? [item.row] : []));
    const started = performance.now();
    let committed: Committed;
    try {
      committed = await this.store.commit(records, errors);
    } catch (error) {
      this.broken = true;
      throw error;
    }
    const storeMs = (performance.now() - started) / batch.length;
    committed.filings.forEach((result, i) => {
      if ('filingId' in result) this.onStored(okEvent(records[i], result.filingId, storeMs));
    });
    for (const row of committed.errors) this.onStored(errorEvent(row));
  }

  /** Stop the timer and drop what is still pending (flush first to keep it); resolves once a commit in progress has ended. */
  close(): Promise<void> {
    this.clearTimer();
    this.pending = [];
    return this.committing.catch(() => {});
  }

  private add(item: Pending, chars: number): Promise<void> {
    if (this.broken) return Promise.resolve();
    this.pending.push(item);
    this.pendingChars += chars;
    if (this.pending.length >= this.limits.maxItems || this.pendingChars >= this.limits.maxChars) return this.flushOrFail();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flushOrFail();
    }, this.limits.maxDelayMs);
    return Promise.resolve();
  }

  /** A commit that fails while files are still coming in stops the run (the caller of add is a file, not the run). */
  private flushOrFail(): Promise<void> {
    return this.flush().catch(this.onFatal);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function okEvent(record: FilingRecord, filingId: number, storeMs: number): FileEvent & { status: 'ok' } {
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
    timings: { ...record.timings, store: storeMs },
  };
}

function errorEvent(row: ErrorRow): FileEvent {
  return { status: 'error', path: row.path, code: row.code, stage: row.stage, message: row.message };
}
