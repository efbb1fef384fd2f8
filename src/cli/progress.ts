import type { RunStats } from '../pipeline/run-stats.js';

export interface ProgressOptions {
  /** Where the progress goes (standard error). */
  stream: NodeJS.WriteStream;
  /** A terminal: one line redrawn in place. Otherwise plain lines, one every `plainEveryMs`. */
  live: boolean;
  plainEveryMs: number;
}

const LIVE_EVERY_MS = 200;
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Progress of an ingest: files done / total, filings/s, pages/s, failures, ETA. On a terminal one status
 * line is redrawn in place below the per-file lines; in a log (not a terminal) a plain line is written every
 * few seconds, without carriage returns or escape codes.
 */
export class ProgressReporter {
  private readonly started = performance.now();
  private total: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private shown = false;

  constructor(
    private readonly stats: RunStats,
    private readonly options: ProgressOptions,
  ) {}

  /** The number of files, once a separate walk has counted them; until then the total shows as "?". */
  setTotal(total: number): void {
    this.total = total;
  }

  start(): void {
    const every = this.options.live ? LIVE_EVERY_MS : this.options.plainEveryMs;
    this.timer = setInterval(() => this.draw(), every);
    this.timer.unref();
  }

  /** Write a per-file line to `out` above the live status line, which is drawn again below it. */
  fileLine(out: NodeJS.WritableStream, line: string): void {
    const live = this.shown;
    this.clear();
    out.write(`${line}\n`);
    if (live) this.drawLive();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  status(): string {
    const { stats } = this;
    const seconds = (performance.now() - this.started) / 1000;
    const parts = [
      `${stats.files}/${this.total ?? '?'} files`,
      `${rate(stats.ingested, seconds)} filings/s`,
      `${rate(stats.pages, seconds)} pages/s`,
      `${stats.failed} failed`,
    ];
    if (this.total !== null && stats.files > 0 && seconds > 0) {
      parts.push(`ETA ${duration(((this.total - stats.files) * seconds) / stats.files)}`);
    }
    return parts.join(', ');
  }

  private draw(): void {
    if (this.options.live) this.drawLive();
    else this.options.stream.write(`progress: ${this.status()}\n`);
  }

  private drawLive(): void {
    const { stream } = this.options;
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(CLEAR_LINE + this.status().slice(0, width));
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown) return;
    this.options.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}

function rate(count: number, seconds: number): string {
  if (seconds <= 0) return '0';
  const perSecond = count / seconds;
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** 95 → "1m35s", 4000 → "1h06m". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
