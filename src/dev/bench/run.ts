import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Format } from '../../model/document.js';
import { prepareCorpus } from './corpus.js';
import { measureIngest } from './ingest-run.js';
import { cpuScaling } from './machine.js';
import { hasPdftotext, timeBareParser, timePdftotext } from './reference.js';
import { figuresOf, markdownOf, targetsOf, type FormatFigures, type ScaleCheck } from './report.js';
import { compareWithSample } from './sample-size.js';

export interface BenchOptions {
  count: number;
  seed: number;
  formats: Format[];
  workers: number;
  /** Where bench.json, bench.md and bench-corpus/ go. */
  outDir: string;
  log: (line: string) => void;
}

export interface BenchResult {
  json: object;
  markdown: string;
}

/**
 * The benchmark: a synthetic corpus per format, ingested on one worker and on N, each run in a child
 * process of its own; the same files through the bare parser (and pdftotext) for reference; a run on a
 * tenth of the TXT files to see whether memory grows with the corpus. Targets are reported, never asserted.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const corpus = await prepareCorpus(
    { dir: path.join(options.outDir, 'bench-corpus'), count: options.count, seed: options.seed, formats: options.formats },
    log,
  );
  if (corpus.reused) log(`reusing the corpus in ${path.join(options.outDir, 'bench-corpus')} (same count, seed and formats)`);
  for (const note of corpus.notes) log(note);
  const scratch = path.join(options.outDir, 'bench-runs');
  mkdirSync(scratch, { recursive: true });
  const pdftotext = hasPdftotext();
  if (!pdftotext && corpus.files.pdf) log('pdftotext (poppler-utils) is not installed: no native reference for PDF');

  // other processes on the machine skew every figure: the load average says how much
  const loadBefore = os.loadavg()[0];
  log(`machine: ${options.workers} threads of pure CPU work against one…`);
  const ceiling = options.workers >= 2 ? await cpuScaling(options.workers) : null;
  const figures: Partial<Record<Format, FormatFigures>> = {};
  try {
    for (const [format, files] of Object.entries(corpus.files) as [Format, string[]][]) {
      if (files.length === 0) continue;
      const folder = corpus.folders[format]!;
      log(`${format}: ${files.length} files — bare parser…`);
      const parser = await timeBareParser(format, files);
      const native = format === 'pdf' && pdftotext ? await timePdftotext(files) : null;
      log(`${format}: pipeline, 1 worker…`);
      const one = await measureIngest([folder], 1, scratch);
      log(`${format}: pipeline, ${options.workers} workers…`);
      const many = await measureIngest([folder], options.workers, scratch);
      figures[format] = figuresOf({ format, one, many, parser, native });
    }
    const scale = await scaleCheck(corpus.files.txt ?? [], options.workers, scratch, figures.txt, log);
    const size = compareWithSample(corpus.files.txt ?? []);
    const targets = targetsOf(figures, scale, options.workers, ceiling, size);
    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      cpu_scaling: ceiling,
      load_average: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    };
    const context = [
      `Corpus: ${options.count} synthetic filings (seed ${options.seed}) per format from src/dev/synth, in ${path.join(options.outDir, 'bench-corpus')}.` +
        (size === null
          ? ''
          : ` A generated filing has ${size.generated_text_kb} KB of text on average, the sample (fixtures/seed) ${size.sample_text_kb} KB: ×${size.ratio}, by which filings/s are multiplied for the targets, stated for sample-sized filings.`),
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}.` +
        (ceiling === null
          ? ''
          : ` ${options.workers} threads of pure CPU work run ${ceiling}× as fast as one: the ceiling of any speed-up here.`) +
        ` Load average ${machine.load_average.before} before the benchmark, ${machine.load_average.after} after (other work on the machine slows every figure).`,
      ...corpus.notes,
    ];
    const markdown = markdownOf(figures, targets, context);
    const json = {
      generated_at: new Date().toISOString(),
      machine,
      corpus: { count: options.count, seed: options.seed, notes: corpus.notes, size },
      workers: options.workers,
      formats: figures,
      scale,
      targets,
    };
    writeFileSync(path.join(options.outDir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(path.join(options.outDir, 'bench.md'), markdown);
    return { json, markdown };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Below this, a run is still warming up (heaps growing, code compiling): its peak RSS says nothing about scale. */
const MIN_SCALE_FILES = 100;

/** Peak RSS on a tenth of the TXT corpus against the whole (already measured): memory must not follow the file count. */
async function scaleCheck(
  files: string[],
  workers: number,
  scratch: string,
  full: FormatFigures | undefined,
  log: (line: string) => void,
): Promise<ScaleCheck | null> {
  const tenth = files.slice(0, Math.floor(files.length / 10));
  if (!full || tenth.length < MIN_SCALE_FILES) {
    log(`memory check skipped: it needs at least ${10 * MIN_SCALE_FILES} TXT files`);
    return null;
  }
  log(`txt: memory check on ${tenth.length} files…`);
  const small = await measureIngest(tenth, workers, scratch);
  return {
    format: 'txt',
    small: { files: small.files, peak_rss_mb: Math.round(small.peakRssMb) },
    full: { files: full.files, peak_rss_mb: full.peak_rss_mb.workers },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
