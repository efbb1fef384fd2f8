import type { Format } from '../model/document.js';
import type { StageTimings } from '../store/record.js';

/** What became of one file, reported once its outcome is committed (or, for a skipped file, decided). */
export type FileEvent =
  | {
      status: 'ok';
      path: string;
      format: Format;
      bytes: number;
      filingId: number;
      pages: number | null;
      blocks: number;
      warnings: number;
      projects: number;
      indicators: number;
      findings: number;
      /** Share of the filing's evidence the extraction accounted for (see Extraction.coverage); null if not measured. */
      coverage: number | null;
      timings: StageTimings;
    }
  | { status: 'skipped'; path: string; reason: string }
  | { status: 'error'; path: string; code: string; stage: string; message: string };
