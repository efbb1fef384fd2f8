#!/usr/bin/env node
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractFiling } from '../../../extractors/index.js';
import { readDocument } from '../../normalize/read-document.js';
import type { Format } from '../../model/document.js';
import { Truth } from '../synth/truth.js';
import { FIELDS, evaluate, precision, recall, type Scores } from './evaluate.js';
import { runRealEval } from './real.js';

/**
 * npm run eval: extraction on every fixture that has a hand-written or generated `<name>.expected.json`
 * beside its .txt/.docx/.pdf renderings, scored field by field. Exits 1 when a score is below --min.
 */

export interface EvalRow {
  fixture: string;
  format: Format;
  scores: Scores;
}

export function findEvalFixtures(root: string): { base: string; truth: Truth; formats: Format[] }[] {
  const found: { base: string; truth: Truth; formats: Format[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.expected.json')) {
        const base = full.slice(0, -'.expected.json'.length);
        const formats = (['txt', 'docx', 'pdf'] as const).filter((f) => existsSync(`${base}.${f}`));
        found.push({ base, truth: Truth.parse(JSON.parse(readFileSync(full, 'utf8'))), formats });
      }
    }
  };
  walk(root);
  return found;
}

export async function runEval(root: string): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  for (const fixture of findEvalFixtures(root)) {
    for (const format of fixture.formats) {
      const document = await readDocument(format, readFileSync(`${fixture.base}.${format}`));
      rows.push({ fixture: path.relative(root, fixture.base), format, scores: evaluate(extractFiling(document), fixture.truth) });
    }
  }
  return rows;
}

const pct = (value: number) => (value * 100).toFixed(1).padStart(5);

function printTable(rows: { label: string; scores: Scores }[]): void {
  const name = Math.max(...rows.map((r) => r.label.length), 10);
  console.log(`${'fixture'.padEnd(name)}  ${FIELDS.map((f) => f.padStart(13)).join(' ')}`);
  console.log(`${''.padEnd(name)}  ${FIELDS.map(() => '    P     R  '.padStart(13)).join(' ')}`);
  for (const row of rows) {
    const cells = FIELDS.map((f) => {
      const s = row.scores[f];
      return s.expected === 0 && s.predicted === 0 ? '      -      ' : `${pct(precision(s))} ${pct(recall(s))} `;
    });
    console.log(`${row.label.padEnd(name)}  ${cells.join(' ')}`);
  }
}

/** Field scores summed over rows (micro-averaged: a file with many indicators weighs more). */
export function totalScores(rows: { scores: Scores }[]): Scores {
  const total = Object.fromEntries(FIELDS.map((f) => [f, { matched: 0, predicted: 0, expected: 0 }])) as Scores;
  for (const row of rows) {
    for (const f of FIELDS) {
      total[f].matched += row.scores[f].matched;
      total[f].predicted += row.scores[f].predicted;
      total[f].expected += row.scores[f].expected;
    }
  }
  return total;
}

const realTruthDir = (root: string) => path.join(root, 'real', 'truth');
const realFilingsDir = (root: string) => path.resolve(root, '..', '..', 'shared', 'real-filings');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const minAt = args.indexOf('--min');
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 0.95;
  const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--min') ?? 'fixtures';
  const rows = await runEval(root);
  if (rows.length === 0) {
    console.error(`no fixtures with .expected.json under ${root}`);
    return 2;
  }
  printTable(rows.map((r) => ({ label: `${r.fixture}.${r.format}`, scores: r.scores })));
  const below = rows.flatMap((row) =>
    FIELDS.filter(
      (f) => (row.scores[f].expected > 0 || row.scores[f].predicted > 0) && Math.min(precision(row.scores[f]), recall(row.scores[f])) < min,
    ).map((f) => `${row.fixture}.${row.format} ${f}`),
  );
  console.log(below.length ? `\nbelow ${min}: ${below.join(', ')}` : `\nevery field of every fixture ≥ ${min}`);

  // real filings: hand-written truth for PDFs that stay in ../shared
  const shared = realFilingsDir(root);
  if (!existsSync(shared)) {
    console.log(`\nreal filings: SKIPPED — ${shared} is absent`);
    return below.length ? 1 : 0;
  }
  const real = await runRealEval(realTruthDir(root), shared);
  const tuned = real.filter((r) => !r.setAside);
  const aside = real.filter((r) => r.setAside);
  console.log(`\nreal filings (${real.length} truth files; fixtures/real/truth)`);
  printTable([
    ...real.map((r) => ({ label: `${r.name}${r.setAside ? ' (set aside)' : ''}`, scores: r.scores })),
    { label: `TOTAL tuned (${tuned.length})`, scores: totalScores(tuned) },
    { label: `TOTAL set aside (${aside.length})`, scores: totalScores(aside) },
  ]);
  return below.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  main().then((code) => (process.exitCode = code));
}
