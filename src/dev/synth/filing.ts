import type { Truth } from './truth.js';

/** The three layouts a synthetic filing can take (see generate.ts). */
export const TEMPLATES = ['prose', 'table', 'inline'] as const;
export type Template = (typeof TEMPLATES)[number];

/**
 * What a block is about, so later steps (planting a duplicate, copying a paragraph into another filing)
 * can choose a block by meaning. Writers ignore it.
 */
export type BlockRole =
  | 'title'
  | 'overview'
  | 'department_goals'
  | 'unit'
  | 'description'
  | 'funding'
  | 'goals'
  | 'indicators'
  | 'criteria'
  | 'boilerplate'
  | 'form';

interface BlockBase {
  /** Index of the project in `truth.projects`; null for department-level text. */
  project: number | null;
  role: BlockRole;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 1 = part heading (第一部分…), 2 = project title, 3 = section inside a project. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: string;
}

/** A numbered line whose marker is part of the text, as filings write it ("1、", "（一）", "一是"). */
export interface ListItemBlock extends BlockBase {
  type: 'list_item';
  marker: string;
  text: string;
}

/** A merged region: the anchor cell (row, col) carries the text; the cells it covers are empty strings in `rows`. */
export interface CellMerge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  /** A full grid: every row has the same number of cells. */
  rows: string[][];
  merges: CellMerge[];
  /** Rows at the top that are column headers. */
  headerRows: number;
}

export type SynthBlock = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

export interface SynthFiling {
  /** Stable for a seed and options: "synth-table-0000002a". */
  id: string;
  seed: number;
  template: Template;
  department: string;
  year: number;
  blocks: SynthBlock[];
  truth: Truth;
  /** The vocabulary theme behind each project, in project order (to keep filings from sharing projects). */
  themes: string[];
}

/** True when (row, col) is covered by a merge anchored elsewhere. */
export function isCoveredCell(table: TableBlock, row: number, col: number): boolean {
  return table.merges.some(
    (merge) =>
      row >= merge.row &&
      row < merge.row + merge.rowSpan &&
      col >= merge.col &&
      col < merge.col + merge.colSpan &&
      !(row === merge.row && col === merge.col),
  );
}
