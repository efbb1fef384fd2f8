import { Decimal } from '../model/decimal.js';
import type { Source } from '../model/document.js';
import {
  taskRows,
  type Amount,
  type DepartmentTask,
  type Extraction,
  type FormField,
  type FundingItem,
  type Project,
  type Weight,
} from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';

/**
 * A total against the sum of its direct parts, at every level of the funding tree and on forms
 * (年度资金总额 vs 财政拨款 + 上年结转 + 其他资金), in exact decimals. A difference that rounding of the
 * printed figures can explain — half a unit of the last printed decimal of each figure, summed — is info
 * only. A figure printed with decimals is rounded at its last one; an integer printed among figures
 * with decimals is taken to the finest of them (1 among 7.72 and 0.86 is 1.00 with the zeros dropped,
 * not "1 give or take 0.5").
 */
export const sumMismatch: Check = ({ extraction }) => [
  ...extraction.projects.flatMap((project) => [
    ...(project.total ? compare(project, project.total, project.funding_items, '合计') : []),
    ...nested(project, project.funding_items),
    ...formSums(project),
    ...weightSum(project.name, project.indicators),
  ]),
  ...weightSum(null, extraction.department_indicators),
  ...taskSums(extraction),
];

/**
 * A department-wide form's tasks: the 金额合计 row against the tasks' amounts, each task's (and the
 * total's) amount against its sources (财政拨款 + 其他资金) where the table gives them, and the 金额合计's
 * figure for each source against that source's column.
 */
function taskSums(extraction: Extraction): Finding[] {
  const { department_tasks: tasks, department_tasks_total: total } = extraction;
  const asPart = (task: DepartmentTask): Part => ({ label: task.name, amount: task.amount, source: task.source });
  const sources = ({ role, task }: ReturnType<typeof taskRows>[number]) =>
    task.amount && task.parts.some((p) => p.amount !== null)
      ? compare(
          null,
          task.amount,
          task.parts.map((p) => ({ label: p.label, amount: p.amount, source: p.amount?.source ?? task.source })),
          role === 'total' ? '金额合计' : task.name,
        )
      : [];
  const column = (k: number): Part[] =>
    tasks.map((task) => ({
      label: task.name,
      amount: task.parts[k]?.amount ?? null,
      source: task.parts[k]?.amount?.source ?? task.source,
    }));
  const columns = (total?.parts ?? []).flatMap((part, k) =>
    part.amount && tasks.length > 0 ? compare(null, part.amount, column(k), `金额合计中的${part.label}`) : [],
  );
  return [
    ...(total?.amount && tasks.length > 0 ? compare(null, total.amount, tasks.map(asPart), '金额合计') : []),
    ...taskRows(extraction).flatMap(sources),
    ...columns,
  ];
}

/** What the weights of a table's indicators add up to, where it gives them (权重, 分值). */
const FULL_WEIGHT = Decimal.of(100);

interface Weighted {
  name: string;
  weight: Weight | null;
  source: Source;
}

/**
 * The weights of a project's (or the department's) indicators against 100. Only where every indicator of
 * the table has one: a table that weights its categories instead (产出指标 50) leaves its indicators' cells
 * empty.
 */
function weightSum(project: string | null, indicators: readonly Weighted[]): Finding[] {
  const weighted = indicators.filter((i): i is Weighted & { weight: Weight } => i.weight !== null);
  if (weighted.length < 2 || weighted.length < indicators.filter((i) => i.source.start >= weighted[0].source.start).length) return [];
  const sum = weighted.reduce((total, i) => total.add(Decimal.parse(i.weight.value)), Decimal.ZERO);
  if (sum.sub(FULL_WEIGHT).isZero) return [];
  return [
    finding({
      kind: 'sum_mismatch',
      severity: 'error',
      project,
      message: `${weighted.length}项指标的权重合计${sum.toString()}，不等于100`,
      message_en: `The weights of the ${weighted.length} indicators add up to ${sum.toString()}, not 100`,
      expected: FULL_WEIGHT.toString(),
      actual: sum.toString(),
      locations: weighted.map((i) => at(i.weight.source, `weight of ${i.name}`)),
    }),
  ];
}

function nested(project: Project, items: FundingItem[]): Finding[] {
  return items.flatMap((item) => [
    ...(item.amount && item.children.length ? compare(project, item.amount, item.children, item.label) : []),
    ...nested(project, item.children),
  ]);
}

/** Half a unit of the last printed decimal of each figure, in 万元, summed. */
function roundingSlack(figures: Amount[]): Decimal {
  const finest = Math.max(...figures.map((f) => f.printed_decimals));
  return figures.reduce((sum, figure) => {
    const integer = !/\.\d/.test(figure.text);
    const decimals = integer ? finest : figure.printed_decimals;
    return sum.add(Decimal.of(5).shift(-(decimals + 1)));
  }, Decimal.ZERO);
}

interface Part {
  label: string;
  amount: Amount | null;
  source: FundingItem['source'];
}

function compare(project: Pick<Project, 'name'> | null, total: Amount, parts: Part[], what: string): Finding[] {
  if (parts.length === 0) return [];
  const priced = parts.filter((p): p is Part & { amount: Amount } => p.amount !== null);
  const unpriced = parts.filter((p) => p.amount === null);
  const sum = priced.reduce((s, p) => s.add(Decimal.parse(p.amount.wan)), Decimal.ZERO);
  const declared = Decimal.parse(total.wan);
  const difference = declared.sub(sum);
  if (difference.isZero) return [];
  const slack = roundingSlack([total, ...priced.map((p) => p.amount)]);
  const byRounding = difference.abs().compare(slack) <= 0;
  const unexplained = unpriced.map((p) => p.label).join('、');
  // a remainder an item without amount may hold is a warning; rounding only, info; anything else an error
  const severity = byRounding ? 'info' : unpriced.length > 0 && difference.compare(Decimal.ZERO) > 0 ? 'warning' : 'error';
  const head = what === '合计' ? `项目总额${total.text}` : `“${what}”${total.text}`;
  const tail = unpriced.length ? `，差额${difference.toString()}万元未说明，其中“${unexplained}”未列金额` : '';
  const headEn = what === '合计' ? `The declared total of ${total.wan} 万元` : `"${what}" (${total.wan} 万元)`;
  const tailEn = unpriced.length
    ? `; the remainder of ${difference.toString()} 万元 is unexplained and "${unexplained}" has no amount`
    : '';
  return [
    finding({
      kind: 'sum_mismatch',
      severity,
      project: project?.name ?? null,
      message: `${head}与明细合计${sum.toString()}万元不一致${byRounding ? '（差额在印刷数字的舍入误差以内）' : ''}${tail}`,
      message_en: `${headEn} differs from the sum of its ${priced.length} itemised amounts, ${sum.toString()} 万元${byRounding ? ' (within the rounding of the printed figures)' : ''}${tailEn}`,
      expected: declared.toString(),
      actual: sum.toString(),
      locations: [
        at(total.source, 'declared total'),
        ...parts.map((p) => at(p.amount?.source ?? p.source, p.amount ? 'item' : 'item without amount')),
      ],
    }),
  ];
}

function formSums(project: Project): Finding[] {
  const annual = project.form_fields.find((f) => f.role === 'total');
  const multiYear = project.form_fields.find((f) => f.role === 'multi_year_total');
  const parts = project.form_fields.filter((f) => f.role === 'part');
  const split = multiYear ? splitParts(parts) : { annual: parts, multiYear: [] };
  const asParts = (fields: FormField[]) => fields.map((p) => ({ label: p.field, amount: p.amount, source: p.source }));
  return [
    ...(annual ? compare(project, annual.amount, asParts(split.annual), annual.field) : []),
    ...(multiYear ? compare(project, multiYear.amount, asParts(split.multiYear), multiYear.field) : []),
  ];
}

/** Parts of the year's funds: 当年财政拨款, 上年结转, 本年… */
const ANNUAL_PART = /当年|本年|上年结转/;

/**
 * A form with a multi-year total beside the year's (项目资金总额 | 年度资金申请总额) may have a column of
 * parts under each, read row by row: 财政资金 | 当年财政拨款, — | 上年结转资金, 其他资金 | 其他资金. A
 * label written twice shows the two columns: it is the multi-year's the first time and the year's the
 * second, a part named for the year (当年, 本年, 上年结转) is the year's, and any other part the
 * multi-year's. Without a label written twice, every part is the year's (the multi-year total stands alone).
 */
function splitParts(parts: FormField[]): { annual: FormField[]; multiYear: FormField[] } {
  const twice = (i: number, from: number, to: number) =>
    parts.slice(from, to).some((other, j) => from + j !== i && other.field === parts[i].field);
  if (!parts.some((_, i) => twice(i, i + 1, parts.length))) return { annual: parts, multiYear: [] };
  const annual: FormField[] = [];
  const multiYear: FormField[] = [];
  parts.forEach((part, i) => {
    const isAnnual = ANNUAL_PART.test(part.field) || twice(i, 0, i);
    (isAnnual ? annual : multiYear).push(part);
  });
  return { annual, multiYear };
}
