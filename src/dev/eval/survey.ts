#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { coreName } from '../../../extractors/layout/structure.js';
import { formatOf } from '../../parsers/index.js';
import { processFile } from '../../pipeline/process.js';

/**
 * npm run survey: every real filing under a folder run through the pipeline as `filings ingest` runs it
 * (parse, normalize, extract, check), one row each — pages, projects, indicators, findings, coverage and
 * what the filing came out as — and each file's project names held against the list a person reviewed by
 * hand (fixtures/real/project-names.*.json). The README's table of the 61 real PDFs is this command's output.
 */

export interface HandList {
  targets: 'forms' | 'none' | 'unreadable';
  projects: string[];
}

export interface SurveyRow {
  file: string;
  pages: number | null;
  projects: string[];
  indicators: number;
  /** Findings above info. */
  findings: number;
  coverage: number | null;
  /** projects | no targets | unrecognised | an error code */
  outcome: string;
  /** Extracted names that are not in the hand-reviewed list (statement tables, column heads…). */
  falseNames: string[];
  /** Hand-listed names the extraction did not find. */
  missedNames: string[];
  hand: HandList | null;
}

/** The hand-reviewed lists, keyed by the path relative to real-filings/ ("dept-budgets-2026/025_烟台/…pdf"). */
export function loadHandLists(fixturesDir: string): Map<string, HandList> {
  const lists = new Map<string, HandList>();
  const dir = path.join(fixturesDir, 'real');
  if (!existsSync(dir)) return lists;
  for (const name of readdirSync(dir).filter((n) => /^project-names\..+\.json$/.test(n))) {
    const data = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, HandList>;
    for (const [file, list] of Object.entries(data)) lists.set(file, list);
  }
  return lists;
}

/** Two spellings of one project: the same core, or one core inside the other (a form's name vs its title). */
export function sameName(a: string, b: string): boolean {
  const x = coreName(a);
  const y = coreName(b);
  return x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x)));
}

/** Names on one side that pair with none on the other, each name used once (a form printed twice is two). */
function unpaired(left: string[], right: string[]): string[] {
  const used = new Set<number>();
  return left.filter((name) => {
    const k = right.findIndex((other, i) => !used.has(i) && sameName(name, other));
    if (k < 0) return true;
    used.add(k);
    return false;
  });
}

export async function surveyFile(file: string, key: string, hand: HandList | null): Promise<SurveyRow> {
  const bytes = readFileSync(file);
  const format = formatOf(file) ?? 'pdf';
  const facts = { path: file, sha256: createHash('sha256').update(bytes).digest('hex'), byteSize: bytes.length, format };
  try {
    const record = await processFile(facts, bytes);
    const projects = record.extraction.projects.map((p) => p.name);
    const findings = record.findings.filter((f) => f.severity !== 'info');
    const outcome =
      projects.length > 0
        ? 'projects'
        : record.findings.some((f) => f.kind === 'no_project_targets')
          ? 'no targets'
          : record.findings.some((f) => f.kind === 'unrecognised_layout')
            ? 'unrecognised'
            : 'nothing';
    return {
      file: key,
      pages: record.document.pageCount,
      projects,
      indicators: record.extraction.projects.reduce((n, p) => n + p.indicators.length, 0),
      findings: findings.length,
      coverage: record.extraction.coverage?.ratio ?? null,
      outcome,
      falseNames: hand ? unpaired(projects, hand.projects) : [],
      missedNames: hand ? unpaired(hand.projects, projects) : [],
      hand,
    };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'INTERNAL';
    return {
      file: key,
      pages: null,
      projects: [],
      indicators: 0,
      findings: 0,
      coverage: null,
      outcome: `error ${code}`,
      falseNames: [],
      missedNames: hand?.projects ?? [],
      hand,
    };
  }
}

export async function survey(root: string, fixturesDir: string): Promise<SurveyRow[]> {
  const lists = loadHandLists(fixturesDir);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.pdf')) files.push(full);
    }
  };
  walk(root);
  const base = path.dirname(root);
  const rows: SurveyRow[] = [];
  for (const file of files) {
    const key = path.relative(base, file).split(path.sep).join('/');
    rows.push(await surveyFile(file, key, lists.get(key) ?? null));
  }
  return rows;
}

export function surveyMarkdown(rows: SurveyRow[]): string {
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
  const lines = [
    '| filing | pages | projects (by hand) | indicators | findings | coverage | came out as |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const name = r.file
        .replace(/^dept-budgets-2026\/\d+_/, '')
        .replace(/\/2026年/, '/')
        .replace(/(?:_?2026年)?(?:_|部门预算|\.pdf)+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const hand = r.hand ? ` (${r.hand.projects.length})` : '';
      const wrong = r.falseNames.length ? `; ${r.falseNames.length} not a project` : '';
      return `| ${name} | ${r.pages ?? '–'} | ${r.projects.length}${hand} | ${r.indicators} | ${r.findings} | ${pct(r.coverage)} | ${r.outcome}${wrong} |`;
    }),
  ];
  const found = rows.reduce((n, r) => n + r.projects.length, 0);
  const listed = rows.reduce((n, r) => n + (r.hand?.projects.length ?? 0), 0);
  const falseNames = rows.reduce((n, r) => n + r.falseNames.length, 0);
  const missed = rows.reduce((n, r) => n + r.missedNames.length, 0);
  lines.push(
    '',
    `${rows.length} files; ${found} projects found against ${listed} in the hand-reviewed lists: ${falseNames} not a project, ${missed} missed.`,
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const root = process.argv[2] ?? path.resolve('..', 'shared', 'real-filings', 'dept-budgets-2026');
  if (!existsSync(root)) {
    console.error(`survey: ${root} is absent (the real filings are not ours to ship; they live in ../shared)`);
    return 2;
  }
  const rows = await survey(root, 'fixtures');
  console.log(surveyMarkdown(rows));
  if (process.argv.includes('--names')) {
    for (const r of rows) {
      if (r.falseNames.length || r.missedNames.length) {
        console.log(`\n${r.file}\n  not a project: ${r.falseNames.join(' | ')}\n  missed: ${r.missedNames.join(' | ')}`);
      }
    }
  }
  return 0;
}

if (process.argv[1]?.endsWith('survey.js')) main().then((code) => (process.exitCode = code));
