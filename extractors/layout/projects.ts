import type { Block, DocumentModel, Source } from '../../src/model/document.js';
import { locate } from '../../src/model/locate.js';
import { parseChineseNumeral } from '../text/numbers.js';
import type { NameSpan, ProjectSection } from './structure.js';

/**
 * Who and what a project is: its names, its department and year, and the content items its overview
 * lists against a declared count ("主要项目内容包括以下2个方面：1、…2、…").
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text' | 'blocks'>;

/** The subject of an overview or goal sentence names the project: "王跃强专项医疗费项目是我部门…". */
const SUBJECT_NAME = /^([\u4e00-\u9fff\w“”"（）()]{2,30}?项目)(?=是|主要|为|由|旨在|系|包括|共|的)/;

/** Other names the project's own text uses for it. */
export function projectAliases(section: ProjectSection): string[] {
  const aliases: string[] = [];
  for (const block of section.blocks.slice(1)) {
    if (block.type === 'table' || block.type === 'heading') continue;
    const match = SUBJECT_NAME.exec(block.text);
    if (!match) continue;
    const alias = match[1].replace(/^(?:19|20)\d{2}年度?/, '');
    if (/^(?:该|本|此|上述)/.test(alias) || alias.length < 4) continue;
    if (alias !== section.title.name && !aliases.includes(alias)) aliases.push(alias);
  }
  return aliases;
}

const UNIT_FIELD_ORDER = [
  /^(?:实施单位|责任科室|责任单位|责任股室|承办科室|实施科室)[：:]?$/,
  /^(?:主管部门|预算单位|单位名称|部门名称|申报单位)[：:]?$/,
];

export function projectDepartment(section: ProjectSection, document: Doc): { name: string; source: Source } | null {
  if (section.unit) return { name: section.unit.name, source: locate(document, section.unit.start, section.unit.end) };
  // the unit that carries the project before the department above it
  for (const label of UNIT_FIELD_ORDER) {
    const field = formField(section.blocks, label);
    if (field) return { name: field.name, source: locate(document, field.start, field.end) };
  }
  const stated = unitSentence(section.blocks);
  return stated && { name: stated.name, source: locate(document, stated.start, stated.end) };
}

/** A unit's name: an office, a station, a team; no punctuation, no verb phrase. */
const UNIT_IN_SENTENCE = String.raw`[\u4e00-\u9fff（）()]{2,20}?`;
/**
 * The unit named in a sentence rather than a form: "项目实施单位为文化馆", "责任单位是县疾控中心",
 * "该项目由公共服务股负责实施", "由县文化馆具体组织实施".
 */
const UNIT_SENTENCES = [
  new RegExp(String.raw`(?:项目)?(?:实施|责任|承办|承担|执行)(?:单位|科室|股室|部门)(?:为|是)(${UNIT_IN_SENTENCE})(?=[。；;，,]|$)`, 'd'),
  new RegExp(
    String.raw`(?:^|[。；;，,])\s*(?:该|本|此)?(?:项目)?(?:主要)?由(${UNIT_IN_SENTENCE})(?:具体)?(?:负责|牵头)?(?:组织)?(?:实施|落实|执行)`,
    'd',
  ),
];

function unitSentence(blocks: Block[]): NameSpan | null {
  for (const block of blocks) {
    if (block.type === 'table') continue;
    for (const pattern of UNIT_SENTENCES) {
      const match = pattern.exec(block.text);
      const [from, to] = match?.indices?.[1] ?? [];
      if (match && from !== undefined && to !== undefined) return { name: match[1], start: block.start + from, end: block.start + to };
    }
  }
  return null;
}

/** The value beside a form label: a table cell to the right of the label, or "label：value" in a line. */
export function formField(blocks: Block[], label: RegExp): NameSpan | null {
  for (const block of blocks) {
    if (block.type === 'table') {
      for (const row of block.rows) {
        const at = row.findIndex((cell) => label.test(cell.text.replace(/\s+/g, '')));
        const value = at >= 0 ? row.slice(at + 1).find((cell) => cell.text.trim() && !label.test(cell.text)) : undefined;
        if (value) return { name: value.text.trim(), start: value.start, end: value.end };
      }
      continue;
    }
    for (const part of block.text.split(/[；;]/)) {
      const match = /^\s*([^：:]{2,8})[：:]\s*(.{2,40}?)[。.\s]*$/.exec(part);
      if (match && label.test(match[1])) {
        const offset = block.text.indexOf(match[2], block.text.indexOf(part));
        return { name: match[2], start: block.start + offset, end: block.start + offset + match[2].length };
      }
    }
  }
  return null;
}

const YEAR = /((?:19|20)\d{2})\s*年/;

/** The budget year: the first year the project's funding or overview states, else the filing's. */
export function projectYear(section: ProjectSection, filingYear: number | null): number | null {
  const ordered = [...(section.subsections.funding ?? []), ...section.blocks];
  for (const block of ordered) {
    if (block.type === 'table') continue;
    const match = YEAR.exec(block.text);
    if (match) return Number(match[1]);
  }
  return filingYear;
}

/** The filing's year: the first year in its opening blocks ("2022年，政法委…", "XX局2023年部门预算"). */
export function filingYear(document: Doc): number | null {
  for (const block of document.blocks.slice(0, 12)) {
    if (block.type === 'table') continue;
    const match = YEAR.exec(block.text);
    if (match) return Number(match[1]);
  }
  return null;
}

/** A department named in a title line: "XX区教育局2023年度部门预算…", "2023年龙泉区农业农村局项目绩效目标". */
const DEPARTMENT_TITLES = [
  /^(.{2,30}?(?:局|委员会|委|办公室|中心|院|厅|部|署|所|馆))(?:\s*(?:19|20)\d{2}\s*年度?)/,
  /^(?:19|20)\d{2}\s*年度?\s*(.{2,30}?(?:局|委员会|委|办公室|中心|院|厅|署|馆))(?:部门|项目|预算|整体|绩效)/,
];

export function filingDepartment(document: Doc): { name: string; source: Source } | null {
  const opening = document.blocks.slice(0, 12);
  const field = formField(opening, /^(?:(?:部门|单位|预算单位)(?:[（(](?:单位|部门)[)）])?名称|预算单位)[：:]?$/);
  if (field) return { name: field.name, source: locate(document, field.start, field.end) };
  for (const block of opening) {
    if (block.type === 'table') continue;
    for (const pattern of DEPARTMENT_TITLES) {
      const match = pattern.exec(block.text);
      if (!match) continue;
      const start = block.start + block.text.indexOf(match[1]);
      return { name: match[1], source: locate(document, start, start + match[1].length) };
    }
  }
  return null;
}

/** "包括以下2个方面", "包括两项内容", "主要包括3个部分" → 2, 2, 3. */
const DECLARED_CONTENT = /包括(?:以下|如下)?([0-9一二两三四五六七八九十]{1,3})(?:个|项|方面|部分)/;

export interface ContentItems {
  declared: number | null;
  declaredSource: Source | null;
  items: { index: number; text: string; source: Source }[];
}

/** Content items of the overview: the list items after the declaration, or 一是…二是… inside it. */
export function contentItems(section: ProjectSection, document: Doc): ContentItems {
  const overview = section.subsections.overview ?? [];
  const result: ContentItems = { declared: null, declaredSource: null, items: [] };
  const at = overview.findIndex((b) => b.type !== 'table' && DECLARED_CONTENT.test(b.text));
  if (at < 0) return result;
  const block = overview[at];
  if (block.type === 'table') return result;
  const match = DECLARED_CONTENT.exec(block.text)!;
  result.declared = Number(parseChineseNumeral(match[1]) ?? match[1]);
  const start = block.start + match.index;
  result.declaredSource = locate(document, start, start + match[0].length);
  for (const item of overview.slice(at + 1)) {
    if (item.type !== 'list_item') break;
    const text = item.text.slice(item.marker.length).trim();
    result.items.push({ index: result.items.length + 1, text, source: locate(document, item.start, item.end) });
  }
  if (result.items.length === 0) result.items = inlineEnumeration(block, match.index + match[0].length, document);
  return result;
}

/** "一是…；二是…" or "（1）…（2）…" inside one paragraph, after `from`. */
export function inlineEnumeration(
  block: Block,
  from: number,
  document: Pick<DocumentModel, 'pageStarts' | 'text'>,
): { index: number; text: string; source: Source }[] {
  if (block.type === 'table') return [];
  const text = block.text;
  const marker = /([一二三四五六七八九十])是|[（(](\d{1,2})[)）]|(?<![\d.])(\d{1,2})[、.．](?!\d)/g;
  marker.lastIndex = from;
  const hits: { at: number; body: number }[] = [];
  for (let m = marker.exec(text); m; m = marker.exec(text)) hits.push({ at: m.index, body: m.index + m[0].length });
  return hits.map((hit, k) => {
    const end = k + 1 < hits.length ? hits[k + 1].at : text.length;
    const raw = text.slice(hit.body, end);
    const trimmed = raw.replace(/[；;，,。\s]+$/, '');
    const start = block.start + hit.body;
    return { index: k + 1, text: trimmed, source: locate(document, start, start + trimmed.length) };
  });
}
