import { type FormLabelKind, foldLabel, formLabelOf } from '../model/form-labels.js';
import type { SourceCell, SourceItem, SourceLine } from '../parsers/source-items.js';
import { FORM_CAPTION } from './line-kinds.js';

/**
 * Forms and indicator tables printed with their columns aligned by spaces, as `pdftotext -layout` and
 * TXT copies of real filings write them:
 *
 *            项目名称                            审计业务经费
 *          主管部门及代码              231_烟台市审计局    实施单位              烟台市审计局
 *                             年度预算资金总额：                 31.00
 *            项目资金
 *                             其中：财政拨款                    0.00
 *   总体目标   按照审计署及山东省审计相关审计计划安排，完成指定审计项目
 *           一级指标     二级指标         三级指标                  指标值
 *                                项目总成本                 ≤31万元
 *   绩效指标   成本指标      经济成本
 *                              审计项目人员成本标准             ≤560元/人/天
 *                             审计（专项审计调查）单位
 *                                                       ≥1个
 *                                  个数
 *
 * Cells are separated by runs of two or more spaces (one space where a cell fills its column: "绩效指标
 * 成本指标"). The form is read by its labels (src/model/form-labels.ts); the indicator table by the
 * positions of its header cells: a piece of text belongs to the column whose header centre is nearest.
 *
 * A page lays a cell's lines around the vertical middle of its row, so a wrapped cell's lines stand above
 * and below the line that holds the row's value (its anchor), between the lines of the rows around it:
 * each such line joins the nearest anchor of its band (a run of lines without a blank one). A merged
 * 一级/二级 cell is printed once, beside the middle of the rows it spans: the rows are cut into groups so
 * that each level line stands as near as it can to the middle of its group.
 */

/** Text between gaps of two or more spaces (or a tab) on a line: a cell, or a piece of one. */
interface Segment {
  /** Item index of the line. */
  line: number;
  from: number;
  to: number;
  text: string;
}

const RUN = /[^\s]+(?:[ \u3000\u00a0][^\s]+)*/g;
const PIECE = /[^\s]+/g;

function segmentsOf(item: SourceLine, line: number, pattern: RegExp = RUN): Segment[] {
  const segments: Segment[] = [];
  for (const match of item.text.matchAll(pattern)) {
    segments.push({ line, from: match.index, to: match.index + match[0].length, text: match[0] });
  }
  return segments;
}

/** A segment's pieces between single spaces ("绩效指标 成本指标" → 绩效指标, 成本指标). */
function piecesOf(segment: Segment): Segment[] {
  return [...segment.text.matchAll(PIECE)].map((m) => ({
    line: segment.line,
    from: segment.from + m.index,
    to: segment.from + m.index + m[0].length,
    text: m[0],
  }));
}

/** Adjacent segments of one line joined, with the spaces between them. */
function spanOf(items: SourceItem[], parts: Segment[]): Segment {
  const line = items[parts[0].line] as SourceLine;
  const from = parts[0].from;
  const to = parts[parts.length - 1].to;
  return { line: parts[0].line, from, to, text: line.text.slice(from, to) };
}

const center = (s: { from: number; to: number }) => (s.from + s.to) / 2;
const isBlankItem = (item: SourceItem | undefined) => item?.kind === 'line' && item.text.trim() === '';

/**
 * A cell from segments on one or more lines, in reading order. One segment maps to its source exactly;
 * several are joined with line breaks (the normalizer drops a break between Chinese characters) and
 * every character keeps its own source offset.
 */
function cellOf(items: SourceItem[], parts: Segment[], rowSpan = 1): SourceCell {
  const sorted = [...parts].sort((a, b) => a.line - b.line || a.from - b.from);
  const byLine: Segment[] = [];
  for (const part of sorted) {
    const last = byLine[byLine.length - 1];
    if (last && last.line === part.line) byLine[byLine.length - 1] = spanOf(items, [last, part]);
    else byLine.push(part);
  }
  const start = (s: Segment) => (items[s.line] as SourceLine).sourceStart + s.from;
  if (byLine.length === 1) return { text: byLine[0].text, sourceStart: start(byLine[0]), exactSource: true, rowSpan, colSpan: 1 };
  const sources: number[] = [];
  byLine.forEach((s, k) => {
    if (k > 0) sources.push(sources[sources.length - 1]);
    for (let c = 0; c < s.text.length; c++) sources.push(start(s) + c);
  });
  return { text: byLine.map((s) => s.text).join('\n'), sourceStart: start(byLine[0]), exactSource: true, sources, rowSpan, colSpan: 1 };
}

function emptyCell(items: SourceItem[], line: number, rowSpan = 1): SourceCell {
  return { text: '', sourceStart: (items[line] as SourceLine).sourceStart, exactSource: false, rowSpan, colSpan: 1 };
}

// ---------------------------------------------------------------------------------------------
// Bands and anchors
// ---------------------------------------------------------------------------------------------

/** Which band (run of non-blank lines) each line of a range belongs to; blank lines get -1. */
function bandsOf(items: SourceItem[], lines: number[]): Map<number, number> {
  const bands = new Map<number, number>();
  let band = 0;
  let previous = -2;
  for (const line of lines) {
    if (isBlankItem(items[line])) continue;
    if (line !== previous + 1) band++;
    bands.set(line, band);
    previous = line;
  }
  return bands;
}

/**
 * The anchor a wrapped line joins: the nearest in its band (any anchor where its band has none). At equal
 * distance, `tie` decides (a positive number for the later anchor), else the later one: a page prints a
 * one-line value beside the last line of a two-line name more often than beside its first.
 */
function nearestAnchor(
  line: number,
  anchors: readonly number[],
  bands: Map<number, number>,
  tie: (above: number, below: number) => number = () => 1,
): number | null {
  const inBand = anchors.filter((a) => bands.get(a) === bands.get(line));
  const candidates = (inBand.length > 0 ? inBand : anchors).slice().sort((a, b) => a - b);
  let best: number | null = null;
  for (const anchor of candidates) {
    const d = Math.abs(anchor - line);
    // candidates ascend, so at equal distance `best` stands above the line and `anchor` below it
    if (best === null || d < Math.abs(best - line) || (d === Math.abs(best - line) && tie(best, anchor) > 0)) best = anchor;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The form above the indicator table
// ---------------------------------------------------------------------------------------------

/** A qualifier under a label in its cell: "（万元）". */
const QUALIFIER = /^[（(][^（()）]{1,10}[)）]$/;
/** Labels that head a group of rows and own no value: 项目资金（万元） over 年度资金总额 / 其中：财政拨款 / 其他资金. */
const GROUP_LABELS = new Set(['项目资金', '资金来源', '项目资金来源', '资金情况']);
const isFormLabel = (text: string) => formLabelOf(text) !== null || QUALIFIER.test(text);
const isGroupLabel = (text: string) => QUALIFIER.test(text) || GROUP_LABELS.has(foldLabel(text));
/** The most lines from 项目名称 to the indicator table's header. */
const MAX_FORM_LINES = 80;

/** A line's segments, a label glued by one space to its value cut off it ("总体目标 完成当年租车费用的支付工作"). */
function formSegments(item: SourceLine, line: number): Segment[] {
  return segmentsOf(item, line).flatMap((segment) => {
    const pieces = piecesOf(segment);
    if (pieces.length < 2 || !isFormLabel(pieces[0].text)) return [segment];
    return [pieces[0], { ...segment, from: pieces[1].from, text: segment.text.slice(pieces[1].from - segment.from) }];
  });
}

/** Opens an aligned form: 项目名称, two or more spaces, the name. */
export function opensAlignedForm(item: SourceLine): boolean {
  const segments = segmentsOf(item, 0);
  return segments.length === 2 && formLabelOf(segments[0].text) === 'project_name' && formLabelOf(segments[1].text) === null;
}

interface FormRow {
  anchor: number;
  /** Label and value cells of the anchor line in order; a value cell collects the lines wrapped around it. */
  cells: { label: boolean; parts: Segment[] }[];
  group: Segment[];
}

/** The form's rows, from 项目名称 up to (not including) line `end`. */
function readFormRows(items: SourceItem[], from: number, end: number): FormRow[] {
  const lines = Array.from({ length: end - from }, (_, k) => from + k).filter((line) => !isBlankItem(items[line]));
  const bands = bandsOf(items, lines);
  const segmentsAt = new Map(lines.map((line) => [line, formSegments(items[line] as SourceLine, line)]));
  // where a band's row labels (a label with its value beside it) start: a group label stands left of them
  const labelColumn = new Map<number, number>();
  for (const line of lines) {
    const segments = segmentsAt.get(line)!;
    const k = segments.findIndex((s, n) => isFormLabel(s.text) && n + 1 < segments.length && !isFormLabel(segments[n + 1].text));
    if (k < 0) continue;
    const band = bands.get(line)!;
    labelColumn.set(band, Math.min(labelColumn.get(band) ?? Number.POSITIVE_INFINITY, segments[k].from));
  }
  const rows: FormRow[] = [];
  const fragments: Segment[] = [];
  const groups: Segment[] = [];
  for (const line of lines) {
    const segments = segmentsAt.get(line)!;
    const column = labelColumn.get(bands.get(line)!) ?? Number.NEGATIVE_INFINITY;
    // 项目资金 / （万元）, or 项目 / 资金 / （万 / 元）, left of the labels of the rows it heads
    let k = 0;
    while (
      k < segments.length &&
      segments[k].to <= column &&
      (isGroupLabel(segments[k].text) || !isFormLabel(segments[k].text)) &&
      (k + 1 >= segments.length || isFormLabel(segments[k + 1].text))
    ) {
      k++;
    }
    groups.push(...segments.slice(0, k));
    const rest = segments.slice(k);
    if (rest.length === 0) continue;
    if (!rest.some((s) => isFormLabel(s.text))) {
      fragments.push(...rest);
      continue;
    }
    const cells: FormRow['cells'] = [];
    for (const segment of rest) {
      const label = isFormLabel(segment.text);
      const last = cells[cells.length - 1];
      // two values side by side are one cell a justified line spaced out
      if (!label && last && !last.label) last.parts.push(segment);
      else cells.push({ label, parts: [segment] });
    }
    rows.push({ anchor: line, cells, group: [] });
  }
  if (rows.length === 0) return rows;
  const anchors = rows.map((r) => r.anchor);
  const rowAt = new Map(rows.map((r) => [r.anchor, r]));
  for (const fragment of fragments) {
    const overlaps = (line: number) => rowAt.get(line)!.cells.some((c) => !c.label && overlap(c.parts, fragment) > 0);
    const anchor = nearestAnchor(fragment.line, anchors, bands, (above, below) => Number(overlaps(below)) - Number(overlaps(above)) || 1);
    if (anchor === null) continue;
    const row = rowAt.get(anchor)!;
    const values = row.cells.filter((c) => !c.label);
    if (values.length === 0) {
      row.cells.push({ label: false, parts: [fragment] });
      continue;
    }
    const best = values.reduce((a, b) => (score(b.parts, fragment) > score(a.parts, fragment) ? b : a));
    best.parts.push(fragment);
  }
  // a group label goes to the first row of its band whose own label stands right of it
  for (const group of groups) {
    const candidates = rows.filter((r) => bands.get(r.anchor) === bands.get(group.line));
    const row = candidates.find((r) => r.cells[0].parts[0].from > group.to) ?? candidates[0] ?? rows[rows.length - 1];
    row.group.push(group);
  }
  return rows;
}

/** Columns two segment spans share. */
function overlap(parts: Segment[], fragment: Segment): number {
  return Math.max(0, Math.min(...parts.map((p) => p.to), fragment.to) - Math.max(Math.min(...parts.map((p) => p.from)), fragment.from));
}

function score(parts: Segment[], fragment: Segment): number {
  const o = overlap(parts, fragment);
  if (o > 0) return o;
  const from = Math.min(...parts.map((p) => p.from));
  const to = Math.max(...parts.map((p) => p.to));
  return -Math.abs(center({ from, to }) - center(fragment));
}

function formCells(items: SourceItem[], row: FormRow): SourceCell[] {
  const cells = row.cells.map((c) => cellOf(items, c.parts));
  return row.group.length > 0 ? [cellOf(items, row.group), ...cells] : cells;
}

// ---------------------------------------------------------------------------------------------
// The indicator table
// ---------------------------------------------------------------------------------------------

type ColumnKind = 'group' | 'level1' | 'level2' | 'level3' | 'value' | 'other';

interface Column {
  kind: ColumnKind;
  from: number;
  to: number;
  header: Segment | null;
}

const HEADER_KINDS: Partial<Record<FormLabelKind, ColumnKind>> = {
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  value: 'value',
  symbol: 'value',
  measure_unit: 'value',
  weight: 'other',
  standard: 'other',
  remark: 'other',
};
/** Header cells the label lexicon does not know but these tables print: 指标值内容, 指标值类型, 指标解释. */
const OTHER_HEADER = /^(?:指标值内容|指标值类型|指标解释|指标说明|评[(（]?扣[)）]?分标准)$/;

function headerKind(text: string): ColumnKind | null {
  const kind = formLabelOf(text);
  const known = kind === null ? undefined : HEADER_KINDS[kind];
  if (known) return known;
  return OTHER_HEADER.test(text) ? 'other' : null;
}

/**
 * The indicator table's columns from its header line (一级指标  二级指标  三级指标  指标值), or null
 * when the line is no such header. Cells one space apart ("一级指标 二级指标") are cut where each piece is a header.
 */
export function headerColumns(item: SourceLine, line: number): Column[] | null {
  // columns aligned by blanks have runs of two or more between their cells; single blanks are a text layer's (glued-lines.ts)
  if (!/\S {2,}\S/.test(item.text)) return null;
  const cells = segmentsOf(item, line).flatMap((segment) => {
    const pieces = piecesOf(segment);
    return pieces.length > 1 && pieces.every((p) => headerKind(p.text) !== null) ? pieces : [segment];
  });
  if (cells.length < 3) return null;
  const columns: Column[] = [];
  for (const cell of cells) {
    const kind = headerKind(cell.text);
    if (kind === null) return null;
    columns.push({ kind, from: cell.from, to: cell.to, header: cell });
  }
  const has = (kind: ColumnKind) => columns.some((c) => c.kind === kind);
  return has('level3') && (has('level1') || has('value')) ? columns : null;
}

/** The column a piece of a row belongs to: the group column left of 一级指标, else the nearest header centre. */
function columnOf(columns: Column[], piece: Segment): number {
  if (columns[0].kind === 'group' && piece.to <= columns[1].from) return 0;
  let best = columns[0].kind === 'group' ? 1 : 0;
  for (let c = best + 1; c < columns.length; c++) {
    if (Math.abs(center(columns[c]) - center(piece)) < Math.abs(center(columns[best]) - center(piece))) best = c;
  }
  return best;
}

/** A line's pieces by column; a segment is cut at single spaces only where its pieces fall into different columns. */
function placeLine(columns: Column[], segments: Segment[], items: SourceItem[]): Map<number, Segment> | null {
  const placed = new Map<number, Segment[]>();
  for (const segment of segments) {
    const pieces = piecesOf(segment);
    let run: Segment[] = [];
    let runColumn = -1;
    const flush = () => {
      if (run.length === 0) return;
      const list = placed.get(runColumn) ?? [];
      list.push(spanOf(items, run));
      placed.set(runColumn, list);
      run = [];
    };
    for (const piece of pieces) {
      const column = columnOf(columns, piece);
      if (column !== runColumn) flush();
      runColumn = column;
      run.push(piece);
    }
    flush();
  }
  const result = new Map<number, Segment>();
  for (const [column, parts] of placed) {
    const joined = parts.length === 1 ? parts[0] : spanOf(items, parts);
    // a text across another column's centre is no cell of this table (a note, a heading)
    if (columns.some((c, k) => k !== column && c.kind !== 'group' && joined.from < center(c) - 1 && joined.to > center(c) + 1)) return null;
    result.set(column, joined);
  }
  return result;
}

interface IndicatorRow {
  anchor: number;
  parts: Map<number, Segment[]>;
  top: number;
  bottom: number;
}

/** A level cell (一级 or 二级), its wrapped lines joined; `y`, the middle of its lines. */
interface LevelCell {
  y: number;
  parts: Segment[];
}

/** The end of a level a narrow column wrapped: 满意度 / 指标, 服务对象满意 / 度指标. */
const LEVEL_TAIL = /^.{0,2}指?标$/;

/** A level column's cells: its pieces, a piece joined to the one above it in its band where it ends a wrapped level. */
function levelCellsOf(lines: number[], placed: Map<number, Map<number, Segment>>, column: number, bands: Map<number, number>): LevelCell[] {
  const cells: LevelCell[] = [];
  for (const line of lines) {
    const piece = placed.get(line)!.get(column);
    if (!piece) continue;
    const last = cells[cells.length - 1];
    const lastPiece = last?.parts[last.parts.length - 1];
    if (
      last &&
      bands.get(lastPiece.line) === bands.get(line) &&
      line - lastPiece.line <= 2 &&
      LEVEL_TAIL.test(piece.text) &&
      !/指标$/.test(lastPiece.text)
    ) {
      last.parts.push(piece);
      last.y = (last.parts[0].line + line) / 2;
    } else cells.push({ y: line, parts: [piece] });
  }
  return cells;
}

const distance = (y: number, extent: { top: number; bottom: number }) => Math.max(0, extent.top - y, y - extent.bottom);

const MAX_BLANK_RUN = 2;

/**
 * The indicator table from its header at `header`: the lines it takes (from the header to its last row)
 * and its rows, or null when no row holds a value.
 */
function readIndicators(
  items: SourceItem[],
  header: number,
  isGap: (index: number) => boolean,
): { end: number; rows: SourceCell[][] } | null {
  const headerColumnsAt = headerColumns(items[header] as SourceLine, header)!;
  const placedLines = new Map<number, Map<number, Segment>>();
  // a group column (绩效指标) stands left of 一级指标 where any row prints one there
  let end = header + 1;
  let blanks = 0;
  const probe: Column[] = [{ kind: 'group', from: 0, to: 0, header: null }, ...headerColumnsAt];
  const hasLevel1 = headerColumnsAt[0].kind === 'level1';
  const columns = hasLevel1 ? probe : headerColumnsAt;
  for (let j = header + 1; j < items.length; j++) {
    const item = items[j];
    if (item.kind !== 'line' || isGap(j)) break;
    if (item.text.trim() === '') {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    if (opensAlignedForm(item) || headerColumns(item, j) !== null || FORM_CAPTION.test(item.text.trim())) break;
    const placed = placeLine(columns, segmentsOf(item, j), items);
    if (placed === null) break;
    placedLines.set(j, placed);
    end = j + 1;
  }
  const used = [...placedLines.keys()];
  const groupUsed = used.some((line) => placedLines.get(line)!.has(0));
  const level3 = columns.findIndex((c) => c.kind === 'level3');
  const valueColumns = columns.flatMap((c, k) => (k > level3 && c.kind === 'value' ? [k] : []));
  const anchorColumns = valueColumns.length > 0 ? valueColumns : columns.flatMap((_, k) => (k > level3 ? [k] : []));
  const levelColumns = columns.flatMap((_, k) => (k < level3 ? [k] : []));
  const bands = bandsOf(
    items,
    Array.from({ length: end - header - 1 }, (_, k) => header + 1 + k),
  );

  // rows: anchored on the lines that hold a value; the name and other cells' wrapped lines join them
  const anchors = used.filter((line) => anchorColumns.some((c) => placedLines.get(line)!.has(c)));
  if (anchors.length === 0) return null;
  const rows = new Map<number, IndicatorRow>(anchors.map((a) => [a, { anchor: a, parts: new Map(), top: a, bottom: a }]));
  const ownName = (line: number) => placedLines.get(line)?.has(level3) ?? false;
  for (const line of used) {
    for (const [column, segment] of placedLines.get(line)!) {
      if (column < level3) continue;
      const anchor = rows.has(line)
        ? line
        : nearestAnchor(line, anchors, bands, (above, below) => Number(!ownName(below)) - Number(!ownName(above)) || 1);
      if (anchor === null) continue;
      const row = rows.get(anchor)!;
      row.parts.set(column, [...(row.parts.get(column) ?? []), segment]);
      row.top = Math.min(row.top, line);
      row.bottom = Math.max(row.bottom, line);
    }
  }
  // a row left without a name is the wrapped end of a value beside the row next to it in its band
  const ordered = [...rows.values()].sort((a, b) => a.anchor - b.anchor);
  for (let k = 0; k < ordered.length; k++) {
    const row = ordered[k];
    if (row.parts.has(level3)) continue;
    const inBand = (other: IndicatorRow | undefined) => other !== undefined && bands.get(other.anchor) === bands.get(row.anchor);
    const target = inBand(ordered[k - 1]) ? ordered[k - 1] : inBand(ordered[k + 1]) ? ordered[k + 1] : null;
    if (!target) continue;
    for (const [column, parts] of row.parts) target.parts.set(column, [...(target.parts.get(column) ?? []), ...parts]);
    target.top = Math.min(target.top, row.top);
    target.bottom = Math.max(target.bottom, row.bottom);
    ordered.splice(k--, 1);
  }

  // levels: each level column's cells, 一级 grouping the rows and 二级 the rows of its group
  const hierarchy = levelColumns.filter((c) => columns[c].kind !== 'group');
  const cellsOf = new Map(hierarchy.map((c) => [c, levelCellsOf(used, placedLines, c, bands)]));
  const groupPieces = groupUsed ? used.flatMap((line) => (placedLines.get(line)!.has(0) ? [placedLines.get(line)!.get(0)!] : [])) : [];
  const starts = new Map<number, Map<number, SourceCell>>(ordered.map((_, r) => [r, new Map()]));
  // from the finest level up: 二级 groups rows, 一级 groups whole 二级 groups (a merged 一级 never cuts one)
  let units: Unit[] = ordered.map((row, r) => ({ first: r, size: 1, top: row.top, bottom: row.bottom, level: null }));
  for (const column of [...hierarchy].reverse()) {
    const levels = cellsOf.get(column)!;
    if (levels.length > 0) {
      units = groupRows(units, levels).map((g) => {
        const last = units[g.first + g.size - 1];
        return {
          first: units[g.first].first,
          size: last.first + last.size - units[g.first].first,
          top: units[g.first].top,
          bottom: last.bottom,
          level: g.level,
        };
      });
    }
    for (const unit of units) {
      const cell =
        unit.level && levels.length > 0
          ? cellOf(items, unit.level.parts, unit.size)
          : emptyCell(items, ordered[unit.first].anchor, unit.size);
      starts.get(unit.first)!.set(column, cell);
    }
  }
  if (groupUsed) {
    // the group column (绩效指标, or 绩/效/指/标 a character a line) only labels the rows of each 一级
    const own = (piece: Segment) =>
      units.reduce((best, u, k) => (distance(piece.line, u) < distance(piece.line, units[best]) ? k : best), 0);
    units.forEach((unit, k) => {
      const pieces = groupPieces.filter((piece) => own(piece) === k);
      starts
        .get(unit.first)!
        .set(0, pieces.length > 0 ? cellOf(items, pieces, unit.size) : emptyCell(items, ordered[unit.first].anchor, unit.size));
    });
  }

  const shownColumns = columns.flatMap((c, k) => (c.kind === 'group' && !groupUsed ? [] : [k]));
  const out: SourceCell[][] = [
    shownColumns.map((k) => (columns[k].header ? cellOf(items, [columns[k].header!]) : emptyCell(items, header))),
  ];
  ordered.forEach((row, r) => {
    const cells: SourceCell[] = [];
    for (const k of shownColumns) {
      if (k < level3) {
        const cell = starts.get(r)!.get(k);
        if (cell) cells.push(cell);
        continue;
      }
      const parts = row.parts.get(k);
      cells.push(parts ? cellOf(items, parts) : emptyCell(items, row.anchor));
    }
    out.push(cells);
  });
  return { end, rows: out };
}

interface RowGroup {
  first: number;
  size: number;
  level: LevelCell | null;
}

/** Consecutive rows taken together: one row, or a group of rows under one level cell. */
interface Unit extends RowGroup {
  top: number;
  bottom: number;
}

/**
 * Rows cut into consecutive groups, one per level line, so that each level line stands as near as it can
 * to the middle of its group (the page centres a merged cell on the rows it spans). Each group takes at
 * least one row and its level line stands within it.
 */
function groupRows(rows: readonly { top: number; bottom: number }[], levels: LevelCell[]): RowGroup[] {
  const n = rows.length;
  const m = levels.length;
  if (m === 0) return [];
  if (m > n) return rows.map((_, r) => ({ first: r, size: 1, level: levels[r] ?? null }));
  // cost[k][e]: the least imbalance of cutting rows [0, e) into the first k groups
  const cost: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const cut: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  cost[0][0] = 0;
  for (let k = 1; k <= m; k++) {
    const y = levels[k - 1].y;
    for (let e = k; e <= n; e++) {
      for (let s = k - 1; s < e; s++) {
        if (!Number.isFinite(cost[k - 1][s])) continue;
        const top = rows[s].top;
        const bottom = rows[e - 1].bottom;
        const outside = y < top - 1 || y > bottom + 1 ? n * 10 : 0;
        const c = cost[k - 1][s] + Math.abs((top + bottom) / 2 - y) + outside;
        if (c < cost[k][e]) {
          cost[k][e] = c;
          cut[k][e] = s;
        }
      }
    }
  }
  const groups: RowGroup[] = [];
  let e = n;
  for (let k = m; k >= 1; k--) {
    const s = cut[k][e];
    groups.unshift({ first: s, size: e - s, level: levels[k - 1] });
    e = s;
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Rebuilding
// ---------------------------------------------------------------------------------------------

/**
 * Rebuild aligned forms and indicator tables in place: the table item at the first line it was read from,
 * the other lines it took left empty, so that item indices stay valid. A form is read from 项目名称 to
 * its indicator table's header, which must follow on the same page; an indicator table may also stand alone.
 */
export function rebuildAlignedColumns(items: SourceItem[], isGap: (index: number) => boolean = () => false): SourceItem[] {
  const out = [...items];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'line') continue;
    let header = -1;
    if (opensAlignedForm(item)) {
      for (let j = i + 1; j < Math.min(items.length, i + MAX_FORM_LINES); j++) {
        const next = items[j];
        if (next.kind !== 'line' || isGap(j) || opensAlignedForm(next)) break;
        if (headerColumns(next, j) !== null) {
          header = j;
          break;
        }
      }
      if (header < 0) continue;
    } else if (headerColumns(item, i) !== null) header = i;
    else continue;
    const indicators = readIndicators(items, header, isGap);
    if (indicators === null) continue;
    const form = header > i ? readFormRows(items, i, header).map((row) => formCells(items, row)) : [];
    out[i] = { kind: 'table', rows: [...form, ...indicators.rows], page: item.page, sourceStart: item.sourceStart };
    for (let j = i + 1; j < indicators.end; j++) {
      const line = items[j];
      if (line.kind === 'line') out[j] = { ...line, text: '' };
    }
    i = indicators.end - 1;
  }
  return out;
}
