import { displayWidth } from '../model/characters.js';

/** Draw rows of cells as a text table, padding by display width so CJK columns line up. */
export function drawTable(rows: string[][], maxCellWidth = 24): string {
  const wrapped = rows.map((row) => row.map((cell) => wrapCell(cell.replace(/\s+/g, ' '), maxCellWidth)));
  const columns = Math.max(0, ...wrapped.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...wrapped.map((r) => Math.max(0, ...(r[c] ?? ['']).map(displayWidth)))),
  );
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const lines = [rule];
  for (const row of wrapped) {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let k = 0; k < height; k++) {
      lines.push(`| ${widths.map((w, c) => pad(row[c]?.[k] ?? '', w)).join(' | ')} |`);
    }
    lines.push(rule);
  }
  return lines.join('\n');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of text) {
    if (displayWidth(current + ch) > width) {
      lines.push(current);
      current = '';
    }
    current += ch;
  }
  lines.push(current);
  return lines;
}
