import { formatDaxie, formatQianYuan, formatWan, formatYuan, wanString, type WanCents } from '../money.js';
import type { CellMerge } from '../filing.js';
import type { FilingPlan, FundingNode, IndicatorPlan, Level1, ProjectPlan } from '../plan.js';
import type { Rng } from '../random.js';
import { phraseTargetTable, type ValueColumns } from '../thresholds.js';
import { IndicatorSubcategory, type FundingItem, type ProjectTruth } from '../truth.js';
import { BlockSink, categoryOf, fill, indicatorTruth, NameRecorder, projectTruthBase, withProjectSuffix, type Rendered } from './shared.js';

/**
 * 项目支出绩效目标表 forms: a short 项目经费情况说明 (as Shanghai's filings put before each form), the form with
 * its fields and funding rows, and the indicator table 一级 | 二级 | 三级 | 指标值 (or 符号 | 值 | 单位) whose
 * category cells are merged down their rows.
 */

type FormUnit = '万元' | '元' | '千元';

/** Most forms come with a 经费情况说明 page; fewer add a 支出内容 table. */
const EXPLANATION_SHARE = 0.75;
const EXPENSE_TABLE_SHARE = 0.4;

const TITLES = ['{dept}{year}年度项目支出绩效目标表', '{year}年度{dept}预算项目绩效目标', '{dept}{year}年项目绩效目标申报表'] as const;
const FORM_TITLES = ['项目支出绩效目标表', '财政项目支出绩效目标申报表', '项目支出绩效目标申报表'] as const;
const FISCAL_LABELS = ['其中：财政拨款', '其中：当年财政拨款'] as const;
const GOAL_LABELS = ['年度目标', '年度绩效目标', '年度总体目标'] as const;

/** 二级 labels as forms print them; the truth keeps the canonical name. */
const SUBCATEGORY_PRINTED: Partial<Record<IndicatorSubcategory, string>> = {
  经济效益: '经济效益指标',
  社会效益: '社会效益指标',
  生态效益: '生态效益指标',
  可持续影响: '可持续影响指标',
  服务对象满意度: '服务对象满意度指标',
};

interface TableStyle {
  formUnit: FormUnit;
  valueColumns: ValueColumns;
  /** Whether 二级 labels carry the 指标 suffix ("社会效益指标"). */
  suffixedSubcategories: boolean;
  levelOrder: Level1[];
  /** Share of this filing's forms that also print the total in financial numerals (0 in half the filings). */
  daxieShare: number;
  formTitle: string;
  goalLabel: string;
  fiscalLabel: string;
}

function chooseStyle(rng: Rng): TableStyle {
  return {
    formUnit: rng.weighted<FormUnit>([
      ['万元', 7],
      ['元', 2.5],
      ['千元', 0.5],
    ]),
    valueColumns: rng.chance(0.3) ? 'split' : 'single',
    suffixedSubcategories: rng.chance(0.5),
    levelOrder: rng.chance(0.5) ? ['产出', '效益', '满意度', '成本'] : ['成本', '产出', '效益', '满意度'],
    daxieShare: rng.chance(0.5) ? 0.5 : 0,
    formTitle: rng.pick(FORM_TITLES),
    goalLabel: rng.pick(GOAL_LABELS),
    fiscalLabel: rng.pick(FISCAL_LABELS),
  };
}

function formAmount(amount: WanCents, unit: FormUnit): string {
  switch (unit) {
    case '万元':
      return formatWan(amount, 'fixed2');
    case '元':
      return formatYuan(amount, 'grouped2');
    case '千元':
      return formatQianYuan(amount);
  }
}

/** The explanation page before a form: 项目概述, 实施主体, 年度预算安排 (in 万元 even when the form is in 元). */
function renderExplanation(sink: BlockSink, rng: Rng, plan: FilingPlan, project: ProjectPlan, index: number, name: string): void {
  sink.heading(2, `${name}经费情况说明`, 'title', index);
  sink.paragraph(`一、项目概述：${project.contents.join('；')}。`, 'description', index);
  sink.paragraph(`二、立项依据：${project.policy}。`, 'description', index);
  sink.paragraph(`三、实施主体：${project.unit}。`, 'description', index);
  sink.paragraph(
    `四、年度预算安排：${plan.year}年度预算安排${formatWan(project.total, rng.chance(0.5) ? 'fixed2' : 'trim')}万元。`,
    'funding',
    index,
  );
  sink.paragraph(
    `五、绩效目标：${rng.pick(['详见项目支出绩效目标表。', '具体见下表。', '（包括年度目标、绩效指标等，具体见表格）'])}`,
    'goals',
    index,
  );
}

/** The form's fields and funding rows, four columns wide with merged label and value cells. */
function renderForm(
  sink: BlockSink,
  rng: Rng,
  plan: FilingPlan,
  project: ProjectPlan,
  style: TableStyle,
  index: number,
  name: string,
): FundingItem[] {
  const rows: string[][] = [];
  const merges: CellMerge[] = [];
  const wideValue = (label: string, value: string): void => {
    merges.push({ row: rows.length, col: 1, rowSpan: 1, colSpan: 3 });
    rows.push([label, value, '', '']);
  };
  wideValue('项目名称', name);
  rows.push(['主管部门', plan.department, '实施单位', project.unit]);

  const { sources } = project;
  const moneyRows: Array<[string, WanCents | string]> = [];
  if (project.multiYearTotal !== null) moneyRows.push(['项目资金总额', project.multiYearTotal]);
  moneyRows.push(['年度资金总额', project.total]);
  if (rng.chance(style.daxieShare)) moneyRows.push(['年度资金总额（大写）', formatDaxie(project.total)]);
  moneyRows.push([style.fiscalLabel, sources.fiscal]);
  if (sources.carryover !== null) moneyRows.push(['上年结转资金', sources.carryover]);
  moneyRows.push(['其他资金', sources.other]);
  const moneyStart = rows.length;
  merges.push({ row: moneyStart, col: 0, rowSpan: moneyRows.length, colSpan: 1 });
  moneyRows.forEach(([label, amount], i) => {
    merges.push({ row: rows.length, col: 2, rowSpan: 1, colSpan: 2 });
    const value = typeof amount === 'string' ? amount : formAmount(amount, style.formUnit);
    rows.push([i === 0 ? `项目资金（${style.formUnit}）` : '', label, value, '']);
  });

  const goalsText =
    project.goals.length === 1
      ? `${project.goals[0]}。`
      : project.goals
          .map((goal, i) => `${i + 1}.${goal}；`)
          .join('\n')
          .replace(/；$/, '。');
  if (project.multiYearTotal !== null)
    wideValue('总体目标', `实施期内${project.contents.join('，')}，${rng.pick(['全面完成项目建设任务。', '项目效益得到充分发挥。'])}`);
  wideValue(style.goalLabel, goalsText);
  sink.table(rows, merges, 0, 'form', index);

  const fundingItems: FundingItem[] = [{ label: style.fiscalLabel.replace('其中：', ''), wan: wanString(sources.fiscal), children: [] }];
  if (sources.carryover !== null) fundingItems.push({ label: '上年结转资金', wan: wanString(sources.carryover), children: [] });
  fundingItems.push({ label: '其他资金', wan: wanString(sources.other), children: [] });
  return fundingItems;
}

/** The indicator table; 一级 and 二级 cells are merged down the rows they head. */
function renderIndicatorTable(
  sink: BlockSink,
  rng: Rng,
  plan: FilingPlan,
  project: ProjectPlan,
  style: TableStyle,
  index: number,
): ProjectTruth['indicators'] {
  const header =
    style.valueColumns === 'single'
      ? ['一级指标', '二级指标', '三级指标', '指标值']
      : ['一级指标', '二级指标', '三级指标', '符号', '值', '单位'];
  const rows: string[][] = [header];
  const merges: CellMerge[] = [];
  const truths: ProjectTruth['indicators'] = [];
  const ordered: IndicatorPlan[] = style.levelOrder.flatMap((level1) =>
    project.indicators
      .filter((indicator) => indicator.level1 === level1)
      .sort((a, b) => IndicatorSubcategory.options.indexOf(a.subcategory) - IndicatorSubcategory.options.indexOf(b.subcategory)),
  );
  let levelStart = 1;
  let subStart = 1;
  ordered.forEach((indicator, i) => {
    const previous = ordered[i - 1];
    const newLevel = previous === undefined || previous.level1 !== indicator.level1;
    const newSub = newLevel || previous.subcategory !== indicator.subcategory;
    if (newLevel) levelStart = rows.length;
    if (newSub) subStart = rows.length;
    const value = phraseTargetTable(rng, indicator.target, style.valueColumns);
    const subLabel = style.suffixedSubcategories
      ? (SUBCATEGORY_PRINTED[indicator.subcategory] ?? indicator.subcategory)
      : indicator.subcategory;
    rows.push([newLevel ? `${categoryOf(plan, indicator.level1)}指标` : '', newSub ? subLabel : '', indicator.name, ...value.cells]);
    truths.push(indicatorTruth(plan, indicator, [value.threshold], { goalIndex: null, withSubcategory: true }));
    const next = ordered[i + 1];
    const levelEnds = next === undefined || next.level1 !== indicator.level1;
    const subEnds = levelEnds || next.subcategory !== indicator.subcategory;
    if (levelEnds && rows.length - levelStart > 1) merges.push({ row: levelStart, col: 0, rowSpan: rows.length - levelStart, colSpan: 1 });
    if (subEnds && rows.length - subStart > 1) merges.push({ row: subStart, col: 1, rowSpan: rows.length - subStart, colSpan: 1 });
  });
  sink.table(rows, merges, 1, 'indicators', index);
  return truths;
}

function expenseRows(node: FundingNode, nested: boolean): { rows: string[][]; truth: FundingItem } {
  const amount = node.amount === null ? '' : formatWan(node.amount, 'fixed2');
  const rows = [[nested ? `其中：${node.label}` : node.label, amount]];
  const children = node.children.map((child) => expenseRows(child, true));
  return {
    rows: [...rows, ...children.flatMap((child) => child.rows)],
    truth: { label: node.label, wan: node.amount === null ? null : wanString(node.amount), children: children.map((child) => child.truth) },
  };
}

function renderExpenseTable(sink: BlockSink, project: ProjectPlan, index: number): FundingItem[] {
  sink.paragraph('项目支出明细', 'funding', index);
  const lines = project.items.map((item) => expenseRows(item, false));
  const total = project.items.reduce((sum, item) => sum + (item.amount ?? 0), 0);
  const rows = [['支出内容', '金额（万元）'], ...lines.flatMap((line) => line.rows), ['合计', formatWan(total, 'fixed2')]];
  sink.table(rows, [], 1, 'funding', index);
  return lines.map((line) => line.truth);
}

export function renderTable(plan: FilingPlan, rng: Rng): Rendered {
  const style = chooseStyle(rng);
  const sink = new BlockSink();
  sink.heading(1, fill(rng.pick(TITLES), { dept: plan.department, year: plan.year }), 'title');
  if (rng.chance(0.5)) {
    sink.paragraph(
      `按照预算绩效管理工作要求，本部门${plan.year}年度共有${plan.projects.length}个项目编报了绩效目标，具体如下。`,
      'overview',
    );
  }
  const projects = plan.projects.map((project, index): ProjectTruth => {
    const names = new NameRecorder();
    const name = names.use(project.theme.name);
    if (rng.chance(EXPLANATION_SHARE))
      renderExplanation(sink, rng, plan, project, index, names.use(rng.chance(0.5) ? name : withProjectSuffix(name)));
    sink.heading(2, style.formTitle, 'title', index);
    sink.paragraph(`（${plan.year}年度）`, 'title', index);
    const fundingItems = renderForm(sink, rng, plan, project, style, index, name);
    const indicators = renderIndicatorTable(sink, rng, plan, project, style, index);
    const expenseItems = rng.chance(EXPENSE_TABLE_SHARE) ? renderExpenseTable(sink, project, index) : [];
    return {
      name,
      aliases: names.aliases,
      ...projectTruthBase(plan, project),
      total: { wan: wanString(project.total) },
      funding_items: fundingItems,
      expense_items: expenseItems,
      declared_goal_count: null,
      goals: project.goals.map((text, i) => ({ index: i + 1, text })),
      indicators,
    };
  });
  return { blocks: sink.blocks, projects, departmentGoals: [] };
}
