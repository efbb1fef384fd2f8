import type { SourceCell, SourceItem, SourceLine } from './source-items.js';

/**
 * Tables that text conversions write as pipe-separated lines ("项目名称 | 家庭医生签约服务",
 * "| 支出内容 | 金额（万元） |"): consecutive lines with a cell separator become one table, each cell
 * tied to its exact source characters. Markdown rule lines (|---|---|) are dropped.
 */
const SEPARATOR = /\s*[|｜]\s*/;
const RULE_LINE = /^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$/;

function isTableLine(line: SourceLine): boolean {
  return /\S\s*[|｜]|[|｜]\s*\S/.test(line.text) && line.text.split(/[|｜]/).length >= 2;
}

/**
 * Rebuild tables in place: a run of table lines becomes one table item at the run's first index, and the
 * run's other lines become empty lines, so that item indices (and what is known about them) stay valid.
 * A line that `isGap` (a page number the normalizer cut out) does not end a run.
 */
export function rebuildTextTables(items: SourceItem[], isGap: (index: number) => boolean = () => false): SourceItem[] {
  const out = [...items];
  let run: number[] = [];
  const flush = () => {
    const rows = run.filter((i) => !RULE_LINE.test((items[i] as SourceLine).text) && (items[i] as SourceLine).text.trim() !== '');
    if (rows.length >= 2) {
      const lines = rows.map((i) => items[i] as SourceLine);
      const framed = lines.filter(isFramed).length * 2 > lines.length;
      out[run[0]] = { kind: 'table', rows: lines.map((line) => toCells(line, framed)), page: lines[0].page, sourceStart: lines[0].sourceStart };
      for (const i of run.slice(1)) out[i] = { ...(items[i] as SourceLine), text: '' };
    }
    run = [];
  };
  items.forEach((item, i) => {
    if (item.kind !== 'line') return flush();
    const continues = run.length > 0 && (RULE_LINE.test(item.text) || (isGap(i) && item.text.trim() === ''));
    if (isTableLine(item) || continues) run.push(i);
    else flush();
  });
  flush();
  return out;
}

/** "| a | b |": pipes at both ends frame the row. */
function isFramed(line: SourceLine): boolean {
  const text = line.text.trim();
  return text.length > 1 && /^[|｜]/.test(text) && /[|｜]$/.test(text);
}

/**
 * A row's cells. In a framed table the outer pipes open no cell; in an unframed one a pipe at either
 * end stands beside an empty cell (" |  | 养护作业及时性 | 定性 | 及时 | " has two empty cells first).
 */
function toCells(line: SourceLine, framed: boolean): SourceCell[] {
  const cells: SourceCell[] = [];
  const text = line.text;
  const first = text.search(/\S/);
  const last = text.replace(/\s+$/, '').length - 1;
  const frame = framed && isFramed(line);
  let from = frame ? first + 1 : 0;
  const until = frame ? last : text.length;
  while (from <= until) {
    const rest = text.slice(from, until);
    const match = SEPARATOR.exec(rest);
    const end = match ? from + match.index : until;
    cells.push({ text: text.slice(from, end), sourceStart: line.sourceStart + from, exactSource: true, rowSpan: 1, colSpan: 1 });
    if (!match) break;
    from = end + match[0].length;
  }
  return cells;
}
