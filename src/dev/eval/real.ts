import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { extractFiling } from '../../../extractors/index.js';
import type { Extraction } from '../../model/extraction.js';
import { readDocument } from '../../normalize/read-document.js';
import { Planted, ProjectTruth } from '../synth/truth.js';
import { evaluate, type Scores } from './evaluate.js';

/**
 * Truth written by hand from real filings (fixtures/real/truth/*.json): what a careful reader finds in a
 * PDF that stays in ../shared (it is not ours to ship). The scores of the files marked `set_aside` were not
 * looked at while the extractors were tuned, so they are the honest figure for layouts nobody here has seen.
 */
export const RealTruth = z.object({
  /** The PDF, relative to ../shared/real-filings/. */
  source: z.string().min(1),
  set_aside: z.boolean(),
  city: z.string().min(1),
  department: z.string().min(1),
  year: z.number().int(),
  pages: z.number().int().positive(),
  /** Whether the filing prints per-project target forms at all. */
  targets: z.enum(['forms', 'none']),
  /** The sentence that says how many projects have targets ("编报绩效目标的项目20个…"), where there is one. */
  target_statement: z.object({ text: z.string().min(1), page: z.number().int() }).nullable(),
  /** The financial statements the filing prints: never projects. */
  statements: z.array(z.object({ title: z.string().min(1), page: z.number().int() })).default([]),
  projects: z.array(ProjectTruth),
  department_goals: z.array(z.object({ project: z.string().min(1), goals: z.array(z.string().min(1)) })).default([]),
  /** Real problems the reader noticed: what the checks should find. */
  planted: z.array(Planted.extend({ kind: z.string(), page: z.number().int().nullable().optional() })).default([]),
  notes: z.array(z.string()).default([]),
});
export type RealTruth = z.infer<typeof RealTruth>;

export interface RealTruthFile {
  file: string;
  truth: RealTruth;
}

export function loadRealTruths(dir: string): RealTruthFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const parsed = RealTruth.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: not a truth file: ${parsed.error.message}`);
      return { file, truth: parsed.data };
    });
}

export interface RealEvalRow {
  name: string;
  setAside: boolean;
  scores: Scores;
  extraction: Extraction;
}

/** Each truth file's PDF read and extracted as `filings ingest` would, scored against the truth. */
export async function runRealEval(truthDir: string, realFilingsDir: string): Promise<RealEvalRow[]> {
  const rows: RealEvalRow[] = [];
  for (const { file, truth } of loadRealTruths(truthDir)) {
    const pdf = path.join(realFilingsDir, truth.source);
    const document = await readDocument('pdf', readFileSync(pdf));
    const extraction = extractFiling(document);
    // a filing without forms has no projects: anything extracted there is a false project
    const scored = { department: truth.department, year: truth.year, projects: truth.projects, department_goals: [], planted: [] };
    rows.push({ name: path.basename(file, '.json'), setAside: truth.set_aside, scores: evaluate(extraction, scored), extraction });
  }
  return rows;
}
