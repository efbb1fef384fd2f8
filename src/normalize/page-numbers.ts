import { foldWidth, isCjkLike } from '../model/characters.js';
import type { SourceItem, SourceLine } from '../parsers/source-items.js';

/**
 * Printed page numbers survive conversion as text: glued to the last word of a page ("…宣传覆16"),
 * alone on a line ("3", "- 3 -", "第3页", "(" "36" ")" on three lines) or as pdf-parse's "-- 3 of 24 --".
 * Any one of these shapes also occurs as content (a table value "100", a count "共3"), so a candidate is
 * accepted only as part of an increasing chain of page numbers with small gaps.
 */

export interface PageNumberCut {
  item: number;
  from: number;
  to: number;
}

export interface PageMarker {
  number: number;
  raw: string;
  cuts: PageNumberCut[];
  /** Index of the last item the marker touches: the page ends after it. */
  lastItem: number;
  firstItem: number;
  sourceStart: number;
  sourceEnd: number;
  physicalPage: number | null;
}

type Strength = 'marker' | 'standalone' | 'glued-before-break' | 'glued';

interface Candidate extends PageMarker {
  strength: Strength;
}

const WEIGHT: Record<Strength, number> = { marker: 3, standalone: 2, 'glued-before-break': 2, glued: 1 };
const MAX_GAP = 5;
/** What a chain of two or more must score: more than two bare glued numbers (see bestChain). */
const MIN_CHAIN_SCORE = 3;
const LOOKBACK = 400;

/** Unambiguous page-marker lines. Each pattern's first group is the page number. */
const MARKER_LINES: RegExp[] = [
  /^--\s*(\d{1,4})\s+of\s+\d{1,4}\s*--$/i, // -- 3 of 24 --   (pdf-parse page joiner)
  /^第\s*(\d{1,4})\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页 / 第 3 页 共 24 页
  /^[-—–－]\s*(\d{1,4})\s*[-—–－]$/, // - 3 -   — 3 —
  /^(\d{1,4})\s*\/\s*\d{1,4}$/, // 3/24
  /^page\s*(\d{1,4})(?:\s*of\s*\d{1,4})?$/i, // Page 3 of 24
  /^[（(]\s*(\d{1,4})\s*[)）]$/, // (36)
];
const STANDALONE = /^(\d{1,4})$/;
/** Digits glued to the end of a line after CJK text or punctuation: "…宣传覆16", "…的成效。5". */
const GLUED = /(\d{1,3})$/;
const NOT_BEFORE_GLUED = /[\d.,%\-/]/;
/** Characters after which digits are usually content (2022年3, 第3, 3号, 目标：1): a page number only at a page's end. */
const CONTENT_BEFORE_GLUED = /[年月日第号页:]/;
/** A pipe table's row up to its last cell, left empty: "… | 定性 | 及时 | ". */
const LAST_CELL = /[|｜]\s*$/;
/**
 * An amount of two decimals or a percentage with a page number glued on, the last line of a page:
 * "192,200.002" is 192,200.00 on page 2, "＞80%4" and "＞92.00(%)3" percentages on pages 4 and 3, a unit
 * cell "%12" is % on page 12. Taken only at a page's end and, like any glued number, only in a chain.
 */
const DECIMAL_OVERRUN = /(?:\d\.\d{2}|[%‰][)）]?)([1-9]\d{0,2})$/;

export function detectPageNumbers(items: readonly SourceItem[], physicalPages: boolean): PageMarker[] {
  const candidates = collectCandidates(items, physicalPages);
  return bestChain(candidates).map(({ strength: _strength, ...marker }) => marker);
}

function folded(text: string): string {
  let out = '';
  for (const ch of text) out += foldWidth(ch);
  return out;
}

function collectCandidates(items: readonly SourceItem[], physicalPages: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const edge = physicalPages ? pageEdgeLines(items) : null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'line') continue;
    if (edge && !edge.has(i)) continue;
    const text = folded(item.text);
    const trimmed = text.trim();
    if (!trimmed) continue;
    const lead = text.length - text.trimStart().length;
    const whole = (number: number, strength: Strength): Candidate =>
      candidate(item, i, i, [{ item: i, from: 0, to: item.text.length }], number, trimmed, lead, trimmed.length, strength);
    /** The digits that end the line, cut as a page number. */
    const tail = (digits: string, strength: Strength): Candidate => {
      const from = lead + trimmed.length - digits.length;
      return candidate(item, i, i, [{ item: i, from, to: from + digits.length }], Number(digits), digits, from, digits.length, strength);
    };

    const marker = MARKER_LINES.map((re) => re.exec(trimmed)).find((m) => m);
    if (marker) {
      candidates.push(whole(Number(marker[1]), 'marker'));
      continue;
    }
    const standalone = STANDALONE.exec(trimmed);
    if (standalone) {
      const paren = parenthesised(items, i);
      if (paren) candidates.push(paren);
      else if (!isTableValue(items, i)) candidates.push(whole(Number(standalone[1]), 'standalone'));
      continue;
    }
    // "大于等于15" / (gap) / "90": a comparison cell that took the page number, its value on the next page
    const comparison = COMPARATOR_GLUED.exec(trimmed);
    if (comparison && endsPage(items, i, physicalPages) && /^\d+(?:\.\d+)?$/.test(nextNonBlank(items, i))) {
      candidates.push(tail(comparison[1], 'glued'));
      continue;
    }
    const overrun = DECIMAL_OVERRUN.exec(trimmed);
    if (overrun && endsPage(items, i, physicalPages)) {
      candidates.push(tail(overrun[1], 'glued'));
      continue;
    }
    const glued = GLUED.exec(trimmed);
    if (glued && trimmed.length > glued[1].length) {
      const before = trimmed[trimmed.length - glued[1].length - 1];
      const endsAPage = endsPage(items, i, physicalPages);
      // "… | 及时 | 5": the last, empty cell of a table's row at a page's end took the page number
      const inLastCell = endsAPage && LAST_CELL.test(trimmed.slice(0, trimmed.length - glued[1].length));
      if (!inLastCell && (!isCjkLike(before) || NOT_BEFORE_GLUED.test(before))) continue;
      // "符号13", "截至2022年12": the digits may be content, but not when the page ends right after them
      // and the chain of pages wants them there (a bare glued number, the weakest link)
      if (CONTENT_BEFORE_GLUED.test(before) && !endsAPage) continue;
      // "…服务费193" / "万元；…": a number the wrap split from its unit, on a page that does not end there
      if (!endsAPage && UNIT_AHEAD.test(nextText(items, i))) continue;
      // "…安排413": the page number may be only the last digits, after a digit of the text (安排4 + 13)
      for (let length = glued[1].length; length >= 1; length--) {
        const digits = glued[1].slice(glued[1].length - length);
        if (digits.startsWith('0')) continue;
        const whole = length === glued[1].length;
        const strength: Strength = whole && endsAPage && !inLastCell && !CONTENT_BEFORE_GLUED.test(before) ? 'glued-before-break' : 'glued';
        candidates.push(tail(digits, strength));
      }
    }
  }
  return candidates;
}

function candidate(
  line: SourceLine,
  firstItem: number,
  lastItem: number,
  cuts: PageNumberCut[],
  number: number,
  raw: string,
  from: number,
  length: number,
  strength: Strength,
): Candidate {
  return {
    number,
    raw,
    cuts,
    firstItem,
    lastItem,
    sourceStart: line.sourceStart + from,
    sourceEnd: line.sourceStart + from + length,
    physicalPage: line.page,
    strength,
  };
}

/** "(", "36", ")" on three lines — a page-number field flattened by a converter. */
function parenthesised(items: readonly SourceItem[], i: number): Candidate | null {
  const before = items[i - 1];
  const after = items[i + 1];
  if (before?.kind !== 'line' || after?.kind !== 'line') return null;
  if (!/^[(（]$/.test(before.text.trim()) || !/^[)）]$/.test(after.text.trim())) return null;
  const line = items[i] as SourceLine;
  const number = Number(folded(line.text).trim());
  return {
    number,
    raw: `(${line.text.trim()})`,
    cuts: [i - 1, i, i + 1].map((k) => ({ item: k, from: 0, to: (items[k] as SourceLine).text.length })),
    firstItem: i - 1,
    lastItem: i + 1,
    sourceStart: before.sourceStart,
    sourceEnd: after.sourceStart + after.text.length,
    physicalPage: line.page,
    strength: 'marker',
  };
}

/** A comparison a flattened table writes in a cell of its own, before the value: "≥", ">=", "大于等于". */
const COMPARATOR_CELL = /^(?:[≥≤><=＝＞＜]{1,2}|(?:大于|小于|不低于|不高于|不少于|不超过|不大于|不小于|高于|低于)(?:等于)?|等于)$/;

/** A comparison cell with digits glued on: "大于等于15", "≥3". */
const COMPARATOR_GLUED = new RegExp(`^(?:${COMPARATOR_CELL.source.slice(1, -1)})([1-9]\\d{0,2})$`);

/** The folded text of the first non-blank line after item i, or ''. */
function nextNonBlank(items: readonly SourceItem[], i: number): string {
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== 'line') return '';
    const text = folded(item.text).trim();
    if (text) return text;
  }
  return '';
}

/**
 * A number alone on a line right after a comparison ("≥" / "90" / "%") is a value of a table flattened one
 * cell per line, not a page number, however well it would fit the chain.
 */
function isTableValue(items: readonly SourceItem[], i: number): boolean {
  const before = items[i - 1];
  return before?.kind === 'line' && COMPARATOR_CELL.test(folded(before.text).trim());
}

/** What opens a line that goes on with the number before it: its unit, or more of its digits. */
const UNIT_AHEAD = /^\s*(?:[万亿千百元%‰个人次项件户天份.．\d]|小时|公里|平方米)/;

function nextText(items: readonly SourceItem[], i: number): string {
  const next = items[i + 1];
  return next?.kind === 'line' ? folded(next.text) : '';
}

/** A glued number is a footer when blank lines, a page change or the end of the text follow it. */
function endsPage(items: readonly SourceItem[], i: number, physicalPages: boolean): boolean {
  const next = items[i + 1];
  if (next === undefined) return true;
  if (next.kind !== 'line') return false;
  if (physicalPages) return next.page !== (items[i] as SourceLine).page;
  return next.text.trim() === '';
}

/** In a PDF, printed numbers stand on the first or last non-blank line of a physical page. */
function pageEdgeLines(items: readonly SourceItem[]): Set<number> {
  const edges = new Set<number>();
  let first = -1;
  let last = -1;
  let page: number | null | undefined;
  const close = () => {
    if (first >= 0) edges.add(first);
    if (last >= 0) edges.add(last);
  };
  items.forEach((item, i) => {
    if (item.kind !== 'line') return;
    if (item.page !== page) {
      close();
      page = item.page;
      first = -1;
      last = -1;
    }
    if (item.text.trim() === '') return;
    if (first < 0) first = i;
    last = i;
  });
  close();
  return edges;
}

/** Longest-scoring increasing chain of candidates (dynamic programming over document order). */
function bestChain(candidates: Candidate[]): Candidate[] {
  const score: number[] = [];
  const previous: number[] = [];
  let best = -1;
  for (let i = 0; i < candidates.length; i++) {
    const current = candidates[i];
    score[i] = WEIGHT[current.strength];
    previous[i] = -1;
    for (let j = Math.max(0, i - LOOKBACK); j < i; j++) {
      const gap = current.number - candidates[j].number;
      if (gap < 1 || gap > MAX_GAP) continue;
      if (current.strength === 'glued' && gap !== 1) continue;
      if (candidates[j].lastItem >= current.firstItem) continue;
      const total = score[j] + WEIGHT[current.strength] - 0.5 * (gap - 1);
      if (total > score[i]) {
        score[i] = total;
        previous[i] = j;
      }
    }
    if (best < 0 || score[i] > score[best]) best = i;
  }
  if (best < 0) return [];
  const chain: Candidate[] = [];
  for (let k = best; k >= 0; k = previous[k]) chain.unshift(candidates[k]);
  // Two numbers glued to line ends in sequence happen by chance in hard-wrapped text ("…培训费1" / "19万元",
  // no blank line or page change after either): such a chain needs a third link. Alone, only an
  // unambiguous marker convinces, or a 1 glued to the line that ends the first page (a two-page text
  // numbered at the foot of its first page only).
  const alone = chain[0].strength === 'marker' || (chain[0].strength === 'glued-before-break' && chain[0].number === 1);
  const convincing = chain.length >= 2 ? score[best] >= MIN_CHAIN_SCORE : alone;
  return convincing ? chain : [];
}
