/**
 * The financial statements of a 部门预算 / 部门决算 disclosure (收支总表, 收入总表, 一般公共预算支出表,
 * "三公"经费表, 项目支出表…) and the explanatory sections about them: they carry amounts and read like
 * titles, but they state the whole department's money, never one project's targets. The lexicon is data:
 * each kind lists what its title contains, with a title as a real disclosure prints it.
 */

export type StatementKind =
  | 'income_expenditure'
  | 'income'
  | 'expenditure'
  | 'fiscal_appropriation'
  | 'general_budget'
  | 'basic_expenditure'
  | 'three_public'
  | 'government_fund'
  | 'state_capital'
  | 'project_expenditure'
  | 'procurement'
  | 'operating_cost'
  | 'state_assets'
  | 'budget_change'
  | 'fee_income'
  | 'other_notes';

export interface StatementEntry {
  kind: StatementKind;
  pattern: RegExp;
  example: string;
}

/** Most specific first: 财政拨款收支总表 before 收支总表, 一般公共预算基本支出 before 一般公共预算. */
export const STATEMENTS: StatementEntry[] = [
  {
    kind: 'fiscal_appropriation',
    pattern: /财政拨款收支(?:预算|决算)?总体?(?:情况)?表|财政拨款(?:支出)?(?:预算)?总表/,
    example: '2026年财政拨款收支总表',
  },
  {
    kind: 'income_expenditure',
    pattern: /(?:财务)?收支(?:预算|决算)?总体?(?:情况)?表?|收入支出(?:预算|决算)?总(?:表|体)/,
    example: '部门收支总表',
  },
  { kind: 'income', pattern: /收入(?:预算|决算)?(?:总体?)?(?:情况)?表|^(?:本年|部门)?收入(?:预算|决算)$/, example: '市级部门收入预算总表' },
  {
    kind: 'basic_expenditure',
    pattern: /基本支出(?:预算|决算)?(?:总)?(?:情况)?表|基本支出(?:情况)?$|一般公共预算基本支出/,
    example: '一般公共预算基本支出表',
  },
  { kind: 'project_expenditure', pattern: /项目支出(?:预算|决算)?(?:总)?(?:情况)?表/, example: '项目支出预算表' },
  { kind: 'expenditure', pattern: /支出(?:预算|决算)?总体?(?:情况)?表|^(?:本年|部门)?支出(?:预算|决算)$/, example: '支出总表' },
  { kind: 'three_public', pattern: /[“"]?三公[”"]?经费/, example: '财政拨款“三公”经费支出表' },
  {
    kind: 'government_fund',
    pattern: /政府性基金(?:预算)?(?:支出|收入|收支)?(?:预算|决算)?(?:表|情况)?$|政府性基金预算支出/,
    example: '政府性基金预算支出表',
  },
  {
    kind: 'state_capital',
    pattern: /国有资本经营(?:预算)?(?:支出|收入)?(?:预算|决算)?(?:表|情况)?$|国有资本经营预算支出/,
    example: '国有资本经营预算支出表',
  },
  {
    kind: 'general_budget',
    pattern: /一般公共预算(?:财政拨款)?(?:支出|收入)?(?:预算|决算)?(?:情况)?(?:表|情况)?(?:[（(].{2,8}[)）])?$/,
    example: '一般公共预算支出表（按功能分类）',
  },
  { kind: 'procurement', pattern: /政府采购(?:预算|支出|执行)?(?:情况)?(?:表|情况)?$/, example: '政府采购预算表' },
  { kind: 'operating_cost', pattern: /机关运行经费(?:预算|支出)?(?:表|情况)?$/, example: '机关运行经费' },
  { kind: 'state_assets', pattern: /国有资产(?:占有|使用|占用)*(?:情况)?$/, example: '国有资产占有使用情况' },
  {
    kind: 'budget_change',
    pattern: /预算收支增减变化|收支(?:预算)?增减变化|收入支出预算(?:总体)?情况/,
    example: '预算收支增减变化情况说明',
  },
  { kind: 'fee_income', pattern: /行政事业性收费|非税收入/, example: '重点行政事业性收费' },
  { kind: 'other_notes', pattern: /^其他(?:相关|重要事项|重要)?(?:事项)?(?:情况)?$/, example: '其他情况说明' },
];

/** A title folded for matching: no spaces, no numbering, no year, no 表N / 附表N, no trailing 情况说明. */
export function foldStatementTitle(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^(?:附表|表|附件)\s*\d{1,2}[-－—.．]?\d{0,2}[：:、.．]?/, '')
    .replace(/^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]、?)/, '')
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/^(?:关于)?/, '')
    .replace(/(?:的)?(?:情况)?说明$/, '')
    .replace(/[（(](?:单位|金额单位)[：:].*[)）]$/, '');
}

/** The statement a title names, or null when it names none. */
export function statementKindOf(title: string): StatementKind | null {
  const folded = foldStatementTitle(title);
  if (folded.length === 0 || folded.length > 40) return null;
  return STATEMENTS.find(({ pattern }) => pattern.test(folded))?.kind ?? null;
}
