import type { Block, DocumentModel, Source, TableBlock, TableCell } from '../../src/model/document.js';
import type { Amount, FormField, FundingItem } from '../../src/model/extraction.js';
import { Decimal } from '../../src/model/decimal.js';
import { locate } from '../../src/model/locate.js';
import { MONEY_UNIT_EXPONENTS, findAmounts, toWan, type MoneyMatch, type MoneyUnit } from '../text/money.js';
import { inlineEnumeration } from '../layout/projects.js';
import type { ProjectSection } from '../layout/structure.js';
import { formLabelOf } from '../../src/model/form-labels.js';

/**
 * A project's money: the declared total with the phrase that declares it, the breakdown under 其中 as a
 * tree, funding tables and form fields (年度资金总额 / 财政拨款 / 其他资金).
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;

export interface Funding {
  total: Amount | null;
  totalPhrase: Source | null;
  items: FundingItem[];
  formFields: FormField[];
}

/** Where a breakdown starts: "其中：", "具体为：", "主要用于：". */
const BREAKDOWN = /其中[：:，,]?|具体(?:包括|为|如下)[：:]?|主要用于[：:]?|分别为[：:]?/;
/** Words around an item's amount that are not its label: "1、日常接访方面，安排6万元" → 日常接访. */
const LABEL_TAIL = /(?:[，,：:；;\s]|方面|领域|安排|预算|资金|经费|共计|合计|约|为|用于|计|(?:19|20)\d{2}年度?)+$/;
/**
 * An item's label from the words before its amount: "日常接访方面，安排" → 日常接访, but "宣传教育活动经费，安排"
 * keeps its 经费, a noun of the label right after it, not the sentence's wording around the amount.
 */
function labelBefore(text: string): string {
  const tail = LABEL_TAIL.exec(text);
  const noun = tail ? /^(?:经费|资金)/.exec(tail[0]) : null;
  const kept = tail ? text.slice(0, tail.index) + (noun?.[0] ?? '') : text;
  return kept.trim().replace(LABEL_HEAD, '');
}

/** Words before an item's label that are not part of it: "1.用于监测系统运维费23万元" → 监测系统运维费. */
const LABEL_HEAD = /^(?:主要|其中[：:]?)?(?:用于|安排(?:用于)?)/;

/** An Amount for a money match found at `offset` in the normalized text. */
export function toAmount(match: MoneyMatch, offset: number, document: Doc): Amount {
  return {
    wan: match.wan,
    text: match.text,
    approximate: match.approximate,
    printed_decimals: match.printedDecimals + MONEY_UNIT_EXPONENTS.万元 - MONEY_UNIT_EXPONENTS[match.unit],
    source: locate(document, offset + match.start, offset + match.end),
  };
}

/** Amounts of a text that can be funding (not standards such as 人均不低于1元标准). */
function fundingAmounts(text: string): MoneyMatch[] {
  return findAmounts(text).filter((m) => !m.standard);
}

export function extractFunding(section: ProjectSection, document: Doc): Funding {
  const blocks = section.subsections.funding?.length ? section.subsections.funding : section.blocks.slice(1);
  const formFields = section.blocks.flatMap((b) => (b.type === 'table' ? readFormFields(b, document) : []));
  const prose = readProseFunding(blocks, document);
  const table = prose.items.length === 0 ? readFundingTables(section.blocks, document) : { total: null, items: [] };
  const formTotal = formFields.find((f) => f.role === 'total') ?? null;
  // prose after the project's form may be the next part of the filing (名词解释…), not this project's
  const proseTotal = prose.total && formTotal && prose.total.source.start > formTotal.source.end ? null : prose.total;
  const total = proseTotal ?? table.total ?? formTotal?.amount ?? null;
  return {
    total,
    totalPhrase: total !== null && total === proseTotal ? prose.totalPhrase : (total?.source ?? null),
    items: prose.items.length ? prose.items : table.items,
    formFields,
  };
}

interface ProseFunding {
  total: Amount | null;
  totalPhrase: Source | null;
  items: FundingItem[];
}

/** "四、年度预算安排：…", "资金安排：共…": a line that opens the funding part, not an item of it. */
const FUNDING_LEAD = /^(?:[一二三四五六七八九十\d]{1,3}[、.．]\s*)?[^：:，。]{0,10}(?:资金|预算|经费)[^：:，。]{0,6}[：:]/;

function readProseFunding(blocks: Block[], document: Doc): ProseFunding {
  const result: ProseFunding = { total: null, totalPhrase: null, items: [] };
  const textBlocks = blocks.filter((b): b is Exclude<Block, TableBlock> => b.type !== 'table');
  const first = textBlocks.findIndex((b) => fundingAmounts(b.text).length > 0 || BREAKDOWN.test(b.text));
  if (first < 0) return result;
  const opening = onceOnly(textBlocks[first]);
  const openingIsItem = opening.type === 'list_item' && !FUNDING_LEAD.test(opening.text);
  const breakdownAt = BREAKDOWN.exec(opening.text);
  const beforeBreakdown = breakdownAt ? opening.text.slice(0, breakdownAt.index) : opening.text;
  // the total is the first amount of the opening sentence, unless the opening is itself an item ("1、…")
  const totalMatch = openingIsItem ? undefined : fundingAmounts(beforeBreakdown)[0];
  if (totalMatch) {
    result.total = toAmount(totalMatch, opening.start, document);
    result.totalPhrase = sentenceAround(opening, totalMatch, document);
  }
  // the breakdown, in order of preference: inside the opening sentence (after 其中, or in parentheses
  // after the total), else the list items that follow it
  const inline = breakdownAt ? inlineItems(opening, breakdownAt.index + breakdownAt[0].length, document) : [];
  const inParentheses =
    totalMatch && !breakdownAt ? childrenAfter(opening.text.slice(totalMatch.end), opening.start + totalMatch.end, document) : [];
  if (inline.some((item) => item.amount)) result.items = inline;
  else if (inParentheses.length > 0) result.items = inParentheses;
  else result.items = followingItems(textBlocks.slice(openingIsItem ? first : first + 1), document);
  return result;
}

/**
 * The opening sentence pasted twice ("…共计181000元。其中：…共计181000元。其中：", a copy-paste slip the
 * duplicate check reports, joined into one block since 其中： runs on): read once, or its copy would be
 * taken for the first item of the breakdown.
 */
function onceOnly<B extends Exclude<Block, TableBlock>>(block: B): B {
  const half = block.text.length / 2;
  if (!Number.isInteger(half) || half < 8 || block.text.slice(0, half) !== block.text.slice(half)) return block;
  return { ...block, text: block.text.slice(0, half), end: block.start + half };
}

/** The list items right after the opening sentence (the breakdown stops at the first non-item). */
function followingItems(blocks: Exclude<Block, TableBlock>[], document: Doc): FundingItem[] {
  const items: FundingItem[] = [];
  for (const block of blocks) {
    if (block.type !== 'list_item') break;
    items.push(readItem(block.text.slice(block.marker.length), block.start + block.marker.length, document));
  }
  return items;
}

/** The sentence holding an amount: from the previous 。；or line start to the amount's end. */
function sentenceAround(block: Exclude<Block, TableBlock>, match: MoneyMatch, document: Doc): Source {
  const before = block.text.slice(0, match.start);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
  return locate(document, block.start + start, block.start + match.end);
}

/** Items written in one sentence: "其中：设备购置80万元；人员培训30万元" or "其中：1、…2、…". */
function inlineItems(block: Exclude<Block, TableBlock>, from: number, document: Doc): FundingItem[] {
  const enumerated = inlineEnumeration(block, from, document);
  if (enumerated.length > 1) {
    return enumerated.map((e) => readItem(e.source.quote, e.source.start, document));
  }
  return splitParts(block.text.slice(from), block.start + from).map((part) => readItem(part.text, part.start, document));
}

/**
 * Split "A 8万元，B 20万元" or "A 8万元；B 20万元" into parts, on the strongest separator present outside
 * parentheses: "敬老院运转经费512万元（水电费152万元、取暖费259万元）" is one part, its parts in brackets.
 */
function splitParts(text: string, offset: number): { text: string; start: number }[] {
  const trimmedEnd = text.replace(/[。；;，,、\s]+$/, '');
  const outside = trimmedEnd.replace(/[（(][^（）()]*[)）]/g, (m) => ' '.repeat(m.length));
  const separator = /[；;]/.test(outside) ? /[；;]/ : /[，,、]/;
  const parts: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= trimmedEnd.length; i++) {
    if (i === trimmedEnd.length || separator.test(outside[i])) {
      const raw = trimmedEnd.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim()) parts.push({ text: raw.trim(), start: offset + start + lead });
      start = i + 1;
    }
  }
  return parts;
}

/**
 * One breakdown item: its label, its first funding amount, and children written after that amount —
 * in parentheses ("7万元（供水1万元、供电3万元、取暖3万元）") or after 其中 ("28万元，其中A 8万元，B 20万元").
 */
function readItem(text: string, offset: number, document: Doc): FundingItem {
  const amounts = fundingAmounts(text);
  const main = amounts[0];
  const cleaned = text.replace(/[。；;，,\s]+$/, '');
  if (!main) {
    return {
      label: cleaned.replace(LABEL_TAIL, ''),
      amount: null,
      source: locate(document, offset, offset + cleaned.length),
      children: [],
    };
  }
  const label =
    labelBefore(text.slice(0, main.start)) ||
    text
      .slice(main.end)
      .replace(/^[，,\s]+/, '')
      .split(/[，,。；;（(]/)[0];
  const after = text.slice(main.end);
  const children = childrenAfter(after, offset + main.end, document);
  const end = children.length ? Math.max(...children.map((c) => c.source.end)) - offset : main.end;
  return {
    label: label.trim(),
    amount: toAmount(main, offset, document),
    source: locate(document, offset, offset + Math.max(end, Math.min(cleaned.length, main.end))),
    children,
  };
}

function childrenAfter(after: string, offset: number, document: Doc): FundingItem[] {
  const paren = /^\s*[（(]([^（）()]*)[)）]/.exec(after);
  if (paren && fundingAmounts(paren[1]).length > 0) {
    const inner = offset + paren[0].indexOf(paren[1]);
    return splitParts(paren[1], inner).map((part) => readItem(part.text, part.start, document));
  }
  const nested = /^\s*[，,]?\s*其中[：:，,]?/.exec(after);
  if (nested) {
    const body = after.slice(nested[0].length).split(/[；;。]/)[0];
    const start = offset + nested[0].length;
    return splitParts(body, start)
      .filter((part) => fundingAmounts(part.text).length > 0)
      .map((part) => readItem(part.text, part.start, document));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Tables and forms
// ---------------------------------------------------------------------------------------------

/** "金额（万元）", "项目资金（元）", "单位：万元" → the unit the table's figures are in. */
export function unitIn(text: string): MoneyUnit | null {
  const match = /[（(]\s*(亿元|万元|千元|元)\s*[)）]|单位[：:]\s*(亿元|万元|千元|元)/.exec(text);
  return (match?.[1] ?? match?.[2] ?? null) as MoneyUnit | null;
}

/** A cell's figure in the table's unit, unless the cell writes its own ("120万元"). */
export function cellAmount(cell: TableCell, unit: MoneyUnit, document: Doc): Amount | null {
  const own = fundingAmounts(cell.text)[0];
  if (own) return toAmount(own, cell.start, document);
  const number = /^\s*([0-9][0-9,]*(?:\.\d+)?)\s*$/.exec(cell.text);
  if (!number) return null;
  const value = number[1].replace(/,/g, '');
  const decimals = value.includes('.') ? value.split('.')[1].length : 0;
  const at = cell.start + cell.text.indexOf(number[1]);
  return {
    wan: toWan(value, unit),
    text: `${number[1]}${unit}`,
    approximate: false,
    printed_decimals: decimals + MONEY_UNIT_EXPONENTS.万元 - MONEY_UNIT_EXPONENTS[unit],
    source: locate(document, at, at + number[1].length),
  };
}

/** What a form label means for sums, from the label lexicon (年度预算资金总额：, 其中：财政拨款, 项目资金总额). */
function fieldRole(label: string): FormField['role'] | null {
  const kind = formLabelOf(label);
  return kind === 'total' || kind === 'part' || kind === 'multi_year_total' ? kind : null;
}

export function readFormFields(table: TableBlock, document: Doc): FormField[] {
  const unit =
    table.rows
      .flat()
      .map((c) => unitIn(c.text))
      .find((u) => u !== null) ?? '万元';
  const fields: FormField[] = [];
  for (const row of table.rows) {
    row.forEach((cell, c) => {
      if (cell.merged) return;
      const role = fieldRole(cell.text);
      if (role === null) return;
      const next = row.slice(c + 1).find((cell) => !cell.merged && cell.text.trim() !== '');
      // a group label (项目资金（万元）) before the label that owns the value (年度预算资金总额：) gives nothing itself
      if (!next || formLabelOf(next.text) !== null) return;
      const amount = cellAmount(next, unit, document);
      if (!amount) return;
      fields.push({
        field: cell.text
          .replace(/^其中[：:]?/, '')
          .replace(/[：:]\s*$/, '')
          .trim(),
        role,
        amount,
        source: locate(document, cell.start, amount.source.end),
      });
    });
  }
  return fields;
}

/** "| 支出内容 | 金额（万元） |" tables: one item per row, 合计 as the total. */
/** A table row's label that makes it a part of the row above: "其中：供水", "其中 供电". */
const TABLE_PART = /^其中[：:、，,]?\s*(?=\S)/;

function readFundingTables(blocks: Block[], document: Doc): { total: Amount | null; items: FundingItem[] } {
  for (const block of blocks) {
    if (block.type !== 'table' || block.rows.length < 2) continue;
    const header = block.rows[0];
    const amountColumn = header.findIndex((cell) => /金额|资金|预算数|预算额/.test(cell.text) && unitIn(cell.text) !== null);
    if (amountColumn < 0) continue;
    const unit = unitIn(header[amountColumn].text)!;
    const labelColumn = header.findIndex((cell, c) => c !== amountColumn && /内容|项目|名称|用途|科目/.test(cell.text));
    let total: Amount | null = null;
    const items: FundingItem[] = [];
    for (const row of block.rows.slice(1)) {
      const labelCell = row[Math.max(labelColumn, 0)];
      const amount = row[amountColumn] ? cellAmount(row[amountColumn], unit, document) : null;
      const label = labelCell?.text.trim() ?? '';
      if (/^(?:合计|总计|小计|共计)$/.test(label.replace(/\s+/g, ''))) {
        total = amount;
        continue;
      }
      if (!label && !amount) continue;
      const source = locate(document, labelCell?.start ?? row[0].start, (row[amountColumn] ?? labelCell).end);
      // "其中：供水" under "供水供电供热": a part of the row above, not an item of its own
      const part = TABLE_PART.exec(label);
      const parent = items[items.length - 1];
      if (part && parent) parent.children.push({ label: label.slice(part[0].length), amount, source, children: [] });
      else items.push({ label, amount, source, children: [] });
    }
    return { total, items };
  }
  return { total: null, items: [] };
}

/** Sum of the amounts of items, exactly; null amounts are skipped. */
export function sumWan(items: FundingItem[]): string {
  return items.reduce((sum, item) => (item.amount ? sum.add(Decimal.parse(item.amount.wan)) : sum), Decimal.ZERO).toString();
}
