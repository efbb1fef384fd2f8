import type { Structure } from '../../extractors/structure.js';
import { locate } from '../../extractors/locate.js';
import type { Block, DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';
import { NEAR_DUPLICATE, jaccard, plainText, shingles } from './similarity.js';

/**
 * Copy-paste inside a filing: paragraphs repeated nearly verbatim in another section (grouped into one
 * finding per repeated run), and items listed twice in one list. A project restating its own content in
 * its goals, and the department summary restating projects, are by design and not flagged; a sentence
 * found in three or more sections is template text.
 */
export const duplicates: Check = ({ document, structure }) => [...duplicateSections(document, structure), ...duplicateItems(document)];

/** Paragraphs shorter than this (characters without punctuation) are too short to compare. */
const MIN_SECTION_CHARS = 30;
/**
 * A repeated run shorter than this is a template sentence with another name in it ("X项目是我部门为履行
 * 司法工作职责…设置的"), not a copied section.
 */
const MIN_RUN_CHARS = 80;
const TEMPLATE_MIN_PLACES = 3;

interface Candidate {
  index: number;
  block: Exclude<Block, { type: 'table' }>;
  shingles: ReadonlySet<string>;
  /** Which section the block belongs to: a project's index, or -1 for the department-level part. */
  section: number;
}

function candidates(document: DocumentModel, structure: Structure): Candidate[] {
  const summary = new Set(structure.departmentGoals);
  const sectionOf = new Map<Block, number>();
  structure.projects.forEach((project, k) => project.blocks.forEach((b) => sectionOf.set(b, k)));
  const out: Candidate[] = [];
  document.blocks.forEach((block, index) => {
    if (block.type === 'table' || block.type === 'heading' || summary.has(block)) return;
    if (plainText(block.text).length < MIN_SECTION_CHARS) return;
    out.push({ index, block, shingles: shingles(block.text), section: sectionOf.get(block) ?? -1 });
  });
  return out;
}

/** Pairs of near-duplicate candidates, found through an inverted index of shingles (no all-pairs scan). */
function nearPairs(list: Candidate[]): [Candidate, Candidate, number][] {
  const postings = new Map<string, number[]>();
  list.forEach((c, k) =>
    c.shingles.forEach((s) => {
      const posting = postings.get(s);
      if (posting) posting.push(k);
      else postings.set(s, [k]);
    }),
  );
  const pairs: [Candidate, Candidate, number][] = [];
  list.forEach((c, k) => {
    const shared = new Map<number, number>();
    for (const s of c.shingles) for (const other of postings.get(s) ?? []) if (other > k) shared.set(other, (shared.get(other) ?? 0) + 1);
    for (const [other, count] of shared) {
      const d = list[other];
      const similarity = count / (c.shingles.size + d.shingles.size - count);
      if (similarity >= NEAR_DUPLICATE) pairs.push([c, d, similarity]);
    }
  });
  return pairs;
}

function duplicateSections(document: DocumentModel, structure: Structure): Finding[] {
  const list = candidates(document, structure);
  const pairs = nearPairs(list).filter(([a, b]) => a.section !== b.section || a.section === -1);
  // template text: a paragraph that stands in three or more places
  const places = new Map<number, Set<number>>();
  for (const [a, b] of pairs) {
    places.set(a.index, (places.get(a.index) ?? new Set([a.index])).add(b.index));
    places.set(b.index, (places.get(b.index) ?? new Set([b.index])).add(a.index));
  }
  const kept = pairs.filter(([a, b]) => (places.get(a.index)?.size ?? 0) < TEMPLATE_MIN_PLACES && (places.get(b.index)?.size ?? 0) < TEMPLATE_MIN_PLACES);
  return groupRuns(kept)
    .filter((run) => run.reduce((n, [a]) => n + plainText(a.block.text).length, 0) >= MIN_RUN_CHARS)
    .map((run) => sectionFinding(document, run));
}

/** Pairs (i, j), (i+1, j+1)… with nothing but short blocks between them form one repeated section. */
function groupRuns(pairs: [Candidate, Candidate, number][]): [Candidate, Candidate, number][][] {
  const sorted = [...pairs].sort((x, y) => x[0].index - y[0].index);
  const runs: [Candidate, Candidate, number][][] = [];
  for (const pair of sorted) {
    const run = runs.find((r) => {
      const [a, b] = r[r.length - 1];
      return pair[0].index > a.index && pair[0].index - a.index <= 3 && pair[1].index > b.index && pair[1].index - b.index <= 3;
    });
    if (run) run.push(pair);
    else runs.push([pair]);
  }
  return runs;
}

function headingBefore(document: DocumentModel, index: number): string | null {
  for (let i = index; i >= 0; i--) {
    const block = document.blocks[i];
    if (block.type === 'heading') return block.text;
  }
  return null;
}

function sectionFinding(document: DocumentModel, run: [Candidate, Candidate, number][]): Finding {
  const [first] = run;
  const last = run[run.length - 1];
  const original = locate(document, first[0].block.start, last[0].block.end);
  const copy = locate(document, first[1].block.start, last[1].block.end);
  const from = headingBefore(document, first[0].index);
  const to = headingBefore(document, first[1].index);
  const similarity = Math.min(...run.map((p) => p[2]));
  const where = from && to && from !== to ? `“${to}”重复了“${from}”的内容` : '内容重复出现';
  return finding({
    kind: 'duplicate_section',
    severity: 'warning',
    project: null,
    message: `${where}（${run.length}段，相似度≥${similarity.toFixed(2)}）`,
    message_en: `${to && from && to !== from ? `"${to}" repeats "${from}"` : 'A section is repeated'} (${run.length} paragraph(s), similarity ≥ ${similarity.toFixed(2)})`,
    expected: null,
    actual: null,
    locations: [at(original, 'first occurrence'), at(copy, 'repeated')],
  });
}

/** Items of one list (consecutive list items) that say the same thing twice. */
function duplicateItems(document: DocumentModel): Finding[] {
  const findings: Finding[] = [];
  let list: Extract<Block, { type: 'list_item' }>[] = [];
  const flush = () => {
    const plain = list.map((item) => plainText(item.text));
    const sets = list.map((item) => shingles(item.text));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [plain[i], plain[j]];
        const same = a === b || (Math.min(a.length, b.length) >= 8 && jaccard(sets[i], sets[j]) >= NEAR_DUPLICATE);
        if (!same) continue;
        findings.push(
          finding({
            kind: 'duplicate_item',
            severity: 'warning',
            project: listOwner(document, list[0]),
            message: `同一列表中重复列出：“${list[j].text}”`,
            message_en: `An item is listed twice in the same list: "${list[j].text}"`,
            locations: [at(locate(document, list[i].start, list[i].end), 'first occurrence'), at(locate(document, list[j].start, list[j].end), 'repeated')],
          }),
        );
      }
    }
    list = [];
  };
  for (const block of document.blocks) {
    if (block.type === 'list_item') list.push(block);
    else flush();
  }
  flush();
  return findings;
}

/** The heading a list stands under names what it belongs to: "（八）、国安办经费绩效目标：" → 国安办经费. */
function listOwner(document: DocumentModel, item: Block): string | null {
  const index = document.blocks.indexOf(item);
  const heading = document.blocks[index - 1];
  if (!heading || heading.type === 'table') return null;
  const match = /^[（(][一二三四五六七八九十\d]+[)）]、?(.+?)(?:绩效目标|项目)?[：:]?$/.exec(heading.text);
  return match ? match[1] : null;
}
