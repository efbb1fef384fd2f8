import type { Block, DocumentModel, Source, TableBlock, TableCell } from '../../src/model/document.js';
import type { Goal } from '../../src/model/extraction.js';
import { formLabelOf } from '../../src/model/form-labels.js';
import { FORM_CAPTION, TABLE_POINTER } from '../../src/normalize/line-kinds.js';
import { isIndicatorSentence } from './indicators.js';
import { locate } from '../../src/model/locate.js';
import { parseChineseNumeral } from '../text/numbers.js';
import { inlineEnumeration } from '../layout/projects.js';
import type { ProjectSection } from '../layout/structure.js';

/**
 * A project's goals: the count it declares ("主要设置了2项绩效目标"), the goals it lists (一是…二是…,
 * numbered items, or a plain paragraph), and the 总体目标 / 年度目标 / 实施期目标 fields of prose and forms.
 * Goals are numbered within their kind, so listed goal 1 is the 目标一 that indicator sentences refer to.
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;
type GoalKind = Goal['kind'];
type TextBlock = Exclude<Block, TableBlock>;
type ListItemBlock = Extract<Block, { type: 'list_item' }>;
type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;
/** A block that can hold goals: not a heading, not a table. */
export type GoalBlock = ListItemBlock | ParagraphBlock;

export interface GoalExtraction {
  declaredCount: number | null;
  declaredSource: Source | null;
  goals: Goal[];
}

const COUNT = '[0-9一二两三四五六七八九十]{1,3}';
const QUALIFIER = '年度|总体|实施期|中长期|长期';

/** Declared goal counts; `count` is the number, `qualifier` says which kind of goal is counted. */
export const DECLARED_GOALS: readonly { pattern: RegExp; example: string }[] = [
  {
    pattern: new RegExp(
      `(?:设置|设定|设立|确定|制定|提出|包括)了?(?:以下|如下)?(?<count>${COUNT})\\s*(?:项|个|条)(?<qualifier>${QUALIFIER})?(?:绩效)?目标`,
    ),
    example: '主要设置了2项绩效目标, 共设置三个绩效目标, 设定了3项年度绩效目标',
  },
  {
    pattern: new RegExp(`(?<qualifier>${QUALIFIER})?(?:绩效)?目标(?:共有|共|有)(?<count>${COUNT})\\s*(?:项|个|条)`),
    example: '绩效目标共2项',
  },
];

/** A goal field: "年度目标：…", "总体绩效目标：…", "实施期目标：…", and the same labels as form cells. */
const FIELD_LABEL = `(?<label>年度(?:绩效|总体)?目标|(?:项目)?总体?(?:绩效)?目标|实施期(?:绩效|总体)?目标|中长期(?:绩效)?目标)`;
const FIELD_LINE = new RegExp(`^(?:[（(]?[一二三四五六七八九十\\d]{1,2}[)）]?[、.．]?\\s*)?${FIELD_LABEL}[：:]\\s*`);
/** A goal cell's label, with what its cell writes under it: "项目总体目标(2024年-2026年)". */
/** In a form's cell, a bare 绩效目标 holds the goals too (烟台's 项目支出绩效目标表 of special funds). */
const FIELD_CELL = new RegExp(`^(?:${FIELD_LABEL}|(?<plain>绩效目标))[：:]?(?:[（(][^（）()]{1,20}[)）])?$`);

/** A paragraph that opens the goals sub-section with its own label ("绩效目标：…"). */
const GOALS_LABEL = /^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）]?[、.．]?\s*)?(?:项目)?绩效目标[：:]\s*/;
/** What stands between a declaration and its single goal: "：即…", "：是…". */
const GOAL_LEAD = /^(?:[\s：:，,]*(?:即|是|分别是|分别为|具体(?:为|是|如下)))*[\s：:，,]*/;
/** List markers of the 一是/二是 kind: the item may go on to 三是… in the same block. */
const SHI_MARKER = /^[一二三四五六七八九十]{1,2}是/;
const TRAILING = /[\s；;，,。.、]+$/;
/** A paragraph that points elsewhere ("详见下表。", "绩效目标：具体见下表", "…具体设置情况详见列表。") states no goal. */
const REFERENCE = new RegExp(TABLE_POINTER);

function kindOf(qualifier: string | undefined): GoalKind {
  if (!qualifier) return 'listed';
  return qualifier.startsWith('年度') ? 'annual' : 'overall';
}

const isText = (block: Block): block is TextBlock => block.type !== 'table';

export interface FoundGoal {
  kind: GoalKind;
  text: string;
  source: Source;
}

/** A goal from text[from, to) of a block: leading connectives and trailing punctuation dropped. */
function goalIn(block: TextBlock, from: number, document: Doc, kind: GoalKind): FoundGoal[] {
  const lead = GOAL_LEAD.exec(block.text.slice(from))?.[0].length ?? 0;
  const text = block.text.slice(from + lead).replace(TRAILING, '');
  if (!text) return [];
  const start = block.start + from + lead;
  return [{ kind, text, source: locate(document, start, start + text.length) }];
}

/** Goals written in a block from `from` on: 一是…二是… / 1、…2、… split, or the rest as one goal. */
function goalsIn(block: TextBlock, from: number, document: Doc, kind: GoalKind): FoundGoal[] {
  const enumerated = inlineEnumeration(block, from, document).filter((e) => e.text);
  if (enumerated.length > 0) return enumerated.map((e) => ({ kind, text: e.text, source: e.source }));
  return goalIn(block, from, document, kind);
}

/** A list item is one goal, unless its marker is 二是-like and it goes on to 三是…; a paragraph may list several. */
export function goalsOfBlock(item: GoalBlock, document: Doc, kind: GoalKind): FoundGoal[] {
  if (item.type === 'paragraph' || SHI_MARKER.test(item.marker)) return goalsIn(item, 0, document, kind);
  return goalIn(item, item.marker.length, document, kind);
}

/** An enumeration marker at the start of a paragraph: "一是", "（1）", "1、". */
const LEADING_MARKER = /^(?:[一二三四五六七八九十]{1,2}是|[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d))/;

const startsEnumerated = (block: GoalBlock): boolean => block.type === 'list_item' || LEADING_MARKER.test(block.text);

interface Declaration {
  count: number;
  kind: GoalKind;
  source: Source;
  block: TextBlock;
  end: number;
}

function findDeclaration(blocks: readonly Block[], document: Doc): Declaration | null {
  for (const block of blocks.filter(isText)) {
    for (const { pattern } of DECLARED_GOALS) {
      const match = pattern.exec(block.text);
      if (!match?.groups) continue;
      const count = Number(parseChineseNumeral(match.groups.count) ?? match.groups.count);
      const start = block.start + match.index;
      return {
        count,
        kind: kindOf(match.groups.qualifier),
        source: locate(document, start, start + match[0].length),
        block,
        end: match.index + match[0].length,
      };
    }
  }
  return null;
}

/** "年度目标：…" lines and the list items under a bare "年度目标：". */
function fieldGoalsInProse(blocks: readonly Block[], document: Doc): { goals: FoundGoal[]; used: Set<Block> } {
  const goals: FoundGoal[] = [];
  const used = new Set<Block>();
  blocks.forEach((block, at) => {
    if (!isText(block) || block.type === 'heading') return;
    const match = FIELD_LINE.exec(block.text);
    if (!match?.groups) return;
    used.add(block);
    const kind = kindOf(match.groups.label.replace(/^项目/, ''));
    const own = goalsIn(block, match[0].length, document, kind);
    if (own.length > 0) {
      goals.push(...own);
      return;
    }
    for (const item of blocks.slice(at + 1)) {
      if (item.type !== 'list_item' || isIndicatorSentence(item.text)) break;
      used.add(item);
      goals.push(...goalsOfBlock(item, document, kind));
    }
  });
  return { goals, used };
}

const isFieldLabel = (text: string): boolean => goalCellKind(text) !== null;

/** The goals a form cell's label announces: by the patterns above, else by the label lexicon (本年度绩效目标, 实施期绩效目标). */
function goalCellKind(text: string): GoalKind | null {
  const match = FIELD_CELL.exec(text.replace(/\s+/g, ''));
  if (match?.groups) return match.groups.plain ? 'listed' : kindOf(match.groups.label);
  const label = formLabelOf(text);
  return label === 'goal_annual' ? 'annual' : label === 'goal_overall' ? 'overall' : null;
}

/** A form's goal cells: the label, and its value to the right or (under a header row) below. */
function fieldGoalsInTables(blocks: readonly Block[], document: Doc): FoundGoal[] {
  const goals: FoundGoal[] = [];
  for (const table of blocks.filter((b): b is TableBlock => b.type === 'table')) {
    table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.merged) return;
        const kind = goalCellKind(cell.text);
        if (kind === null) return;
        const right = row.slice(c + 1).find((other) => other.text.trim() && !other.merged);
        const below = cellBelow(table, r, c);
        const value =
          right && !isFieldLabel(right.text)
            ? right
            : below && !below.merged && below.text.trim() && !isFieldLabel(below.text)
              ? below
              : null;
        if (value === null) return;
        const block: ParagraphBlock = { type: 'paragraph', text: value.text, start: value.start, end: value.end, page: value.page };
        goals.push(...goalsIn(block, 0, document, kind));
      });
    });
  }
  return goals;
}

/**
 * The cell under row r's cell c. A PDF table leaves out the cells of a vertical merge, so a row under a
 * label row whose first cell spans both (项目绩效目标 | 项目总目标 | 年度总体目标 over 为居民… | 积极推进…) is
 * shorter and its cells stand further left: where the cell straight below is empty, the one as many
 * columns left as the row is shorter is taken.
 */
function cellBelow(table: TableBlock, r: number, c: number): TableCell | undefined {
  const below = table.rows[r + 1];
  if (!below) return undefined;
  const straight = below[c];
  const shift = table.rows[r].length - below.length;
  if ((straight === undefined || !straight.text.trim()) && shift > 0 && c - shift >= 0) return below[c - shift];
  return straight;
}

/** Number goals within their kind, in document order. */
/**
 * Goals in text order, numbered per kind. A goal written again word for word (a 年度目标 line pasted twice,
 * which the duplicate check reports) is one goal: counted twice, it would also make a count mismatch.
 */
function numbered(found: readonly FoundGoal[]): Goal[] {
  const counters: Record<GoalKind, number> = { listed: 0, annual: 0, overall: 0 };
  const seen = new Set<string>();
  return [...found]
    .sort((a, b) => a.source.start - b.source.start)
    .filter((goal) => !seen.has(`${goal.kind}\u0001${goal.text}`) && seen.add(`${goal.kind}\u0001${goal.text}`))
    .map((goal) => ({ index: ++counters[goal.kind], text: goal.text, kind: goal.kind, source: goal.source }));
}

/** The goal fields of a department-wide form's tables (年度总体目标 | …): the department's own goals, numbered per kind. */
export function departmentFormGoals(tables: readonly TableBlock[], document: Doc): Goal[] {
  return numbered(fieldGoalsInTables(tables, document));
}

/** The goals a project declares and lists. */
export function extractGoals(section: ProjectSection, document: Doc): GoalExtraction {
  const subsection = section.subsections.goals ?? [];
  const declaration = findDeclaration(subsection, document) ?? findDeclaration(section.blocks.slice(1), document);
  const fields = fieldGoalsInProse(section.blocks, document);
  const found: FoundGoal[] = [...fields.goals, ...fieldGoalsInTables(section.blocks, document)];
  const rest = subsection.filter(
    (b): b is GoalBlock =>
      (b.type === 'paragraph' || b.type === 'list_item') &&
      !fields.used.has(b) &&
      b !== declaration?.block &&
      !isIndicatorSentence(b.text) &&
      !REFERENCE.test(b.text) &&
      // a form's caption and year line ("（2026年度）") above its table
      !FORM_CAPTION.test(b.text.trim()),
  );
  if (declaration) {
    found.push(...goalsIn(declaration.block, declaration.end, document, declaration.kind));
    for (const block of rest) if (startsEnumerated(block)) found.push(...goalsOfBlock(block, document, declaration.kind));
  } else if (rest.some(startsEnumerated)) {
    for (const block of rest) if (startsEnumerated(block)) found.push(...goalsOfBlock(block, document, 'listed'));
  } else if (found.length === 0) {
    // a goals sub-section of plain paragraphs and nothing else: each one is a goal
    for (const block of rest) found.push(...goalIn(block, GOALS_LABEL.exec(block.text)?.[0].length ?? 0, document, 'listed'));
  }
  return { declaredCount: declaration?.count ?? null, declaredSource: declaration?.source ?? null, goals: numbered(found) };
}
