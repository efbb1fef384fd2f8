import { z } from 'zod';
import { Message, Source } from './document.js';

/**
 * What extractors find in a filing: the shape stored in SQLite and exported as JSON. Every value carries
 * its source (page, span in the normalized text, quoted text).
 */

/** An exact decimal number as a string: "243.08", "-1", "0.5". */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

export const Amount = z.object({
  /** Exact amount in 万元. */
  wan: DecimalString,
  /** As written: "243.08万元", "10000元", "壹佰贰拾万元整". */
  text: z.string(),
  /** 约, 左右, 余, 多: the figure is approximate. */
  approximate: z.boolean(),
  /** Decimals as printed, in 万元 terms: how much rounding the printed figure may hide. */
  printed_decimals: z.number().int(),
  source: Source,
});
export type Amount = z.infer<typeof Amount>;

export interface FundingItem {
  label: string;
  amount: Amount | null;
  source: Source;
  children: FundingItem[];
}
export const FundingItem: z.ZodType<FundingItem> = z.lazy(() =>
  z.object({
    label: z.string(),
    amount: Amount.nullable(),
    source: Source,
    children: z.array(FundingItem),
  }),
);

/** A form field such as 年度资金总额, 财政拨款, 其他资金, with its amount. */
export const FormField = z.object({
  field: z.string(),
  /** What the field means for sums: the total, or one of its parts. */
  role: z.enum(['total', 'multi_year_total', 'part']),
  amount: Amount,
  source: Source,
});
export type FormField = z.infer<typeof FormField>;

export const ContentItem = z.object({ index: z.number().int().positive(), text: z.string(), source: Source });

export const Goal = z.object({
  index: z.number().int().positive(),
  text: z.string(),
  /** 总体目标 (whole project / multi-year), 年度目标 (this year), or a listed goal. */
  kind: z.enum(['listed', 'overall', 'annual']).default('listed'),
  source: Source,
});
export type Goal = z.infer<typeof Goal>;

export const Category = z.enum(['产出', '效果', '效益', '满意度', '成本']);
export type Category = z.infer<typeof Category>;

export const ThresholdOp = z.enum(['>=', '<=', '=', '>', '<', 'qualitative']);

export const Threshold = z.object({
  op: ThresholdOp,
  /** The number as written: 90 for 90%; null for qualitative thresholds. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  text: z.string(),
  source: Source,
});
export type Threshold = z.infer<typeof Threshold>;

/** An indicator's weight, from a table's 权重 / 分值 column: the figure as an exact decimal ("12.5" for 12.5 or 12.5%). */
export const Weight = z.object({
  value: z.string(),
  text: z.string(),
  source: Source,
});
export type Weight = z.infer<typeof Weight>;

export const Indicator = z.object({
  goal_index: z.number().int().positive().nullable(),
  category: Category,
  /** 二级指标 where a table gives it (数量指标, 社会效益…). */
  subcategory: z.string().nullable(),
  name: z.string(),
  source: Source,
  thresholds: z.array(Threshold),
  /** Where the table has a 权重 / 分值 column; null otherwise (and in extractions stored before it was read). */
  weight: Weight.nullable().default(null),
});
export type Indicator = z.infer<typeof Indicator>;

/** Declared indicator counts per goal: "对应目标一设置1项产出指标、1项效果指标". */
export const DeclaredIndicatorCount = z.object({
  goal_index: z.number().int().positive().nullable(),
  category: Category,
  count: z.number().int().nonnegative(),
  source: Source,
});
export type DeclaredIndicatorCount = z.infer<typeof DeclaredIndicatorCount>;

/** A count declared for all of a project's indicators: "共设置6项绩效指标". */
export const DeclaredTotal = z.object({
  count: z.number().int().nonnegative(),
  source: Source,
});
export type DeclaredTotal = z.infer<typeof DeclaredTotal>;

export const Project = z.object({
  name: z.string(),
  /** Other names the text uses for the project. */
  aliases: z.array(z.string()),
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  source: Source,
  total: Amount.nullable(),
  /** The phrase that declares the total ("安排一般公共预算资金共计50万元"). */
  total_phrase: Source.nullable(),
  funding_items: z.array(FundingItem),
  form_fields: z.array(FormField),
  declared_content_count: z.number().int().nullable(),
  content_items: z.array(ContentItem),
  declared_goal_count: z.number().int().nullable(),
  declared_goal_source: Source.nullable(),
  goals: z.array(Goal),
  declared_indicator_counts: z.array(DeclaredIndicatorCount),
  /** Absent from extractions stored before pipeline version 2. */
  declared_indicator_total: DeclaredTotal.nullable().default(null),
  indicators: z.array(Indicator),
});
export type Project = z.infer<typeof Project>;

/** The department-level summary: each project's goals as the summary states them (分项绩效目标). */
export const DepartmentGoalList = z.object({
  project: z.string(),
  source: Source,
  goals: z.array(Goal),
});
export type DepartmentGoalList = z.infer<typeof DepartmentGoalList>;

/** A row of the department indicator table. */
export const DepartmentIndicator = z.object({
  category: Category.nullable(),
  subcategory: z.string().nullable(),
  name: z.string(),
  symbol: z.string().nullable(),
  value: z.string().nullable(),
  unit: z.string().nullable(),
  threshold: Threshold.nullable(),
  /** Where the table has a 权重 / 分值 column; null otherwise (and in extractions stored before it was read). */
  weight: Weight.nullable().default(null),
  source: Source,
});
export type DepartmentIndicator = z.infer<typeof DepartmentIndicator>;

/**
 * A row of a department-wide form's 年度主要任务 table (部门整体支出绩效目标申报表): a task, its content and
 * its budget, with the budget's sources where the table splits it (财政拨款, 其他资金); or the table's
 * 金额合计 row (`name` 合计, no content).
 */
export const DepartmentTask = z.object({
  name: z.string(),
  content: z.string().nullable(),
  amount: Amount.nullable(),
  parts: z.array(z.object({ label: z.string(), amount: Amount.nullable() })),
  source: Source,
});
export type DepartmentTask = z.infer<typeof DepartmentTask>;

/** The rows of a 年度主要任务 table in order: each task, then the 金额合计 row, each with its role. */
export function taskRows(filing: {
  department_tasks: DepartmentTask[];
  department_tasks_total: DepartmentTask | null;
}): { role: 'task' | 'total'; task: DepartmentTask }[] {
  const rows = filing.department_tasks.map((task) => ({ role: 'task' as const, task }));
  return filing.department_tasks_total ? [...rows, { role: 'total', task: filing.department_tasks_total }] : rows;
}

/** A numbered heading of the filing's section tree, with its level as the filing's own numbering gives it. */
export const Section = z.object({
  level: z.number().int().positive(),
  /** The numbering style: part (第一部分), cn (一、), cn_paren (（一）), arabic (1.), arabic_paren (（1）), circled (①), project (项目一：), annex (附表1). */
  style: z.string(),
  number: z.string(),
  title: z.string(),
  /** Index of the parent section in `sections`; null at the top. */
  parent: z.number().int().nullable(),
  kind: z.enum(['project', 'department', 'statement', 'other']),
  /** The heading, located; `end` of the section's text is `span_end`. */
  source: Source,
  span_end: z.number().int(),
});
export type Section = z.infer<typeof Section>;

/** A financial statement of a 部门预算/决算 disclosure (收支总表, "三公"经费表…): never a project, kept for later checks. */
export const Statement = z.object({
  kind: z.string(),
  title: z.string(),
  source: Source,
  /** The 合计 / 总计 row's first amount, where the table prints one. */
  total: Amount.nullable(),
  rows: z.number().int().nonnegative(),
});
export type Statement = z.infer<typeof Statement>;

/**
 * What the extraction accounted for: of the stretches of a filing that carry evidence (a money amount, an
 * indicator-like row, a goal-like line), the share that ended up in a project, the department's part or a
 * statement — and the largest of those left over, so that a layout nobody here has seen does not pass silently.
 */
export const Coverage = z.object({
  evidence: z.number().int().nonnegative(),
  assigned: z.number().int().nonnegative(),
  /** assigned / evidence, 1 where there is no evidence. */
  ratio: z.number().min(0).max(1),
  unassigned: z.array(Source),
});
export type Coverage = z.infer<typeof Coverage>;

export const Extraction = z.object({
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  projects: z.array(Project),
  department_goals: z.array(DepartmentGoalList),
  department_indicators: z.array(DepartmentIndicator),
  /** The 年度主要任务 of a department-wide form; empty where the filing has none (and in extractions stored before they were read). */
  department_tasks: z.array(DepartmentTask).default([]),
  /** That table's 金额合计 row. */
  department_tasks_total: DepartmentTask.nullable().default(null),
  /** The department's own goals on a department-wide form (年度总体目标, 中长期目标), numbered per kind. */
  department_form_goals: z.array(Goal).default([]),
  /** What the extractors could not place (a target that fits no indicator), in the one message shape. */
  notes: z.array(Message),
  /** The section tree (empty in extractions stored before it was read). */
  sections: z.array(Section).default([]),
  statements: z.array(Statement).default([]),
  coverage: Coverage.nullable().default(null),
  /** The sentence that says how many projects have targets ("编报绩效目标的项目20个，涉及…万元"), where there is one. */
  target_statement: Source.nullable().default(null),
});
export type Extraction = z.infer<typeof Extraction>;
