#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeCorpus, writeTemplateFixtures, type OutputFormat, type WriteReport } from './corpus.js';

/**
 * Command line for the synthetic-filing generator; argument parsing and printing only.
 *
 *   node dist/src/dev/synth/cli.js fixtures [--out fixtures/templates]
 *   node dist/src/dev/synth/cli.js corpus --count 1000 --seed 1 [--formats txt,docx,pdf] [--out DIR] [--inconsistency-share 0.2]
 */

const USAGE = `usage:
  cli.js fixtures [--out fixtures/templates]
  cli.js corpus --count N --seed S [--formats txt,docx,pdf] [--out DIR] [--inconsistency-share 0.2]`;

const FORMATS: readonly OutputFormat[] = ['txt', 'docx', 'pdf'];

function parseFlags(args: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`unexpected argument ${flag}\n${USAGE}`);
    flags.set(flag.slice(2), value);
    i++;
  }
  return flags;
}

function integerFlag(flags: Map<string, string>, name: string, fallback?: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required\n${USAGE}`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return value;
}

function parseFormats(raw: string): OutputFormat[] {
  const formats = raw.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !FORMATS.some((known) => known === format));
  if (unknown.length > 0) throw new Error(`unknown format(s) ${unknown.join(', ')}; known: ${FORMATS.join(', ')}`);
  return FORMATS.filter((format) => formats.includes(format));
}

function printReport(report: WriteReport): void {
  const { txt, docx, pdf } = report.written;
  console.log(`wrote ${txt} txt, ${docx} docx, ${pdf} pdf in ${report.seconds.toFixed(1)} s`);
  for (const line of report.skipped) console.log(`skipped: ${line}`);
}

export async function main(args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  const flags = parseFlags(rest);
  switch (command) {
    case 'fixtures': {
      const out = flags.get('out') ?? 'fixtures/templates';
      const report = await writeTemplateFixtures(out);
      for (const [name, seed] of Object.entries(report.seeds)) console.log(`${out}/${name}: seed ${seed}`);
      printReport(report);
      return;
    }
    case 'corpus': {
      const count = integerFlag(flags, 'count');
      const share = Number(flags.get('inconsistency-share') ?? '0.2');
      if (!(share >= 0 && share <= 1)) throw new Error('--inconsistency-share must be between 0 and 1');
      let lastShown = 0;
      const report = await writeCorpus({
        count,
        seed: integerFlag(flags, 'seed', 1),
        formats: parseFormats(flags.get('formats') ?? 'txt'),
        outDir: flags.get('out') ?? 'output/synth-corpus',
        inconsistencyShare: share,
        onProgress: (done, total) => {
          if (done === total || done - lastShown >= 1000) {
            lastShown = done;
            process.stderr.write(`${done}/${total}\n`);
          }
        },
      });
      printReport(report);
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
