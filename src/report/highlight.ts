import type { Span } from '../model/document.js';
import { Html, escapeHtml } from './html.js';

/**
 * Highlighting spans of the normalized text. Extracted values and finding locations are spans
 * [start, end) that may overlap (a finding's "declared total" is also an extracted amount; a duplicated
 * section covers goals and indicators), so the text is cut at every span boundary and the marks are
 * emitted as properly nested elements. A mark that crosses another's end is closed and reopened: it
 * becomes several elements sharing one `data-id`, which is how the page finds all of them again.
 */

export interface Mark {
  /** Shared by every element the mark is rendered as (a mark split by nesting or by blocks). */
  id: string;
  start: number;
  /** Exclusive; equal to start for a point (a page break, a missing page number): an empty element. */
  end: number;
  /** CSS classes: the kind of value or finding. */
  classes: string;
  /** Tooltip: what the value is. */
  title?: string;
}

function openTag(mark: Mark): string {
  const title = mark.title ? ` title="${escapeHtml(mark.title)}"` : '';
  return `<span class="${escapeHtml(mark.classes)}" data-id="${escapeHtml(mark.id)}"${title}>`;
}

interface Clipped {
  mark: Mark;
  start: number;
  end: number;
  /** Input order: breaks ties so the output does not depend on sort stability. */
  order: number;
}

/**
 * The text [from, to) as HTML with every mark that touches it as nested `<span>`s. Marks are clipped to
 * the range; a point is kept when it lies within [from, to]. Where several marks open at one offset, the
 * one that ends last is outermost, so spans that merely nest are never split.
 */
export function highlight(text: string, from: number, to: number, marks: readonly Mark[]): Html {
  const ranges: Clipped[] = [];
  const points: Clipped[] = [];
  marks.forEach((mark, order) => {
    if (mark.start === mark.end) {
      if (mark.start >= from && mark.start <= to) points.push({ mark, start: mark.start, end: mark.start, order });
      return;
    }
    const start = Math.max(mark.start, from);
    const end = Math.min(mark.end, to);
    if (start < end) ranges.push({ mark, start, end, order });
  });

  const boundaries = [...new Set([from, to, ...ranges.flatMap((r) => [r.start, r.end]), ...points.map((p) => p.start)])].sort(
    (a, b) => a - b,
  );
  const outerFirst = (a: Clipped, b: Clipped) => b.end - a.end || a.order - b.order;
  const open: Clipped[] = [];
  let out = '';
  for (let k = 0; k < boundaries.length; k++) {
    const at = boundaries[k];
    // Close what ends here; marks opened inside one of them that go on are closed and reopened below.
    const firstEnding = open.findIndex((r) => r.end <= at);
    const reopen: Clipped[] = [];
    if (firstEnding >= 0) {
      for (const r of open.splice(firstEnding).reverse()) {
        out += '</span>';
        if (r.end > at) reopen.push(r);
      }
    }
    for (const p of points) if (p.start === at) out += `${openTag(p.mark)}</span>`;
    if (at >= to) break;
    const starting = [...reopen, ...ranges.filter((r) => r.start === at)].sort(outerFirst);
    for (const r of starting) {
      out += openTag(r.mark);
      open.push(r);
    }
    out += escapeHtml(text.slice(at, boundaries[k + 1]));
  }
  return new Html(out);
}

/**
 * Distribute marks over leaves (blocks, table cells: the pieces of text that are rendered), given in
 * text order and not overlapping. A range goes to every leaf it touches. A point goes to the leaf that
 * contains it or, when it lies between leaves (on the newline between two blocks), to the start of the
 * next leaf, so that it is still shown; a range that touches no leaf becomes a point where it starts.
 */
export function assignMarks(leaves: readonly Span[], marks: readonly Mark[]): Mark[][] {
  const byLeaf: Mark[][] = leaves.map(() => []);
  if (leaves.length === 0) return byLeaf;
  /** The first leaf whose end is at or after offset (leaves.length when none). */
  const firstEndingFrom = (offset: number, strict: boolean): number => {
    let low = 0;
    let high = leaves.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const end = leaves[mid].end;
      if (strict ? end > offset : end >= offset) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const placePoint = (mark: Mark, at: number) => {
    const k = firstEndingFrom(at, false);
    if (k === leaves.length) {
      const last = leaves.length - 1;
      byLeaf[last].push({ ...mark, start: leaves[last].end, end: leaves[last].end });
    } else if (leaves[k].start <= at) byLeaf[k].push(mark.start === mark.end ? mark : { ...mark, start: at, end: at });
    else byLeaf[k].push({ ...mark, start: leaves[k].start, end: leaves[k].start });
  };
  for (const mark of marks) {
    if (mark.start === mark.end) {
      placePoint(mark, mark.start);
      continue;
    }
    let touched = false;
    for (let k = firstEndingFrom(mark.start, true); k < leaves.length && leaves[k].start < mark.end; k++) {
      if (leaves[k].start === leaves[k].end) continue;
      byLeaf[k].push(mark);
      touched = true;
    }
    if (!touched) placePoint(mark, mark.start);
  }
  return byLeaf;
}
