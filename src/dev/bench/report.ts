import type { Format } from '../../model/document.js';
import { STAGES, type Stage } from '../../store/record.js';
import type { ChildResult } from './ingest-run.js';
import type { ReferenceTime } from './reference.js';
import type { SizeComparison } from './sample-size.js';

/** What was measured for one format: the same files through the pipeline (1 and N workers) and through its parser alone. */
export interface FormatMeasurement {
  format: Format;
  one: ChildResult;
  many: ChildResult;
  parser: ReferenceTime;
  native: ReferenceTime | null;
}

export interface FormatFigures {
  files: number;
  failed: number;
  pages: number;
  megabytes: number;
  workers: number;
  filings_per_s: number;
  pages_per_s: number;
  mb_per_s: number;
  one_worker_filings_per_s: number;
  speedup: number;
  parser: { tool: string; filings_per_s: number };
  /**
   * CPU time per filing of the pipeline on one worker (all threads, start-up included) over the bare
   * parser's: what the pipeline costs beyond reading the format, little disturbed by other work on the
   * machine. `overhead_wall` is the same ratio in elapsed time.
   */
  overhead: number;
  overhead_wall: number;
  native: { tool: string; filings_per_s: number } | null;
  /** Of the N-worker run; null when the window is too short to mean anything (a small corpus commits in a few batches). */
  first_10pct_filings_per_s: number | null;
  last_10pct_filings_per_s: number | null;
  /** ms per filing in each stage, one worker. */
  stage_ms: Record<Stage, number>;
  peak_rss_mb: { one_worker: number; workers: number };
}

export interface ScaleCheck {
  format: Format;
  small: { files: number; peak_rss_mb: number };
  full: { files: number; peak_rss_mb: number };
}

export interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The corpus size the memory target is stated for. */
const RSS_TARGET_FILES = 10_000;

/** A commit window shorter than this (a few batches) says more about batching than about throughput. */
const MIN_WINDOW_MS = 500;

export function figuresOf(m: FormatMeasurement): FormatFigures {
  const { one, many } = m;
  const seconds = many.elapsedMs / 1000;
  const oneSeconds = one.elapsedMs / 1000;
  const edges = edgeRates(many.completions);
  return {
    files: many.files,
    failed: many.failed,
    pages: many.pages,
    megabytes: round(many.bytes / 1e6),
    workers: many.workers,
    filings_per_s: round(many.ingested / seconds),
    pages_per_s: round(many.pages / seconds),
    mb_per_s: round(many.bytes / 1e6 / seconds),
    one_worker_filings_per_s: round(one.ingested / oneSeconds),
    speedup: round(oneSeconds / seconds),
    parser: { tool: m.parser.tool, filings_per_s: round(m.parser.files / m.parser.seconds) },
    overhead: round(one.cpuSeconds / one.ingested / (m.parser.cpuSeconds / m.parser.files)),
    overhead_wall: round(oneSeconds / one.ingested / (m.parser.seconds / m.parser.files)),
    native: m.native && { tool: m.native.tool, filings_per_s: round(m.native.files / m.native.seconds) },
    first_10pct_filings_per_s: edges.first,
    last_10pct_filings_per_s: edges.last,
    stage_ms: Object.fromEntries(STAGES.map((stage) => [stage, round(one.stageMs[stage] / Math.max(1, one.ingested))])) as Record<
      Stage,
      number
    >,
    peak_rss_mb: { one_worker: Math.round(one.peakRssMb), workers: Math.round(many.peakRssMb) },
  };
}

/**
 * Filings/s over the first tenth of the commits and over the last tenth. Both are timed from a commit, so
 * that start-up (workers loading their modules and dictionaries) does not make the first tenth look slow
 * and hide a slowdown as the database grows.
 */
function edgeRates(completions: number[]): { first: number | null; last: number | null } {
  const n = completions.length;
  const k = Math.floor(n / 10);
  if (k === 0) return { first: null, last: null };
  const firstWindow = completions[k] - completions[0];
  const lastWindow = completions[n - 1] - completions[n - 1 - k];
  return {
    first: firstWindow >= MIN_WINDOW_MS ? round(k / (firstWindow / 1000)) : null,
    last: lastWindow >= MIN_WINDOW_MS ? round(k / (lastWindow / 1000)) : null,
  };
}

export function targetsOf(
  figures: Partial<Record<Format, FormatFigures>>,
  scale: ScaleCheck | null,
  workers: number,
  cpuCeiling: number | null,
  size: SizeComparison | null,
): Target[] {
  const targets: Target[] = [];
  const { txt, docx, pdf } = figures;
  if (txt) {
    // the target is for sample-sized filings: generated ones are smaller, so their rate is scaled by text size
    const sampleSized = size === null ? null : round(txt.filings_per_s * size.ratio);
    targets.push({
      target: 'TXT ≥ 300 filings/s (sample-sized)',
      measured:
        sampleSized === null
          ? `${txt.filings_per_s} generated filings/s (${workers} workers); the sample's size is unknown here`
          : `${sampleSized} sample-sized filings/s (${txt.filings_per_s} generated filings/s × ${size!.ratio}, ${workers} workers)`,
      met: sampleSized === null ? null : sampleSized >= 300,
    });
  }
  if (docx)
    targets.push({
      target: 'DOCX overhead over bare mammoth ≤ 1.3×',
      measured: `${docx.overhead}× CPU (${docx.overhead_wall}× wall)`,
      met: docx.overhead <= 1.3,
    });
  if (pdf)
    targets.push({
      target: 'PDF overhead over bare pdf-parse ≤ 1.3×',
      measured: `${pdf.overhead}× CPU (${pdf.overhead_wall}× wall)`,
      met: pdf.overhead <= 1.3,
    });
  const all = Object.values(figures);
  if (workers >= 2 && all.length > 0) {
    // time-weighted over the formats: the whole corpus on one worker against the whole corpus on N
    const oneSeconds = all.reduce((s, f) => s + f.files / Math.max(f.one_worker_filings_per_s, 1e-9), 0);
    const manySeconds = all.reduce((s, f) => s + f.files / Math.max(f.filings_per_s, 1e-9), 0);
    const speedup = round(oneSeconds / manySeconds);
    const each = Object.entries(figures)
      .map(([format, f]) => `${format} ${f.speedup}×`)
      .join(', ');
    const ceiling = cpuCeiling === null ? '' : `; this machine's ceiling ${cpuCeiling}×`;
    targets.push({
      target: `${workers} workers ≥ 1.7× one worker`,
      measured: `${speedup}× overall (${each}${ceiling})`,
      met: speedup >= 1.7,
    });
  }
  if (all.length > 0) {
    // the target is for 10,000 filings: a smaller run is reported but not judged (memory grows a little with the database)
    const largest = all.reduce((a, b) => (b.peak_rss_mb.workers > a.peak_rss_mb.workers ? b : a));
    const files = Math.max(...all.map((f) => f.files));
    const peak = largest.peak_rss_mb.workers;
    targets.push({
      target: 'peak RSS ≤ 400 MB at 10,000 filings',
      measured: `${peak} MB (largest run, ${largest.files} files)${files < RSS_TARGET_FILES ? `; judged only at ${RSS_TARGET_FILES.toLocaleString('en')} files (--count)` : ''}`,
      met: files < RSS_TARGET_FILES ? null : peak <= 400,
    });
  }
  if (!scale)
    targets.push({
      target: 'peak RSS not growing with corpus size',
      measured: 'not measured: needs --count 1000 or more with TXT',
      met: null,
    });
  else {
    const growth = round(scale.full.peak_rss_mb / scale.small.peak_rss_mb);
    targets.push({
      target: 'peak RSS not growing with corpus size',
      measured: `${scale.format}: ${scale.small.peak_rss_mb} MB at ${scale.small.files} files, ${scale.full.peak_rss_mb} MB at ${scale.full.files} (×${growth})`,
      met: growth <= 1.1,
    });
  }
  for (const [format, f] of Object.entries(figures)) {
    if (f.first_10pct_filings_per_s === null || f.last_10pct_filings_per_s === null) {
      targets.push({
        target: `${format}: last 10% ≥ 90% of first 10%`,
        measured: 'run too short to tell (a tenth commits in under 0.5 s)',
        met: null,
      });
      continue;
    }
    const ratio = round(f.last_10pct_filings_per_s / f.first_10pct_filings_per_s);
    targets.push({
      target: `${format}: last 10% ≥ 90% of first 10%`,
      measured: `${f.first_10pct_filings_per_s} → ${f.last_10pct_filings_per_s} filings/s (×${ratio})`,
      met: ratio >= 0.9,
    });
  }
  return targets;
}

export function markdownOf(figures: Partial<Record<Format, FormatFigures>>, targets: Target[], context: string[]): string {
  const rows = Object.entries(figures).map(([format, f]) =>
    cells([
      format,
      String(f.files),
      String(f.filings_per_s),
      // a DOCX has no pages
      f.pages === 0 ? '–' : String(f.pages_per_s),
      String(f.mb_per_s),
      String(f.one_worker_filings_per_s),
      `${f.speedup}×`,
      `${f.parser.filings_per_s} (${f.parser.tool})`,
      `${f.overhead}× (${f.overhead_wall}×)`,
      f.native ? `${f.native.filings_per_s} (${f.native.tool})` : '–',
      `${f.first_10pct_filings_per_s ?? '–'} / ${f.last_10pct_filings_per_s ?? '–'}`,
      `${f.peak_rss_mb.one_worker} / ${f.peak_rss_mb.workers}`,
    ]),
  );
  const workers = Object.values(figures)[0]?.workers ?? 0;
  const stageRows = Object.entries(figures).map(([format, f]) => cells([format, ...STAGES.map((stage) => String(f.stage_ms[stage]))]));
  const targetRows = targets.map((t) => cells([t.target, t.measured, t.met === null ? '–' : t.met ? 'met' : 'missed']));
  return [
    ...context.map((line) => `${line}  `),
    '',
    cells([
      'format',
      'files',
      `filings/s (${workers} workers)`,
      'pages/s',
      'MB/s',
      'filings/s (1 worker)',
      'speed-up',
      'parser alone, filings/s',
      'overhead: CPU (wall)',
      'native, filings/s',
      'first / last 10%, filings/s',
      'peak RSS MB (1 / N workers)',
    ]),
    cells(Array(12).fill('---')),
    ...rows,
    '',
    'Time per filing by stage, ms, one worker (wall time; read — from opening the file to its bytes and hash, waits for a',
    'busy main thread included — and store on the main thread, the rest in the worker):',
    '',
    cells(['format', ...STAGES]),
    cells(Array(STAGES.length + 1).fill('---')),
    ...stageRows,
    '',
    cells(['target', 'measured', '']),
    cells(['---', '---', '---']),
    ...targetRows,
    '',
  ].join('\n');
}

function cells(values: string[]): string {
  return `| ${values.join(' | ')} |`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
