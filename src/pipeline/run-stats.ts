import type { Format } from '../model/document.js';
import type { FileEvent } from './events.js';
import { STAGES, type Stage } from '../store/record.js';

export interface FormatTotals {
  ingested: number;
  pages: number;
  bytes: number;
}

/** Running totals of an ingest, from its file events: what progress lines, summaries and the benchmark report. */
export class RunStats {
  files = 0;
  ingested = 0;
  skipped = 0;
  failed = 0;
  pages = 0;
  bytes = 0;
  readonly failures: Record<string, number> = {};
  /** Summed over ingested files; parse to check run in workers, so with N workers they add up to ~N × the wall time. */
  readonly stageMs: Record<Stage, number> = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  readonly byFormat: Record<Format, FormatTotals> = {
    txt: { ingested: 0, pages: 0, bytes: 0 },
    docx: { ingested: 0, pages: 0, bytes: 0 },
    pdf: { ingested: 0, pages: 0, bytes: 0 },
  };

  add(event: FileEvent): void {
    this.files++;
    if (event.status === 'skipped') {
      this.skipped++;
      return;
    }
    if (event.status === 'error') {
      this.failed++;
      this.failures[event.code] = (this.failures[event.code] ?? 0) + 1;
      return;
    }
    this.ingested++;
    this.pages += event.pages ?? 0;
    this.bytes += event.bytes;
    const format = this.byFormat[event.format];
    format.ingested++;
    format.pages += event.pages ?? 0;
    format.bytes += event.bytes;
    for (const stage of STAGES) this.stageMs[stage] += event.timings[stage] ?? 0;
  }
}
