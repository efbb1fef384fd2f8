import type { Structure } from '../../extractors/layout/structure.js';
import { locate } from '../model/locate.js';
import type { Block, DocumentModel } from '../model/document.js';
import type { Goal, Project } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';
import { NEAR_DUPLICATE, jaccard, plainText, shingles } from './similarity.js';

/**
 * Copy-paste inside a filing: paragraphs repeated nearly verbatim in another section (grouped into one
 * finding per repeated run), a line pasted twice a few lines apart, and items listed twice in one list. A
 * project restating its own content in its goals, and the department summary restating projects, are by
 * design and not flagged; a sentence found in three or more sections is template text.
 */
export const duplicates: Check = ({ document, extraction, structure }) => {
  const layout = layoutOf(document, structure);
  return [
    ...duplicateSections(document, structure, layout),
    ...pastedTwice(document, structure, layout),
    ...duplicateItems(document, layout),
    ...extraction.projects.flatMap((project) => yearGoalsAsOverall(document, project)),
  ];
};

/** Goals shorter than this (characters without punctuation) are too short to call one a copy of the other. */
const MIN_GOAL_CHARS = 10;

/**
 * The year's goals (年度目标) written as the whole project's (总体目标 / 实施期目标), word for word or nearly:
 * the year's target was not set, the multi-year one pasted in its place (a form whose two goal cells
 * hold the same text). Only the goals as a whole are compared: a year's goal that is one of several
 * multi-year goals is what the year is for.
 */
function yearGoalsAsOverall(document: DocumentModel, project: Project): Finding[] {
  const overall = project.goals.filter((g) => g.kind === 'overall');
  const annual = project.goals.filter((g) => g.kind === 'annual');
  if (overall.length === 0 || annual.length === 0) return [];
  const [whole, year] = [overall, annual].map((goals) => goals.map((g) => g.text).join('。'));
  if (plainText(year).length < MIN_GOAL_CHARS) return [];
  const same = plainText(whole) === plainText(year) || jaccard(shingles(whole), shingles(year)) >= NEAR_DUPLICATE;
  if (!same) return [];
  const span = (goals: Goal[]) => locate(document, goals[0].source.start, goals[goals.length - 1].source.end);
  return [
    finding({
      kind: 'duplicate_section',
      severity: 'warning',
      project: project.name,
      message: `年度目标与总体目标相同：“${annual[0].text}”${annual.length > 1 ? `等${annual.length}项` : ''}`,
      message_en: `The year's goals are the project's overall goals again: "${annual[0].text}"${annual.length > 1 ? ` and ${annual.length - 1} more` : ''}`,
      locations: [at(span(overall), 'overall goals'), at(span(annual), 'annual goals')],
    }),
  ];
}

/** What the three duplicate checks read of every block: its text without punctuation, and its project. */
interface Layout {
  /** Per block index; null for tables. */
  plain: (string | null)[];
  /** Block → index of the project it belongs to. */
  sectionOf: Map<Block, number>;
  /** The name of the project a block belongs to. */
  projectOf: (block: Block) => string | null;
}

function layoutOf(document: DocumentModel, structure: Structure): Layout {
  const sectionOf = new Map<Block, number>();
  structure.projects.forEach((project, k) => project.blocks.forEach((b) => sectionOf.set(b, k)));
  const projectOf = (block: Block) => {
    const k = sectionOf.get(block);
    return k === undefined ? null : structure.projects[k].title.name;
  };
  return { plain: document.blocks.map((b) => (b.type === 'table' ? null : plainText(b.text))), sectionOf, projectOf };
}

/** A line pasted twice: shorter than this (without punctuation) it may be a recurring label. */
const MIN_PASTED_CHARS = 8;
/** How far apart, in blocks, the same line is still a slip of the paste rather than a deliberate repeat. */
const PASTED_WITHIN = 6;
/** Template text (found in three sections or more), and text in two parts of a project, count as pasted twice only this close. */
const ADJACENT = 2;

/**
 * The same line twice within a few blocks of one section ("三、实施主体：反邪教协调科。" before and after
 * "四、年度预算安排…"), a sentence pasted at the end of a nearby line, or one sentence written twice in a
 * row inside a block (lines a converter joined): a copy-paste slip, whatever its length. Items of one list
 * are duplicate_item's; the same text in two parts of a project (its overview, then its goal) is by design.
 */
function pastedTwice(document: DocumentModel, structure: Structure, { plain, sectionOf, projectOf }: Layout): Finding[] {
  // 项目概况, 资金安排, 绩效目标…: a project restating its overview as its goal does so on purpose
  const partOf = new Map<Block, string>();
  for (const project of structure.projects)
    for (const [kind, blocks] of Object.entries(project.subsections)) for (const b of blocks ?? []) partOf.set(b, kind);
  const findings: Finding[] = [];
  const blocks = document.blocks;
  // a line found in three sections or more is the template's (each form's title "财政项目支出绩效目标申报表")
  const sectionsOf = new Map<string, Set<number | undefined>>();
  blocks.forEach((block, i) => {
    const text = plain[i];
    if (text !== null) sectionsOf.set(text, (sectionsOf.get(text) ?? new Set()).add(sectionOf.get(block)));
  });
  const overlapping = (a: number, b: number) => {
    const [x, y] = [plain[a], plain[b]];
    if (!x || !y || Math.min(x.length, y.length) < 4) return false;
    return x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x);
  };
  blocks.forEach((block, i) => {
    const text = plain[i];
    if (block.type === 'table' || text === null) return;
    // prose, not a table's header or a row of figures repeated on the next page
    if (!SENTENCE_LIKE.test(block.text) || (block.text.match(HAN_CHARS)?.length ?? 0) < MIN_PASTED_HAN) return;
    const doubled = doubledSentence(block.text);
    if (doubled !== null) {
      const first = locate(document, block.start, block.start + doubled);
      const second = locate(document, block.start + doubled, block.end);
      findings.push(pastedFinding(projectOf(block), first, second));
    }
    if (text.length < MIN_PASTED_CHARS) return;
    const template = (sectionsOf.get(text)?.size ?? 0) >= TEMPLATE_MIN_PLACES;
    for (let j = i + 1; j <= i + PASTED_WITHIN && j < blocks.length; j++) {
      const other = blocks[j];
      if (other.type === 'table' || sectionOf.get(other) !== sectionOf.get(block)) continue;
      const same = plain[j] === text;
      // pasted after a line that did not end a sentence, and joined to it: "2、规范公务用车使用管理；该项目由…"
      const joined =
        !same &&
        block.type === 'paragraph' &&
        text.length >= MIN_PASTED_SENTENCE_CHARS &&
        other.text.length > block.text.length &&
        other.text.endsWith(block.text);
      if (!same && !joined) continue;
      // template text is repeated on purpose, once per project: only side by side is it a slip
      if (template && j - i > ADJACENT) continue;
      // …as what opens the goals part, right under its heading; pasted into a list of another part, it is a slip
      const [part, otherPart] = [partOf.get(block), partOf.get(other)];
      const opensPart = blocks[j - 1]?.type === 'heading';
      if (j - i > ADJACENT && part !== undefined && otherPart !== undefined && part !== otherPart && opensPart) continue;
      // a whole list written twice (a form's 总体目标 and 年度目标 with the same items, wrapped differently) is
      // a deliberate copy, not a line pasted twice
      if (j - i > 1 && (overlapping(i - 1, j - 1) || overlapping(i + 1, j + 1))) continue;
      if (same && blocks.slice(i, j + 1).every((b) => b.type === 'list_item')) continue;
      const repeated = same ? locate(document, other.start, other.end) : locate(document, other.end - block.text.length, other.end);
      findings.push(pastedFinding(projectOf(block), locate(document, block.start, block.end), repeated));
    }
  });
  return findings;
}

const SENTENCE_LIKE = /[，。；：、,;:]/;
const HAN_CHARS = /[\u4e00-\u9fff]/g;
const MIN_PASTED_HAN = 6;

/** A sentence found pasted at the end of a nearby line must be this long: a short phrase ends many lines. */
const MIN_PASTED_SENTENCE_CHARS = 20;

/** Where the second copy starts when a block is one sentence written twice in a row, else null. */
function doubledSentence(text: string): number | null {
  const half = text.length / 2;
  if (!Number.isInteger(half) || plainText(text.slice(0, half)).length < MIN_PASTED_CHARS) return null;
  return text.slice(0, half) === text.slice(half) ? half : null;
}

function pastedFinding(project: string | null, first: ReturnType<typeof locate>, second: ReturnType<typeof locate>): Finding {
  return finding({
    kind: 'duplicate_section',
    severity: 'warning',
    project,
    message: `同一段文字重复出现：“${first.quote}”`,
    message_en: `The same text is written twice: "${first.quote}"`,
    expected: null,
    actual: null,
    locations: [at(first, 'first occurrence'), at(second, 'repeated')],
  });
}

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

function candidates(document: DocumentModel, structure: Structure, { plain, sectionOf }: Layout): Candidate[] {
  const summary = new Set(structure.departmentGoals);
  const out: Candidate[] = [];
  document.blocks.forEach((block, index) => {
    if (block.type === 'table' || block.type === 'heading' || summary.has(block)) return;
    if ((plain[index] ?? '').length < MIN_SECTION_CHARS) return;
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

function duplicateSections(document: DocumentModel, structure: Structure, layout: Layout): Finding[] {
  const list = candidates(document, structure, layout);
  const pairs = nearPairs(list).filter(([a, b]) => a.section !== b.section || a.section === -1);
  // template text: a paragraph that stands in three or more places
  const places = new Map<number, Set<number>>();
  for (const [a, b] of pairs) {
    places.set(a.index, (places.get(a.index) ?? new Set([a.index])).add(b.index));
    places.set(b.index, (places.get(b.index) ?? new Set([b.index])).add(a.index));
  }
  const kept = pairs.filter(
    ([a, b]) => (places.get(a.index)?.size ?? 0) < TEMPLATE_MIN_PLACES && (places.get(b.index)?.size ?? 0) < TEMPLATE_MIN_PLACES,
  );
  return groupRuns(kept)
    .filter((run) => run.reduce((n, [a]) => n + (layout.plain[a.index] ?? '').length, 0) >= MIN_RUN_CHARS)
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
function duplicateItems(document: DocumentModel, layout: Layout): Finding[] {
  const findings: Finding[] = [];
  let list: Extract<Block, { type: 'list_item' }>[] = [];
  let indices: number[] = [];
  const flush = () => {
    const plain = indices.map((index) => layout.plain[index] ?? '');
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
            project: listOwner(document, list[0]) ?? layout.projectOf(list[0]),
            message: `同一列表中重复列出：“${list[j].text}”`,
            message_en: `An item is listed twice in the same list: "${list[j].text}"`,
            locations: [
              at(locate(document, list[i].start, list[i].end), 'first occurrence'),
              at(locate(document, list[j].start, list[j].end), 'repeated'),
            ],
          }),
        );
      }
    }
    list = [];
    indices = [];
  };
  document.blocks.forEach((block, index) => {
    if (block.type !== 'list_item') return flush();
    list.push(block);
    indices.push(index);
  });
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
