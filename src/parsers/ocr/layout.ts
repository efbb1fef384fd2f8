import type { OcrLine } from './engine.js';
import { repairLine } from './repairs.js';

/**
 * OCR'd boxes laid out as pdf-parse lays out a text layer: one line per row of the page, the boxes of a row
 * left to right with a space between (a table row's cells, as pdf-parse's getText gives them), rows top to
 * bottom. The lines of a multi-line table cell are rows of their own, so the flattened-table recovery the
 * typed path relies on reads them the same way; the engine's own order interleaves them across columns.
 */

/** A box of the page's text with where it stands: in the page text and on the page (PDF points). */
export interface PlacedBox {
  text: string;
  /** Offsets in the page's text. */
  start: number;
  end: number;
  /** In PDF points from the page's top left. */
  box: { x: number; y: number; width: number; height: number };
  confidence: number;
}

export interface OcrPageText {
  text: string;
  boxes: PlacedBox[];
  /** The page's mean confidence, weighted by characters; null on a page where nothing was read. */
  confidence: number | null;
}

/** Two boxes are on one row when they overlap vertically by more than this share of the shorter one. */
const SAME_ROW_OVERLAP = 0.5;

export function layoutPage(lines: OcrLine[], scale: number): OcrPageText {
  const boxes = lines
    .map((l) => ({ ...l, text: repairLine(l.text) }))
    .filter((l) => l.text !== '')
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const rows: OcrLine[][] = [];
  for (const box of boxes) {
    const row = rows.find((r) => r.some((other) => verticalOverlap(other, box) > SAME_ROW_OVERLAP));
    if (row) row.push(box);
    else rows.push([box]);
  }
  rows.sort((a, b) => top(a) - top(b));
  let text = '';
  const placed: PlacedBox[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.box.x - b.box.x);
    if (text !== '') text += '\n';
    row.forEach((box, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += box.text;
      placed.push({ text: box.text, start, end: text.length, box: inPoints(box.box, scale), confidence: box.confidence });
    });
  }
  const chars = placed.reduce((n, b) => n + b.text.length, 0);
  const confidence = chars === 0 ? null : placed.reduce((sum, b) => sum + b.confidence * b.text.length, 0) / chars;
  return { text, boxes: placed, confidence };
}

function verticalOverlap(a: OcrLine, b: OcrLine): number {
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  return overlap / Math.min(a.box.height, b.box.height);
}

const top = (row: OcrLine[]) => Math.min(...row.map((b) => b.box.y));

function inPoints(box: OcrLine['box'], scale: number): PlacedBox['box'] {
  const round = (n: number) => Math.round((n / scale) * 10) / 10;
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}
