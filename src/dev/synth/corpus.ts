import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { SynthFiling, Template } from './filing.js';
import { generateFiling, type GenerateOptions } from './generate.js';
import { Rng } from './random.js';
import { Truth } from './truth.js';
import { findSoffice, toDocx, toPdfBatch, toText, type TextOptions } from './write.js';

/**
 * Writing filings to disk: the three committed evaluation fixtures, and benchmark corpora of any size.
 * A corpus is streamed — one filing is generated, written and dropped before the next — and its truth goes
 * to truth.ndjson one line per filing.
 */

export type OutputFormat = 'txt' | 'docx' | 'pdf';

export interface WriteReport {
  written: Record<OutputFormat, number>;
  /** What was not written, and why (PDFs without LibreOffice, failed conversions). */
  skipped: string[];
  seconds: number;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

async function convertPdfs(docxPaths: string[], outDir: string, report: WriteReport): Promise<void> {
  if (docxPaths.length === 0) return;
  if (findSoffice() === null) {
    report.skipped.push(`${docxPaths.length} PDF(s): LibreOffice (soffice/libreoffice) is not on PATH`);
    return;
  }
  const results = await toPdfBatch(docxPaths, outDir);
  results.forEach((result, i) => {
    if (result.path !== null) report.written.pdf++;
    else report.skipped.push(`${docxPaths[i]} → PDF: ${result.reason}`);
  });
}

/** Artefacts of a converted filing, drawn per filing so a corpus mixes clean and messy text. */
function corpusTextOptions(seed: number): TextOptions {
  const rng = new Rng(seed).fork('corpus-text');
  return {
    pageNumbers: rng.chance(0.5),
    wrapAt: rng.chance(0.35) ? rng.int(34, 42) : null,
    tableLayout: rng.chance(0.3) ? 'cells' : 'rows',
  };
}

export interface CorpusOptions {
  count: number;
  /** Filing i has seed `seed + i`, so any one filing can be regenerated alone. */
  seed: number;
  formats: readonly OutputFormat[];
  outDir: string;
  /** Share of filings with planted problems. Default 0.2. */
  inconsistencyShare?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function writeCorpus(options: CorpusOptions): Promise<WriteReport> {
  const started = performance.now();
  const report: WriteReport = { written: { txt: 0, docx: 0, pdf: 0 }, skipped: [], seconds: 0 };
  await mkdir(options.outDir, { recursive: true });
  const truthStream = createWriteStream(join(options.outDir, 'truth.ndjson'));
  const docxPaths: string[] = [];
  const needDocx = options.formats.includes('docx') || options.formats.includes('pdf');
  for (let i = 0; i < options.count; i++) {
    const seed = (options.seed + i) >>> 0;
    const inconsistencies = new Rng(seed).fork('corpus-problems').chance(options.inconsistencyShare ?? 0.2);
    const filing = generateFiling(seed, { inconsistencies });
    const textOptions = corpusTextOptions(seed);
    if (options.formats.includes('txt')) {
      // Synchronous writes of small files are several times faster than awaiting each one.
      writeFileSync(join(options.outDir, `${filing.id}.txt`), toText(filing, textOptions));
      report.written.txt++;
    }
    if (needDocx) {
      const path = join(options.outDir, `${filing.id}.docx`);
      writeFileSync(path, await toDocx(filing));
      if (options.formats.includes('docx')) report.written.docx++;
      if (options.formats.includes('pdf')) docxPaths.push(path);
    }
    await writeLine(
      truthStream,
      JSON.stringify({ id: filing.id, seed, template: filing.template, inconsistencies, text_options: textOptions, truth: filing.truth }),
    );
    options.onProgress?.(i + 1, options.count);
  }
  truthStream.end();
  await once(truthStream, 'finish');
  if (options.formats.includes('pdf')) await convertPdfs(docxPaths, options.outDir, report);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** One committed fixture: which seed and options, and what the text writer does to it. */
export interface FixtureSpec {
  name: string;
  template: Template;
  options: GenerateOptions;
  text: TextOptions;
  /** The fixture must show what it is for; seeds are searched upward from `seed` until it does. */
  accept: (filing: SynthFiling, text: string) => boolean;
  seed: number;
}

/** Wording of the sample filing that the prose fixture must avoid, so it tests other phrasings. */
const SAMPLE_PHRASES = ['是我部门为履行', '主要设置了', '对应目标', '安排一般公共预算资金共计', '主要项目内容包括以下'];

export const FIXTURES: readonly FixtureSpec[] = [
  {
    name: 'table_01',
    template: 'table',
    seed: 101,
    options: { template: 'table', projectCount: 4, department: '卫生健康委员会' },
    text: { tableLayout: 'rows' },
    accept: (_filing, text) =>
      /[≥]\d+%/.test(text) &&
      text.includes('年度资金总额') &&
      text.includes('其他资金') &&
      text.includes('项目支出明细') &&
      text.includes('社会效益'),
  },
  {
    name: 'inline_01',
    template: 'inline',
    seed: 201,
    options: { template: 'inline', projectCount: 5, department: '农业农村局' },
    text: {},
    accept: (filing, text) =>
      /^项目[一二三四五]：/m.test(text) &&
      filing.truth.projects.every((project) => project.funding_items.length >= 2) &&
      text.includes('数量指标：'),
  },
  {
    name: 'prose_01',
    template: 'prose',
    seed: 301,
    options: { template: 'prose', projectCount: 4, department: '民政局' },
    text: { pageNumbers: true },
    accept: (filing, text) =>
      SAMPLE_PHRASES.every((phrase) => !text.includes(phrase)) &&
      filing.truth.projects.some((project) => project.funding_items.some((item) => item.children.length > 0)),
  },
];

/** The first seed from `spec.seed` up whose filing shows what the fixture is for. */
export function findFixture(spec: FixtureSpec): { filing: SynthFiling; text: string } {
  for (let seed = spec.seed; seed < spec.seed + 10_000; seed++) {
    const filing = generateFiling(seed, spec.options);
    const text = toText(filing, spec.text);
    if (spec.accept(filing, text)) return { filing, text };
  }
  throw new Error(`no seed from ${spec.seed} gives an acceptable ${spec.name}`);
}

/** Writes each fixture as .txt, .docx, .pdf (when LibreOffice is there) and .expected.json (the validated truth). */
export async function writeTemplateFixtures(outDir: string): Promise<WriteReport & { seeds: Record<string, number> }> {
  const started = performance.now();
  const report: WriteReport = { written: { txt: 0, docx: 0, pdf: 0 }, skipped: [], seconds: 0 };
  const seeds: Record<string, number> = {};
  await mkdir(outDir, { recursive: true });
  const docxPaths: string[] = [];
  for (const spec of FIXTURES) {
    const { filing, text } = findFixture(spec);
    seeds[spec.name] = filing.seed;
    const truth = Truth.parse(filing.truth);
    await writeFile(join(outDir, `${spec.name}.txt`), text);
    await writeFile(join(outDir, `${spec.name}.expected.json`), `${JSON.stringify(truth, null, 2)}\n`);
    const docxPath = join(outDir, `${spec.name}.docx`);
    await writeFile(docxPath, await toDocx(filing));
    docxPaths.push(docxPath);
    report.written.txt++;
    report.written.docx++;
  }
  await convertPdfs(docxPaths, outDir, report);
  report.seconds = (performance.now() - started) / 1000;
  return { ...report, seeds };
}
