import { coreName } from '../../../extractors/layout/structure.js';
import type { Extraction, FundingItem, Project } from '../../model/extraction.js';
import type { FundingItem as TruthItem, ProjectTruth, Truth } from '../synth/truth.js';

/**
 * Precision and recall of an extraction against a hand-written or generated truth, field by field.
 * Matching is by meaning, not by spelling: projects by name or alias, labels and goal texts by overlap,
 * money exactly.
 */

export interface FieldScore {
  /** Extracted values that match the truth. */
  matched: number;
  /** Values the extractor produced. */
  predicted: number;
  /** Values the truth holds. */
  expected: number;
}

export const FIELDS = ['projects', 'departments', 'totals', 'items', 'goal_counts', 'goals', 'indicators', 'thresholds'] as const;
export type Field = (typeof FIELDS)[number];
export type Scores = Record<Field, FieldScore>;

export function precision(score: FieldScore): number {
  return score.predicted === 0 ? (score.expected === 0 ? 1 : 0) : score.matched / score.predicted;
}

export function recall(score: FieldScore): number {
  return score.expected === 0 ? (score.predicted === 0 ? 1 : 0) : score.matched / score.expected;
}

const plain = (text: string) => text.replace(/[\s，。、；：,.;:“”"（）()《》]/g, '');

/** Share of the shorter text's characters found, in order, in the longer one (a cheap similarity). */
export function overlap(a: string, b: string): number {
  const x = plain(a);
  const y = plain(b);
  if (!x || !y) return x === y ? 1 : 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k / short.length;
}

function sameProject(extracted: Project, truth: ProjectTruth): boolean {
  const names = [extracted.name, ...extracted.aliases].map(coreName);
  const truthNames = [truth.name, ...truth.aliases].map(coreName);
  return names.some((n) => truthNames.includes(n));
}

/** Pair each truth item with at most one extracted item, by a predicate. */
function pairCount<T, U>(truth: T[], extracted: U[], same: (t: T, e: U) => boolean): number {
  const used = new Set<number>();
  let matched = 0;
  for (const t of truth) {
    const k = extracted.findIndex((e, i) => !used.has(i) && same(t, e));
    if (k >= 0) {
      used.add(k);
      matched++;
    }
  }
  return matched;
}

interface FlatItem {
  label: string;
  wan: string | null;
  depth: number;
}

function flattenTruth(items: TruthItem[], depth = 0): FlatItem[] {
  return items.flatMap((i) => [{ label: i.label, wan: i.wan, depth }, ...flattenTruth(i.children, depth + 1)]);
}

function flattenExtracted(items: FundingItem[], depth = 0): FlatItem[] {
  return items.flatMap((i) => [{ label: i.label, wan: i.amount?.wan ?? null, depth }, ...flattenExtracted(i.children, depth + 1)]);
}

/** What a project's breakdown is, on both sides: spending items, and on forms the funding sources. */
function extractedItems(project: Project): FlatItem[] {
  const parts = project.form_fields.filter((f) => f.role === 'part').map((f) => ({ label: f.field, wan: f.amount.wan, depth: 0 }));
  return [...flattenExtracted(project.funding_items), ...parts];
}

function truthItems(project: ProjectTruth): FlatItem[] {
  return [...flattenTruth(project.funding_items), ...flattenTruth(project.expense_items)];
}

const sameWan = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Number(a) === Number(b) && canonical(a) === canonical(b);
const canonical = (wan: string) => wan.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

export function evaluate(extraction: Extraction, truth: Truth): Scores {
  const scores = Object.fromEntries(FIELDS.map((f) => [f, { matched: 0, predicted: 0, expected: 0 }])) as Scores;
  const add = (field: Field, matched: number, predicted: number, expected: number) => {
    scores[field].matched += matched;
    scores[field].predicted += predicted;
    scores[field].expected += expected;
  };

  const pairs: [Project, ProjectTruth][] = [];
  const used = new Set<number>();
  for (const t of truth.projects) {
    const k = extraction.projects.findIndex((e, i) => !used.has(i) && sameProject(e, t));
    if (k >= 0) {
      used.add(k);
      pairs.push([extraction.projects[k], t]);
    }
  }
  add('projects', pairs.length, extraction.projects.length, truth.projects.length);
  const unmatched = extraction.projects.filter((_, i) => !used.has(i));
  const missing = truth.projects.filter((t) => !pairs.some(([, pt]) => pt === t));

  for (const [e, t] of pairs) {
    const expectedUnit = t.unit ?? t.department;
    add('departments', Number(e.department !== null && plain(e.department) === plain(expectedUnit)), Number(e.department !== null), 1);
    add(
      'totals',
      Number(e.total !== null && t.total !== null && sameWan(e.total.wan, t.total.wan)),
      Number(e.total !== null),
      Number(t.total !== null),
    );
    const ei = extractedItems(e);
    const ti = truthItems(t);
    add(
      'items',
      pairCount(ti, ei, (a, b) => a.depth === b.depth && sameWan(a.wan, b.wan) && (a.wan !== null || overlap(a.label, b.label) >= 0.6)),
      ei.length,
      ti.length,
    );
    add(
      'goal_counts',
      Number(e.declared_goal_count !== null && e.declared_goal_count === t.declared_goal_count),
      Number(e.declared_goal_count !== null),
      Number(t.declared_goal_count !== null),
    );
    // the truth lists the goals a filing sets (listed, 年度目标); a 总体目标 is kept apart as kind "overall"
    // …unless the form's only goal field is its 总体目标 (annual forms of several cities): then that is the goal it sets
    const overallIsSet = t.goals.some((g) => /总体|实施期|中长期/.test(g.field ?? ''));
    const setGoals = overallIsSet ? e.goals : e.goals.filter((g) => g.kind !== 'overall');
    add(
      'goals',
      pairCount(
        t.goals,
        setGoals,
        (a, b) =>
          overlap(a.text, b.text) >= 0.8 &&
          Math.min(plain(a.text).length, plain(b.text).length) / Math.max(plain(a.text).length, plain(b.text).length, 1) >= 0.6,
      ),
      setGoals.length,
      t.goals.length,
    );
    add(
      'indicators',
      pairCount(t.indicators, e.indicators, (a, b) => a.category === b.category && plain(a.name) === plain(b.name)),
      e.indicators.length,
      t.indicators.length,
    );
    const tt = t.indicators.flatMap((i) => i.thresholds.map((th) => ({ ...th, indicator: i.name })));
    const et = e.indicators.flatMap((i) => i.thresholds.map((th) => ({ ...th, indicator: i.name })));
    add(
      'thresholds',
      pairCount(
        tt,
        et,
        (a, b) => plain(a.indicator) === plain(b.indicator) && a.op === b.op && a.value === b.value && (a.unit ?? '') === (b.unit ?? ''),
      ),
      et.length,
      tt.length,
    );
  }
  // projects found on one side only count against every field they carry
  for (const e of unmatched) {
    add('departments', 0, Number(e.department !== null), 0);
    add('totals', 0, Number(e.total !== null), 0);
    add('items', 0, extractedItems(e).length, 0);
    add('goal_counts', 0, Number(e.declared_goal_count !== null), 0);
    add('goals', 0, e.goals.filter((g) => g.kind !== 'overall').length, 0);
    add('indicators', 0, e.indicators.length, 0);
    add(
      'thresholds',
      0,
      e.indicators.reduce((n, i) => n + i.thresholds.length, 0),
      0,
    );
  }
  for (const t of missing) {
    add('departments', 0, 0, 1);
    add('totals', 0, 0, Number(t.total !== null));
    add('items', 0, 0, truthItems(t).length);
    add('goal_counts', 0, 0, Number(t.declared_goal_count !== null));
    add('goals', 0, 0, t.goals.length);
    add('indicators', 0, 0, t.indicators.length);
    add(
      'thresholds',
      0,
      0,
      t.indicators.reduce((n, i) => n + i.thresholds.length, 0),
    );
  }
  return scores;
}
