import type { Block, DocumentModel, TableBlock } from '../../src/model/document.js';
import { FORM_CAPTION, TABLE_POINTER } from '../../src/normalize/line-kinds.js';
import { formLabelOf, labelsOf, STATEMENT_COLUMN_HEADS } from '../../src/model/form-labels.js';
import { statementKindOf } from './statements.js';

/**
 * The layout of a filing: parts (第一部分…), unit headers, project blocks and their sub-sections, the
 * department-level goal list and indicator tables. Templates differ, so each kind of heading is a list
 * of patterns (data), each with an example of what it matches.
 */

export type SubsectionKind = 'overview' | 'funding' | 'goals' | 'indicators' | 'standards';

export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

export interface ProjectSection {
  /** The project's name as its title gives it, with its span in the normalized text. */
  title: NameSpan;
  titleBlock: Block;
  unit: NameSpan | null;
  /** Every block of the project, its title block first. */
  blocks: Block[];
  subsections: Partial<Record<SubsectionKind, Block[]>>;
}

export interface Structure {
  parts: NameSpan[];
  projects: ProjectSection[];
  /** The 分项绩效目标 list of the department-level part, if any: its heading and the blocks under it. */
  departmentGoals: Block[];
  /** Indicator tables outside any project (the department's). */
  departmentTables: TableBlock[];
}

const SUBSECTION_KEYWORDS =
  /项目概况|基本情况|项目简介|资金安排|资金情况|资金预算|预算安排|经费安排|项目资金|绩效目标|绩效指标|评价标准|指标设置|年度目标|总体目标/;

interface TitlePattern {
  pattern: RegExp;
  example: string;
}

/** Project titles written as a line of their own. The name is the first group. */
export const PROJECT_TITLES: TitlePattern[] = [
  {
    pattern: /^(?:关于)?(.{2,40}?)(?:的)?绩效目标(?:和指标|及指标|指标)?(?:设置|编制|申报|设定)?(?:情况)?(?:的)?说明$/,
    example: '关于信访维稳项目绩效目标指标的说明, 关于居家养老服务项目绩效目标设置情况的说明',
  },
  {
    pattern: /^(?!详见|参见|请见|具体见|见附)(?:关于)?(.{2,40}?项目)(?:支出)?(?:绩效目标)?(?:申报表|绩效目标表)$/,
    example: '社区养老服务项目支出绩效目标表',
  },
  { pattern: /^项目[一二三四五六七八九十\d]{1,3}[：:、.．]\s*(.{2,40})$/, example: '项目一：农村道路养护' },
  // "X情况说明" names a project only when X does ("…经费", "…项目"): 重点支出和重大投资项目情况说明 reports on many
  {
    pattern: /^(?:关于)?(.{2,30}?(?:经费|资金|专项|工程|补助|补贴)|.{2,30}?(?=项目))(?:的)?(?:项目)?(?:立项|实施|资金使用|使用)?情况说明$/,
    example: '爱国卫生运动经费情况说明',
  },
  { pattern: /^[（(][一二三四五六七八九十\d]{1,3}[)）]、?\s*(.{2,40}项目)$/, example: '（一）校舍维修改造项目' },
];

/** Headings of the department-level goal list. */
const DEPARTMENT_GOALS_HEADING = /分项绩效目标|部门(?:整体)?绩效目标.*分项/;

const SUBSECTIONS: { kind: SubsectionKind; pattern: RegExp; example: string }[] = [
  { kind: 'standards', pattern: /评价标准/, example: '（三）评价标准' },
  { kind: 'indicators', pattern: /绩效指标|指标设置(?!情况)|指标情况/, example: '（二）绩效指标' },
  { kind: 'funding', pattern: /资金安排|资金情况|资金预算|预算安排|经费安排|项目资金|资金使用/, example: '（二）资金安排情况' },
  { kind: 'overview', pattern: /项目概况|项目简介|项目内容|基本情况/, example: '（一）项目概况' },
  { kind: 'goals', pattern: /绩效目标|年度目标|总体目标/, example: '（一）绩效目标' },
];

/** Names that only say "a project" (the heading of a blank form: 财政项目支出绩效目标申报表). */
const GENERIC_NAME = /^(?:财政|部门|单位|预算|本级|专项|市级|县级|区级|省级|政策和|一级|二级|重点|主管)*(?:项目|专项)(?:支出)?$/;

/** Names of a whole budget or department, not of a project: 十五、预算绩效目标设置情况说明 → 预算. */
const COLLECTIVE_NAME =
  /^(?:本?(?:部门|单位))?(?:预算|整体|整体支出|年度|部门|单位)?$|^(?:重点支出|重大投资|重点项目)(?:和(?:重点支出|重大投资))*(?:项目)?$/;

/** A list marker before a title: "一、", "2.", "（三）". */
const TITLE_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]、?)/;

/**
 * The sections every 部门预算 / 部门决算 disclosure has by the national template (收入支出决算总体情况说明,
 * 财政拨款“三公”经费支出决算情况说明, 机关运行经费, 政府采购, 国有资产占有使用情况, 其他相关情况说明):
 * they read like "X情况说明" project titles, but name statements of the whole department, not projects.
 * Such a disclosure holds project forms too, so a section of this kind ends the project above it.
 */
const STATEMENT_SECTION =
  /^(?:关于)?(?:(?:.{0,16}(?:收入|支出|拨款|收支))?(?:预算|决算)(?:总体)?|其他(?:相关|重要事项)?|.{0,6}[“"]?三公[”"]?经费.{0,8}|机关运行经费(?:预算|支出|情况)?|政府采购(?:预算|支出|执行)?|国有资产(?:占有|使用|占用)*|预算绩效(?:管理)?(?:工作)?|部门(?:主要)?职[责能]|机构设置)(?:的)?(?:情况)?(?:说明)?$/;

export function isStatementSection(block: Block | undefined): boolean {
  if (!block || block.type === 'table') return false;
  const line = block.text.replace(/\s+/g, '').replace(TITLE_MARKER, '');
  return line.length <= 40 && (STATEMENT_SECTION.test(line) || statementKindOf(line) !== null);
}

/** The name a title line gives a project, or null when the line is no project title. */
export function projectTitleName(text: string): string | null {
  const line = text.replace(/\s+/g, '');
  // "第三部分预算项目绩效目标说明" names a part, not a project
  if (/^第[一二三四五六七八九十\d]+部分/.test(line)) return null;
  for (const { pattern } of PROJECT_TITLES) {
    const match = pattern.exec(line);
    if (!match) continue;
    if (line.length <= 40 && (STATEMENT_SECTION.test(line.replace(TITLE_MARKER, '')) || statementKindOf(line) !== null)) return null;
    const name = match[1].replace(TITLE_MARKER, '').replace(/^关于/, '');
    if (isSubsectionName(name) || GENERIC_NAME.test(name) || COLLECTIVE_NAME.test(name) || DEPARTMENT_GOALS_HEADING.test(line)) continue;
    if ((/部门|单位|整体|年度/.test(name) && !/项目/.test(name)) || /(?:19|20)\d{2}年/.test(name)) continue;
    return name;
  }
  return null;
}

/**
 * The core of a project name, for matching names the same filing spells differently: a title with a
 * form's 项目名称 ("爱国卫生运动经费" ~ "爱国卫生运动"), a summary with its project.
 */
export function coreName(name: string): string {
  return name.replace(/[\s\p{P}]/gu, '').replace(/(?:项目|经费|专项|资金|费用|支出|工作)+$/, '');
}

function sameProject(a: string, b: string): boolean {
  const x = coreName(a);
  const y = coreName(b);
  return x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
}

function isSubsectionName(name: string): boolean {
  return (
    /^(?:项目)?(?:概况|基本情况|资金安排|绩效目标|绩效指标|评价标准)/.test(name) ||
    (SUBSECTION_KEYWORDS.test(name.replace(/项目$/, '')) && name.length <= 8)
  );
}

/** Where the project's name sits inside its title block. */
function titleSpan(block: Block, name: string): NameSpan {
  const text = block.type === 'table' ? '' : block.text;
  const at = text.indexOf(name);
  const start = block.start + Math.max(0, at);
  return { name, start, end: start + (at >= 0 ? name.length : 0) };
}

/** A unit header: a short line naming an office, alone before a project title (信访办, 反邪教协调科, 群众中心, 文化馆, 林场). */
const UNIT_NAME = /^[\u4e00-\u9fff]{2,14}(?:办|科|局|处|室|中心|股|委|队|所|站|院|会|部|厅|组|馆|团|校|园|台|场)$/;

function unitOf(block: Block | undefined): NameSpan | null {
  if (!block || block.type === 'table' || block.type === 'list_item') return null;
  const name = block.text.replace(/\s+/g, '');
  if (!UNIT_NAME.test(name) || projectTitleName(name) !== null) return null;
  return { name, start: block.start, end: block.end };
}

/** A form's project-name field: a table cell 项目名称 with the name beside it, or a line "项目名称：X". */
function formProjectName(block: Block): NameSpan | null {
  if (block.type === 'table') {
    for (const row of block.rows) {
      const at = row.findIndex((cell) => formLabelOf(cell.text) === 'project_name');
      const value = row.slice(at + 1).find((cell) => cell.text.trim() && !cell.merged);
      // 项目名称 | 项目类别 | 合计 … heads a statement listing many projects, not the form of one
      if (at >= 0 && value && isProjectNameValue(value.text) && !headsAmountColumn(block, row, value)) {
        return { name: value.text.trim(), start: value.start, end: value.end };
      }
    }
    return null;
  }
  const match = PROJECT_NAME_LINE.exec(block.text);
  if (!match || !isProjectNameValue(match[1])) return null;
  const start = block.start + block.text.indexOf(match[1]);
  return { name: match[1].trim(), start, end: start + match[1].trim().length };
}

const PROJECT_NAME_LINE = new RegExp(`^(?:${labelsOf('project_name').join('|')})[：:]\\s*(\\S.{0,40})$`);

/** A header cell whose column holds amounts below it (项目名称 | 预算批复 over 6,000.00): a list, not a form. */
function headsAmountColumn(table: TableBlock, row: TableBlock['rows'][number], cell: TableBlock['rows'][number][number]): boolean {
  const column = row.indexOf(cell);
  const next = table.rows[table.rows.indexOf(row) + 1];
  return next !== undefined && /^\s*[\d,]+(?:\.\d+)?%?\s*$/.test(next[column]?.text ?? '');
}

/** What stands beside a 项目名称 label is a name, not another label, a column head or a statement's title. */
function isProjectNameValue(text: string): boolean {
  const name = text.replace(/\s+/g, '');
  return name.length >= 2 && formLabelOf(name) === null && !STATEMENT_COLUMN_HEADS.test(name) && statementKindOf(name) === null;
}

function isPartHeading(block: Block): boolean {
  return block.type === 'heading' && /^第[一二三四五六七八九十\d]+部分/.test(block.text);
}

interface ProjectStart {
  index: number;
  /** The section's first block: the start, or the caption above a form that starts the project. */
  from: number;
  title: NameSpan;
  unit: NameSpan | null;
  hasForm?: boolean;
}

/** Find the blocks where projects start, with their names and unit headers. */
function projectStarts(blocks: Block[]): ProjectStart[] {
  const starts: ProjectStart[] = [];
  let unit: NameSpan | null = null;
  blocks.forEach((block, index) => {
    if (isPartHeading(block)) unit = null;
    const own = unitOf(block);
    if (own && projectTitleName(textOf(blocks[index + 1])) !== null) {
      unit = own;
      return;
    }
    const titled = block.type === 'table' ? null : projectTitleName(block.text);
    if (titled !== null) {
      starts.push({ index, from: index, title: titleSpan(block, titled), unit });
      return;
    }
    const form = formProjectName(block);
    if (form === null) return;
    // a form under a title of the same project belongs to it, and its 项目名称 is the canonical name
    const previous = starts[starts.length - 1];
    if (
      previous &&
      !previous.hasForm &&
      (index - previous.index <= 2 || sameProject(previous.title.name, form.name) || pointsToForm(blocks, index, previous.index))
    ) {
      previous.hasForm = true;
      // a title that names nothing of its own (项目经费情况说明) takes the form's name too
      if (sameProject(previous.title.name, form.name) || coreName(previous.title.name).length < 2) previous.title = form;
      return;
    }
    // a form that starts a project takes its caption along: it is not the end of the project above
    let from = index;
    const floor = previous ? previous.index + 1 : 0;
    while (from > floor && FORM_CAPTION.test(textOf(blocks[from - 1]))) from--;
    starts.push({ index, from, title: form, unit, hasForm: true });
  });
  return starts;
}

/** A sentence that sends the reader to the form below it: "（具体见表格）", "详见下表", "见附表". */
const POINTER_TO_FORM = new RegExp(`${TABLE_POINTER}[）)]?[。.]?$`);

/** The last line above the form at `index` (its caption, year and lines without words aside), after the title at `title`, points to it. */
function pointsToForm(blocks: Block[], index: number, title: number): boolean {
  let at = index - 1;
  while (at > title && (FORM_CAPTION.test(textOf(blocks[at])) || !/\p{Script=Han}/u.test(textOf(blocks[at])))) at--;
  return at > title && POINTER_TO_FORM.test(textOf(blocks[at]));
}

function textOf(block: Block | undefined): string {
  return block && block.type !== 'table' ? block.text : '';
}

function subsectionOf(block: Block): SubsectionKind | null {
  const text = block.type === 'table' ? '' : block.text;
  // a heading, or a paragraph that opens with the keyword and a colon ("资金安排：该项目…")
  const head =
    block.type === 'heading' ? text : (/^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?)?([^：:，。]{2,12})[：:]/.exec(text)?.[0] ?? '');
  if (!head) return null;
  return SUBSECTIONS.find(({ pattern }) => pattern.test(head))?.kind ?? null;
}

function splitSubsections(blocks: Block[]): Partial<Record<SubsectionKind, Block[]>> {
  const sections: Partial<Record<SubsectionKind, Block[]>> = {};
  let current: SubsectionKind | null = null;
  for (const block of blocks.slice(1)) {
    const kind = subsectionOf(block);
    if (kind !== null) {
      current = kind;
      sections[kind] ??= [];
      // a paragraph that opens its own sub-section belongs to it; a heading does not
      if (block.type !== 'heading') sections[kind]!.push(block);
      continue;
    }
    if (current !== null) sections[current]!.push(block);
  }
  return sections;
}

export function findStructure(document: Pick<DocumentModel, 'blocks'>): Structure {
  const blocks = document.blocks;
  const parts = blocks.filter(isPartHeading).map((b) => ({ name: textOf(b), start: b.start, end: b.end }));
  const starts = projectStarts(blocks);
  const projects: ProjectSection[] = starts.map((start, k) => {
    const nextStart = starts[k + 1]?.from ?? blocks.length;
    let end = nextStart;
    // a following unit header, part heading or department-wide statement section closes the project
    for (let i = start.index + 1; i < nextStart; i++) {
      if (isPartHeading(blocks[i]) || isStatementSection(blocks[i]) || (unitOf(blocks[i]) && i + 1 === nextStart)) {
        end = i;
        break;
      }
    }
    const own = blocks.slice(start.from, end);
    return { title: start.title, titleBlock: blocks[start.index], unit: start.unit, blocks: own, subsections: splitSubsections(own) };
  });
  const firstProject = starts[0]?.from ?? blocks.length;
  return {
    parts,
    projects,
    departmentGoals: departmentGoalBlocks(blocks.slice(0, firstProject)),
    departmentTables: blocks.slice(0, firstProject).filter((b): b is TableBlock => b.type === 'table'),
  };
}

/** The blocks under the 分项绩效目标 heading, up to the next heading of the same or a higher level. */
function departmentGoalBlocks(blocks: Block[]): Block[] {
  const at = blocks.findIndex((b) => b.type === 'heading' && DEPARTMENT_GOALS_HEADING.test(b.text));
  if (at < 0) return [];
  const heading = blocks[at];
  const level = heading.type === 'heading' ? heading.level : 3;
  const out: Block[] = [];
  for (const block of blocks.slice(at + 1)) {
    if (block.type === 'heading' && block.level <= level) break;
    out.push(block);
  }
  return out;
}
