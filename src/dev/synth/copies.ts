import type { SynthBlock, SynthFiling, Template } from './filing.js';
import { generateFiling } from './generate.js';
import { Rng } from './random.js';
import { CLOSING_LINES } from './vocab/common.js';
import { DEPARTMENT_NAMES } from './vocab/specs.js';
import { toText, type TextOptions } from './write.js';

/**
 * Test corpora for cross-filing copy detection: K filings from different departments with disjoint projects,
 * all sharing one standard boilerplate sentence (which a detector must not report), and a few paragraphs
 * copied from one filing into another with a small edit (which it must report).
 */

/** The sentence every filing of a copy corpus carries. Shared by design: not a copy. */
export const SHARED_BOILERPLATE: string = CLOSING_LINES[0];

export interface CopyCorpusOptions {
  seed: number;
  /** Number of filings, 2 to 27 (the vocabulary has projects for about 27 filings of three projects). */
  count: number;
  /** Number of copied paragraphs; default half the filing count. */
  copies?: number;
  templates?: readonly Extract<Template, 'prose' | 'inline'>[];
  text?: TextOptions;
}

export interface CopiedParagraph {
  /** Index of the filing the paragraph comes from. */
  from: number;
  /** Index of the filing it was copied into. */
  to: number;
  original: string;
  /** The paragraph as it reads in the target: the original with one small edit. */
  copied: string;
  edit: string;
}

export interface CopyCorpus {
  filings: Array<{ id: string; department: string; text: string }>;
  copies: CopiedParagraph[];
  boilerplate: string;
}

/** Long, specific text is what a copy detector should match; headings and one-liners are not worth copying. */
const COPYABLE_ROLES: ReadonlySet<SynthBlock['role']> = new Set(['criteria', 'description', 'funding', 'goals', 'indicators']);
const MIN_COPY_LENGTH = 30;

function blockText(block: SynthBlock): string | null {
  if (block.type === 'paragraph') return block.text;
  if (block.type === 'list_item') return block.marker + block.text;
  return null;
}

/** The small edits a copier makes: a changed number, a dropped closing clause, an added word. */
function editParagraph(rng: Rng, text: string): { copied: string; edit: string } {
  const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
  const edits: Array<() => { copied: string; edit: string } | null> = [
    () => {
      if (numbers.length === 0) return null;
      const match = rng.pick(numbers);
      const replacement = String(Number(match[0]) + rng.int(1, 9));
      const at = match.index ?? 0;
      return { copied: text.slice(0, at) + replacement + text.slice(at + match[0].length), edit: `数字${match[0]}改为${replacement}` };
    },
    () => {
      const clause = text.match(/，[^，；。]{4,20}。$/);
      if (clause === null) return null;
      return { copied: `${text.slice(0, text.length - clause[0].length)}。`, edit: `删去“${clause[0].slice(1, -1)}”` };
    },
    () => {
      const at = text.indexOf('，');
      if (at < 0) return null;
      return { copied: `${text.slice(0, at + 1)}进一步${text.slice(at + 1)}`, edit: '增加“进一步”' };
    },
  ];
  for (const edit of rng.shuffle(edits)) {
    const result = edit();
    if (result !== null && result.copied !== text) return result;
  }
  return { copied: `${text.replace(/。$/, '')}等。`, edit: '句末增加“等”' };
}

/** Every filing ends its projects with the standard boilerplate, whatever closing line its template drew. */
function withSharedBoilerplate(filing: SynthFiling): SynthBlock[] {
  const blocks = filing.blocks.map((block) =>
    block.role === 'boilerplate' && block.type === 'paragraph' ? { ...block, text: SHARED_BOILERPLATE } : block,
  );
  if (!blocks.some((block) => block.role === 'boilerplate'))
    blocks.push({ type: 'paragraph', text: SHARED_BOILERPLATE, role: 'boilerplate', project: null });
  return blocks;
}

function drawPairs(rng: Rng, count: number, wanted: number): Array<[number, number]> {
  const all: Array<[number, number]> = [];
  for (let from = 0; from < count; from++) for (let to = 0; to < count; to++) if (from !== to) all.push([from, to]);
  return rng.sample(all, wanted);
}

export function generateCopyCorpus(options: CopyCorpusOptions): CopyCorpus {
  const { seed, count } = options;
  if (count < 2) throw new Error('a copy corpus needs at least two filings');
  const rng = new Rng(seed).fork('copies');
  const departments = rng.shuffle(DEPARTMENT_NAMES);
  const templates = options.templates ?? ['prose', 'inline'];
  const usedThemes = new Set<string>();
  const filings: SynthFiling[] = [];
  for (let k = 0; k < count; k++) {
    const filing = generateFiling((seed + k) >>> 0, {
      template: rng.pick(templates),
      department: departments[k % departments.length],
      projectCount: 3,
      excludeThemes: usedThemes,
    });
    if (filing.themes.length < 3) throw new Error(`the vocabulary has too few projects for ${count} filings without shared projects`);
    filing.themes.forEach((theme) => usedThemes.add(theme));
    filings.push({ ...filing, blocks: withSharedBoilerplate(filing) });
  }

  const copies: CopiedParagraph[] = [];
  for (const [from, to] of drawPairs(rng, count, options.copies ?? Math.max(1, Math.floor(count / 2)))) {
    const candidates = filings[from].blocks.filter(
      (block) => COPYABLE_ROLES.has(block.role) && (blockText(block) ?? '').length >= MIN_COPY_LENGTH,
    );
    if (candidates.length === 0) continue;
    const original = blockText(rng.pick(candidates)) ?? '';
    const { copied, edit } = editParagraph(rng, original);
    const target = filings[to].blocks;
    const positions = target
      .map((block, i) => ({ block, i }))
      .filter(({ block }) => block.type === 'paragraph' && block.role !== 'boilerplate');
    const after = positions.length > 0 ? rng.pick(positions).i : target.length - 1;
    target.splice(after + 1, 0, { type: 'paragraph', text: copied, role: 'description', project: target[after]?.project ?? null });
    copies.push({ from, to, original, copied, edit });
  }

  return {
    filings: filings.map((filing) => ({ id: filing.id, department: filing.department, text: toText(filing, options.text) })),
    copies,
    boilerplate: SHARED_BOILERPLATE,
  };
}
