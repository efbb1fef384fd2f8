import type { Block, DocumentModel } from '../../src/model/document.js';
import { pageAt } from '../../src/model/locate.js';
import { statementKindOf } from './statements.js';

/**
 * The section tree of a filing, as a reader infers it: numbered headings (第一部分, 一、, （一）, 1., （1）, ①,
 * 项目一：, 附表1 …) whose levels come from the order in which the numbering styles first appear in this
 * filing — not from a fixed list, since one filing nests 一、 under 第一部分 and another （一） under 一、.
 * The styles are data, each with an example.
 */

export type HeadingStyle = 'part' | 'chapter' | 'cn' | 'cn_paren' | 'arabic' | 'arabic_paren' | 'circled' | 'project' | 'annex' | 'title';

export interface HeadingStyleEntry {
  style: HeadingStyle;
  /** Group 1 is the number, group 2 the title. */
  pattern: RegExp;
  example: string;
}

const CN = '[一二三四五六七八九十百零〇]{1,4}';

export const HEADING_STYLES: HeadingStyleEntry[] = [
  { style: 'part', pattern: new RegExp(`^第(${CN}|\\d{1,2})部分[\\s：:、.．]*(.*)$`), example: '第一部分 部门概况' },
  { style: 'chapter', pattern: new RegExp(`^第(${CN}|\\d{1,2})章[\\s：:、.．]*(.*)$`), example: '第二章 项目支出' },
  { style: 'project', pattern: new RegExp(`^项目(${CN}|\\d{1,2})(?:[：:、.．]\\s*|\\s+)(.{2,40})$`), example: '项目一：农村道路养护' },
  {
    style: 'annex',
    pattern: /^((?:附件|附表|表)\s*\d{1,2}(?:[-－—]\d{1,2})?)(?:[：:、.．]\s*|\s+|(?=[\u4e00-\u9fff]))(.{2,40})$/,
    example: '附表1 2026年收支总表',
  },
  { style: 'cn', pattern: new RegExp(`^(${CN})[、．.]\\s*(.+)$`), example: '一、部门职责' },
  { style: 'cn_paren', pattern: new RegExp(`^[（(](${CN})[)）][、.．]?\\s*(.+)$`), example: '（一）部门预算项目绩效目标' },
  { style: 'arabic', pattern: /^(\d{1,2})[.．、](?!\d)\s*(.+)$/, example: '1.项目内容' },
  { style: 'arabic_paren', pattern: /^[（(](\d{1,2})[)）][、.．]?\s*(.+)$/, example: '（1）资金测算' },
  { style: 'circled', pattern: /^([①-⑳])\s*(.+)$/, example: '①项目背景' },
];

export type SectionKind = 'project' | 'department' | 'statement' | 'other';

export interface Section {
  /** 1 for the outermost heading style of this filing, 2 for the style first met inside it, … */
  level: number;
  style: HeadingStyle;
  /** The number as printed: 一, （一） → 一, 1, ①, 附表1. */
  number: string;
  title: string;
  /** Index of the parent in the section list; null at the top. */
  parent: number | null;
  kind: SectionKind;
  /** From the heading to the next heading of the same or a higher level, in the normalized text. */
  start: number;
  end: number;
  /** Index of the heading's block in document.blocks. */
  block: number;
}

/** A heading's title is short; a longer line is a list item or running text that opens with a number. */
const MAX_TITLE = 40;
/** A title does not end a sentence or go on to the next line. */
const NOT_A_TITLE_END = /[。；;，,、：:（(“‘《—]$/;
/** Running text inside a numbered line: a full stop before its end ("1.加强管理。提高效率"). */
const SENTENCE_INSIDE = /[。！？]./;

/** Department-wide parts of a filing: its own, not a project's. */
const DEPARTMENT_TITLE =
  /部门(?:基本)?概况|部门(?:基本)?情况|部门(?:主要)?职[责能]|机构(?:设置|情况)|人员(?:构成|情况)|部门整体|整体支出|总体绩效目标|部门绩效目标|保障措施|工作任务|主要任务|名词解释|预算绩效管理/;

interface Candidate {
  block: number;
  style: HeadingStyle;
  number: string;
  title: string;
  start: number;
}

/** Styles whose numbers run 1, 2, 3 within their parent: a line out of sequence is a list item, not a heading. */
const SEQUENCED = new Set<HeadingStyle>(['cn', 'cn_paren', 'arabic', 'arabic_paren', 'circled']);

/** Whether a heading's title was taken from the block after it (第三部分 / 部门预算情况说明). */
function candidateTitleFromNext(blocks: Block[], c: Candidate): boolean {
  const own = blocks[c.block];
  return own.type !== 'table' && !own.text.replace(/\s+/g, '').includes(c.title);
}

/** The value of a heading number: 一 → 1, 十二 → 12, 3 → 3, ③ → 3, 附表2 → 2. */
export function numberValue(number: string): number | null {
  const digits = /\d+/.exec(number);
  if (digits) return Number(digits[0]);
  if (/^[①-⑳]$/.test(number)) return number.charCodeAt(0) - 0x2460 + 1;
  const units: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (number === '十') return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(number);
  if (tens) return (tens[1] ? units[tens[1]] : 1) * 10 + (tens[2] ? units[tens[2]] : 0);
  return number.length === 1 && number in units ? units[number] : null;
}

function candidateOf(block: Block, index: number, blocks: Block[]): Candidate | null {
  if (block.type === 'table') return null;
  // a heading may be wrapped over two lines by the normalizer's joining: it is one heading
  const text = block.text.replace(/\s*\n\s*/g, '').trim();
  for (const { style, pattern } of HEADING_STYLES) {
    const match = pattern.exec(text);
    if (!match) continue;
    let title = match[2].trim();
    // "第一部分" alone on its line, its title on the next: one heading
    if (title.length === 0 && (style === 'part' || style === 'chapter')) {
      const next = blocks[index + 1];
      const nextText = next && next.type !== 'table' ? next.text.replace(/\s+/g, '') : '';
      if (nextText.length <= 20 && !NOT_A_TITLE_END.test(nextText) && !/[。，]/.test(nextText)) title = nextText;
    }
    if (title.length === 0 && style !== 'part' && style !== 'chapter') return null;
    if (title.length > MAX_TITLE || NOT_A_TITLE_END.test(title) || SENTENCE_INSIDE.test(title)) return null;
    // a sentence that only opens with a count ("3.5万元用于…") or a figure is no heading
    if (/^\d/.test(match[2].trim()) && style !== 'annex') return null;
    return { block: index, style, number: match[1].replace(/\s+/g, ''), title, start: block.start };
  }
  // a heading without a number (关于…的说明, a spaced unit name 信 访 办, a DOCX Heading): a level of its own
  if (block.type === 'heading' && text.length <= MAX_TITLE && !NOT_A_TITLE_END.test(text) && !SENTENCE_INSIDE.test(text)) {
    return { block: index, style: 'title', number: '', title: text.replace(/\s+/g, ''), start: block.start };
  }
  return null;
}

/**
 * Running heads: a title printed at the top of every page (the form's caption, the filing's name) is not a
 * new section each time; keep its first appearance. A sub-heading every project repeats (（一）绩效目标)
 * stands among other headings, not at each page's top, and stays.
 */
function withoutRunningHeads(document: Pick<DocumentModel, 'blocks' | 'pageStarts'>, candidates: Candidate[]): Candidate[] {
  const pageTops = new Set(document.pageStarts.map((p) => p.start));
  const atPageTop = (c: Candidate) => {
    const block = document.blocks[c.block];
    const previous = document.blocks[c.block - 1];
    return pageTops.has(block.start) || (previous !== undefined && pageTops.has(previous.start) && previous.type !== 'table');
  };
  const key = (c: Candidate) => `${c.style}${c.number}${c.title}`;
  const tops = new Map<string, number>();
  for (const c of candidates) if (atPageTop(c)) tops.set(key(c), (tops.get(key(c)) ?? 0) + 1);
  const kept = new Set<string>();
  return candidates.filter((c) => {
    if ((tops.get(key(c)) ?? 0) < 3 || !atPageTop(c)) return true;
    if (kept.has(key(c))) return false;
    kept.add(key(c));
    return true;
  });
}

/** The pages that hold a 目录 line: the table of contents. */
function contentsPages(document: Pick<DocumentModel, 'blocks' | 'pageStarts'>): Set<number> {
  const pages = new Set<number>();
  for (const b of document.blocks) {
    const page = b.type !== 'table' && /^目\s*录$/.test(b.text.trim()) ? pageAt(document, b.start) : null;
    if (page !== null) pages.add(page);
  }
  return pages;
}

/** Indices of the blocks of the table of contents. */
export function contentsBlocks(document: Pick<DocumentModel, 'blocks' | 'pageStarts'>): number[] {
  const pages = contentsPages(document);
  return document.blocks.flatMap((b, index) => (pages.has(pageAt(document, b.start) ?? -1) ? [index] : []));
}

const CONTENTS_ENTRY = /(?:[.．…·]{2,}|…)\s*\d{1,3}$|\s{2,}\d{1,3}$/;

/**
 * The table of contents (目录) repeats the headings with their page numbers: its lines are not sections,
 * so candidates on a page that holds a 目录 line, and lines that end in a page number, are left out.
 */
function withoutContents(document: Pick<DocumentModel, 'blocks' | 'pageStarts'>, candidates: Candidate[]): Candidate[] {
  const pages = contentsPages(document);
  // an entry of the contents ends in its page number, often after leader dots: 一、部门概况……1
  const entries = candidates.filter((c) => CONTENTS_ENTRY.test(c.title)).length;
  return candidates.filter((c) => {
    if (CONTENTS_ENTRY.test(c.title) && entries >= 2) return false;
    return !pages.has(pageAt(document, c.start) ?? -1);
  });
}

/**
 * Levels by order of first appearance: a style met for the first time nests under the current one; a
 * style already open closes everything below it. This is how a reader takes 一、 under 第一部分 and
 * （一） under 一、 without being told.
 */
export function findSections(document: Pick<DocumentModel, 'blocks' | 'text' | 'pageStarts'>): Section[] {
  const candidates = withoutRunningHeads(
    document,
    withoutContents(
      document,
      document.blocks.map((block, index) => candidateOf(block, index, document.blocks)).filter((c): c is Candidate => c !== null),
    ),
  );
  const stack: HeadingStyle[] = [];
  /** The last number met of each open style: a heading continues its style's sequence (一, 二, 三…). */
  const lastNumber = new Map<HeadingStyle, number>();
  const sections: Section[] = [];
  const openAt: number[] = [];
  let consumed = -1;
  for (const c of candidates) {
    const at = stack.indexOf(c.style);
    const value = numberValue(c.number);
    // a numbered line out of its sequence ("三、向市政府提出…" among list items whose 一 and 二 ran on) is a list item
    const expected = at >= 0 ? (lastNumber.get(c.style) ?? 0) + 1 : 1;
    if (value !== null && SEQUENCED.has(c.style) && value !== expected && !(at < 0 && value === 1)) continue;
    // a part heading that took the next line as its title: that line is no heading of its own
    if (c.block === consumed) continue;
    if (c.title !== '' && c.style !== 'title' && candidateTitleFromNext(document.blocks, c)) consumed = c.block + 1;
    if (at >= 0) {
      for (const style of stack.slice(at + 1)) lastNumber.delete(style);
      stack.length = at + 1;
    } else stack.push(c.style);
    if (value !== null) lastNumber.set(c.style, value);
    const level = stack.length;
    openAt.length = level - 1;
    const parent = openAt.length > 0 ? (openAt[openAt.length - 1] ?? null) : null;
    sections.push({
      level,
      style: c.style,
      number: c.number,
      title: c.title,
      parent,
      kind: kindOf(c.title),
      start: c.start,
      end: document.text.length,
      block: c.block,
    });
    openAt[level - 1] = sections.length - 1;
  }
  // a section ends where the next one of the same or a higher level starts
  for (let i = 0; i < sections.length; i++) {
    const next = sections.slice(i + 1).find((s) => s.level <= sections[i].level);
    if (next) sections[i].end = next.start;
  }
  return sections;
}

function kindOf(title: string): SectionKind {
  if (statementKindOf(title) !== null) return 'statement';
  if (DEPARTMENT_TITLE.test(title.replace(/\s+/g, ''))) return 'department';
  return 'other';
}

/** Marks the sections that hold a project's title as the project's. */
export function markProjectSections(sections: Section[], projectTitleStarts: number[]): void {
  for (const start of projectTitleStarts) {
    // the innermost section whose heading is the project's title, or that opens right at it
    const own = sections.filter((s) => s.start <= start && start < s.end).sort((a, b) => b.level - a.level)[0];
    if (own && own.kind === 'other' && start - own.start < 200) own.kind = 'project';
  }
}
