import type { SourceCell, SourceItem, SourceLine } from '../normalize/source-items.js';

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

export function rebuildTextTables(lines: SourceLine[]): SourceItem[] {
  const items: SourceItem[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length >= 2) items.push(toTable(run));
    else items.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (isTableLine(line) || (run.length > 0 && RULE_LINE.test(line.text))) run.push(line);
    else {
      flush();
      items.push(line);
    }
  }
  flush();
  return items;
}

function toTable(lines: SourceLine[]): SourceItem {
  const rows = lines.filter((line) => !RULE_LINE.test(line.text)).map(toCells);
  return { kind: 'table', rows, page: lines[0].page, sourceStart: lines[0].sourceStart };
}

function toCells(line: SourceLine): SourceCell[] {
  const cells: SourceCell[] = [];
  const text = line.text;
  // pipes at both ends frame the row ("| a | b |"); a pipe at one end only opens or closes an empty cell
  const first = text.search(/\S/);
  const trimmedEnd = text.replace(/\s+$/, '');
  const last = trimmedEnd.length - 1;
  const framed = /[|｜]/.test(text[first] ?? '') && /[|｜]/.test(trimmedEnd[last] ?? '') && last > first;
  let from = framed ? first + 1 : 0;
  const until = framed ? last : text.length;
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
