import type { SourceCell, SourceItem, SourceLine } from '../parsers/source-items.js';

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
 * A page break does not end a run: the blank lines of a gap that holds a page number the normalizer cut
 * out (`isGap`: on its own line, or glued to the table's last row on the page) are skipped when a table
 * line follows them.
 */
export function rebuildTextTables(items: SourceItem[], isGap: (index: number) => boolean = () => false): SourceItem[] {
  const out = [...items];
  let run: number[] = [];
  const isBlank = (i: number) => items[i]?.kind === 'line' && (items[i] as SourceLine).text.trim() === '';
  /** The blank lines from `i` up to a table line, if they are a page break's gap; else null. */
  const pageGap = (i: number): number[] | null => {
    let sawPageNumber = isGap(run[run.length - 1]);
    const gap: number[] = [];
    let j = i;
    for (; j < items.length && isBlank(j); j++) {
      gap.push(j);
      sawPageNumber ||= isGap(j);
    }
    const next = items[j];
    return sawPageNumber && next?.kind === 'line' && isTableLine(next) ? gap : null;
  };
  const flush = () => {
    const rows = run.filter((i) => !RULE_LINE.test((items[i] as SourceLine).text) && (items[i] as SourceLine).text.trim() !== '');
    if (rows.length >= 2) {
      const lines = rows.map((i) => items[i] as SourceLine);
      const framed = lines.filter(isFramed).length * 2 > lines.length;
      out[run[0]] = {
        kind: 'table',
        rows: lines.map((line) => toCells(line, framed)),
        page: lines[0].page,
        sourceStart: lines[0].sourceStart,
      };
      for (const i of run.slice(1)) out[i] = { ...(items[i] as SourceLine), text: '' };
    }
    run = [];
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'line') {
      flush();
      continue;
    }
    if (isTableLine(item) || (run.length > 0 && RULE_LINE.test(item.text))) {
      run.push(i);
      continue;
    }
    const gap = run.length > 0 && isBlank(i) ? pageGap(i) : null;
    if (gap) {
      run.push(...gap);
      i = gap[gap.length - 1];
    } else flush();
  }
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
