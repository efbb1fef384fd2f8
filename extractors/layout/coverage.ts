import type { Block, DocumentModel } from '../../src/model/document.js';
import type { Coverage } from '../../src/model/extraction.js';
import { locate } from '../../src/model/locate.js';

/**
 * How much of what a filing states the extraction accounted for. A stretch carries evidence when it holds a
 * money amount, an indicator-like row or a goal-like line; it is accounted for when it lies in a project, the
 * department's own part or a statement. The rules are data, each with an example.
 */

export const EVIDENCE: { what: string; pattern: RegExp; example: string }[] = [
  { what: 'amount', pattern: /\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|千元|元)/, example: '安排资金35.78万元' },
  { what: 'table amount', pattern: /^\s*\d{1,3}(?:,\d{3})*\.\d{2}\s*$|^\s*\d+\.\d{2}\s*$/, example: '1,097.02' },
  {
    what: 'indicator',
    pattern: /(?:产出|效益|效果|满意度|成本)指标|[≥≤＞＜]\s*\d|\d(?:\.\d+)?\s*[%％]/,
    example: '产出指标 数量指标 ≥95%',
  },
  { what: 'goal', pattern: /(?:年度|总体|绩效|实施期)目标/, example: '年度绩效目标：完成全市审计项目' },
];

function hasEvidence(text: string): boolean {
  return EVIDENCE.some(({ pattern }) => pattern.test(text));
}

/** Evidence units of a block: a text block is one, a table one per row that carries evidence. */
function evidenceUnits(block: Block): number {
  if (block.type !== 'table') return hasEvidence(block.text) ? 1 : 0;
  return block.rows.filter((row) => row.some((cell) => hasEvidence(cell.text))).length;
}

/** The largest runs of unassigned evidence, longest first: what a reviewer should look at. */
const MAX_QUOTED = 3;

export function measureCoverage(document: Pick<DocumentModel, 'blocks' | 'pageStarts' | 'text'>, assigned: ReadonlySet<number>): Coverage {
  let evidence = 0;
  let covered = 0;
  const runs: { from: number; to: number; units: number }[] = [];
  let run: { from: number; to: number; units: number } | null = null;
  document.blocks.forEach((block, index) => {
    const units = evidenceUnits(block);
    evidence += units;
    if (assigned.has(index)) {
      covered += units;
      run = null;
      return;
    }
    if (units === 0) return;
    if (run && index - run.to <= 2) {
      run.to = index;
      run.units += units;
    } else {
      run = { from: index, to: index, units };
      runs.push(run);
    }
  });
  const unassigned = runs
    .sort((a, b) => b.units - a.units)
    .slice(0, MAX_QUOTED)
    .map((r) => locate(document, document.blocks[r.from].start, Math.min(document.blocks[r.to].end, document.blocks[r.from].start + 120)));
  return { evidence, assigned: covered, ratio: evidence === 0 ? 1 : Math.round((covered / evidence) * 1000) / 1000, unassigned };
}
