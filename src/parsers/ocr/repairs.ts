/**
 * What PP-OCRv4 misreads on degraded scans of budget filings, as data: each pattern with the text it was
 * seen on (the measurements on scans of the sample) and what the filing printed there. A repair
 * only fires in the context that makes the reading certain (a unit after a number, a comparison before one).
 */
export interface OcrRepair {
  pattern: RegExp;
  replace: string;
  /** What the scan was read as → what the page says. */
  example: [string, string];
}

export const OCR_REPAIRS: OcrRepair[] = [
  // 万 read as 方 right after an amount: no filing prices anything in 方元
  { pattern: /(\d)(\s*)方元/g, replace: '$1$2万元', example: ['安排40方元', '安排40万元'] },
  // ≤ read as 《 before a number, when no 》 closes it (a title in 《》 never starts with a digit)
  { pattern: /《(\s*\d[\d.]*\s*(?:%|％|万元|元|人|天|个|次|小时)?)(?![^《]*》)/g, replace: '≤$1', example: ['《5%', '≤5%'] },
  { pattern: /》(\s*\d[\d.]*\s*(?:%|％|万元|元|人|天|个|次|小时)?)$/g, replace: '≥$1', example: ['》95%', '≥95%'] },
];

/** A table rule beside a cell's text is read as a corner bracket at the box's edge: dropped when unpaired. */
const EDGE_BRACKETS = /^[「」]+|[「」]+$/g;

export function repairLine(text: string): string {
  let out = text.trim();
  if (!(out.includes('「') && out.includes('」'))) out = out.replace(EDGE_BRACKETS, '');
  for (const repair of OCR_REPAIRS) out = out.replace(repair.pattern, repair.replace);
  return out;
}
