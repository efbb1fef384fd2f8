import type { Block, DocumentModel, TableBlock } from '../../src/model/document.js';
import type { Statement } from '../../src/model/extraction.js';
import { locate } from '../../src/model/locate.js';
import type { Section } from '../layout/sections.js';
import { statementKindOf } from '../layout/statements.js';
import { cellAmount, unitIn } from './funding.js';

/**
 * The financial statements a 部门预算/决算 disclosure prints, each with its title, where it stands and the
 * amount of its 合计 row: not projects, but what later checks compare the projects with.
 */

type Doc = Pick<DocumentModel, 'blocks' | 'pageStarts' | 'text'>;

/** Lines between a table and its title: the unit, the department, a note on the table's number. */
const CAPTION_FILLER =
  /^(?:(?:部门|单位|预算单位|编制单位|部门[（(]单位[)）])(?:名称)?[：:].{0,40}|公开表\s*\d{1,2}|(?:金额)?单位[：:].{0,8}|表\s*\d{1,2}(?:[-－]\d{1,2})?|[（(]?(?:19|20)\d{2}年度?[)）]?)$/;
const TOTAL_ROW = /^(?:合计|总计|收入总计|支出总计|本年收入合计|本年支出合计)$/;

function textOf(block: Block | undefined): string {
  return block && block.type !== 'table' ? block.text.replace(/\s+/g, '') : '';
}

/** The title above a table: the nearest line that is not its unit or department line; or its own first row. */
export function tableCaption(blocks: Block[], index: number): { text: string; block: Block } | null {
  const table = blocks[index] as TableBlock;
  const firstRow = table.rows[0]?.filter((cell) => cell.text.trim());
  if (firstRow?.length === 1 && statementKindOf(firstRow[0].text) !== null) return { text: firstRow[0].text, block: table };
  for (let at = index - 1; at >= Math.max(0, index - 4); at--) {
    const block = blocks[at];
    if (block.type === 'table') return null;
    const text = textOf(block);
    if (!text || CAPTION_FILLER.test(text) || text.split(/单位[：:]/)[0] === '') continue;
    return { text: block.text.split(/\s*(?:部门名称|单位名称|编制单位|单位)[：:]/)[0], block };
  }
  return null;
}

function unitOf(blocks: Block[], index: number): ReturnType<typeof unitIn> {
  for (let at = index; at >= Math.max(0, index - 4); at--) {
    const block = blocks[at];
    const texts = block.type === 'table' ? block.rows.slice(0, 2).flatMap((row) => row.map((cell) => cell.text)) : [block.text];
    for (const text of texts) {
      const unit = unitIn(text);
      if (unit) return unit;
    }
  }
  return null;
}

export interface FoundStatement {
  statement: Statement;
  /** Indices of the blocks it covers: the caption and the table. */
  blocks: number[];
}

export function findStatements(document: Doc, sections: Section[]): FoundStatement[] {
  const blocks = document.blocks;
  const found: FoundStatement[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'table') return;
    const caption = tableCaption(blocks, index);
    const inSection = sections.filter((s) => s.kind === 'statement' && s.start <= block.start && block.start < s.end).pop();
    const title = caption && statementKindOf(caption.text) !== null ? caption.text.trim() : (inSection?.title ?? null);
    if (title === null) return;
    const kind = statementKindOf(title) ?? 'other';
    const unit = unitOf(blocks, index) ?? '万元';
    const totalRow = block.rows.find((row) => TOTAL_ROW.test((row.find((cell) => cell.text.trim())?.text ?? '').replace(/\s+/g, '')));
    const totalCell = totalRow?.map((cell) => cellAmount(cell, unit, document)).find((amount) => amount !== null) ?? null;
    const from = caption && caption.block !== block ? blocks.indexOf(caption.block) : index;
    found.push({
      statement: {
        kind,
        // page footers (—11—) and the table's number (表4：) that the caption line carried along
        title: title
          .replace(/\s+/g, '')
          .replace(/^(?:[—－-]+\d+[—－-]+)/, '')
          .replace(/^(?:公开)?表\d{1,2}[：:、.．]?/, ''),
        source: locate(document, blocks[from].start, blocks[from].type === 'table' ? block.start : blocks[from].end),
        total: totalCell,
        rows: block.rows.length,
      },
      blocks: Array.from({ length: index - from + 1 }, (_, k) => from + k),
    });
  });
  return found;
}

/**
 * The sentence where a disclosure says how many projects carry targets and how much money they hold
 * ("本单位编报绩效目标的项目共9个，涉及项目预算资金1,887.00万元", "涉及一级预算项目6个，预算资金781.5万元",
 * "设置并编报6个项目绩效目标"): what a filing without forms states instead of them.
 */
const TARGET_SENTENCE = /绩效目标/;
const PROJECT_COUNT = /(?:项目\s*(?:共|共计)?\s*\d+\s*个|\d+\s*个\s*(?:一级|二级)?(?:预算)?项目|项目(?:数)?(?:为|共|共计)\s*\d+)/;

export function findTargetStatement(document: Doc): { start: number; end: number } | null {
  for (const block of document.blocks) {
    if (block.type === 'table' || !TARGET_SENTENCE.test(block.text)) continue;
    let offset = 0;
    for (const sentence of block.text.split(/(?<=[。；])/)) {
      const flat = sentence.replace(/\s+/g, '');
      if ((TARGET_SENTENCE.test(flat) || /绩效目标管理|绩效管理/.test(block.text)) && PROJECT_COUNT.test(flat)) {
        const lead = sentence.length - sentence.trimStart().length;
        return { start: block.start + offset + lead, end: block.start + offset + sentence.trimEnd().length };
      }
      offset += sentence.length;
    }
  }
  return null;
}
