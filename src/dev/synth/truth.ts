import { z } from 'zod';

/**
 * The ground truth of a synthetic filing: what an extractor should find in it, as printed.
 * Money is an exact decimal string in 万元 whatever unit the filing printed ("243.08", never 243.08 as a float).
 */

/** "243.08", "14.5", "50": non-negative, at most two decimals, no trailing zeros. */
export const WanString = z.string().regex(/^(0|[1-9]\d*)(\.\d?[1-9])?$/);

export interface FundingItem {
  /** The item as labelled in the filing ("日常接访方面", "供水", "财政拨款"). */
  label: string;
  /** Null for an item printed without an amount ("其他支出等"). */
  wan: string | null;
  /** A nested breakdown: "7万元（供水1万元、供电3万元、取暖3万元）". */
  children: FundingItem[];
}

export const FundingItem: z.ZodType<FundingItem> = z.lazy(() =>
  z.object({ label: z.string().min(1), wan: WanString.nullable(), children: z.array(FundingItem) }),
);

export const IndicatorCategory = z.enum(['产出', '效果', '效益', '满意度', '成本']);
export type IndicatorCategory = z.infer<typeof IndicatorCategory>;

/**
 * 二级指标, canonical spelling (a filing may print "社会效益指标" or "服务对象满意度指标" for the same thing).
 * Null where the filing names no second level (prose explanations usually do not).
 */
export const IndicatorSubcategory = z.enum([
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益',
  '社会效益',
  '生态效益',
  '可持续影响',
  '服务对象满意度',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
]);
export type IndicatorSubcategory = z.infer<typeof IndicatorSubcategory>;

export const ThresholdOp = z.enum(['>=', '<=', '=', '>', '<', 'qualitative']);
export type ThresholdOp = z.infer<typeof ThresholdOp>;

export const Threshold = z.object({
  op: ThresholdOp,
  /** Null for a qualitative target, and for a value the filing left out ("≥%", "≥**%"). */
  value: z.number().nullable(),
  /** As printed ("%", "次", "人次", "天", "万元"); null when the filing prints none (">=85", qualitative). */
  unit: z.string().nullable(),
  /** The period of a frequency: "每月" for 每月一次, "每季度" for 每季度至少一次, "全年" for 全年不少于12次. */
  period: z.string().nullable(),
});
export type Threshold = z.infer<typeof Threshold>;

export const Indicator = z.object({
  /** 1-based goal the filing ties the indicator to ("对应目标一…"); null where it ties it to none. */
  goal_index: z.number().int().positive().nullable(),
  category: IndicatorCategory,
  subcategory: IndicatorSubcategory.nullable(),
  name: z.string().min(1),
  thresholds: z.array(Threshold),
});
export type Indicator = z.infer<typeof Indicator>;

export const Goal = z.object({
  index: z.number().int().positive(),
  text: z.string().min(1),
  /** The form field the goal stands in, as printed (总体目标, 年度绩效目标); absent in generated truth. */
  field: z.string().optional(),
});
export type Goal = z.infer<typeof Goal>;

export const ProjectTruth = z.object({
  /** The name in the project's title or 项目名称 field. */
  name: z.string().min(1),
  /** Every other form of the name the filing prints ("信访经费项目", "信访维稳专项"). */
  aliases: z.array(z.string().min(1)),
  /** The filing's department (主管部门). */
  department: z.string().min(1),
  /** The unit that carries the project (spaced header "教 育 股" or 实施单位), unspaced; null if none is printed. */
  unit: z.string().min(1).nullable(),
  year: z.number().int(),
  /** The annual total as printed (年度资金总额, "安排…资金共计50万元"); a multi-year total is never this. */
  total: z.object({ wan: WanString }).nullable(),
  /**
   * The parts the total is broken into: spending items in prose and inline filings, the funding sources
   * (财政拨款, 上年结转资金, 其他资金) on forms.
   */
  funding_items: z.array(FundingItem),
  /** A form's separate spending table (支出内容 | 金额（万元）); empty where there is none. */
  expense_items: z.array(FundingItem),
  /** The count the filing states ("主要设置了2项绩效目标"); null where it states none. */
  declared_goal_count: z.number().int().nonnegative().nullable(),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
});
export type ProjectTruth = z.infer<typeof ProjectTruth>;

export const PlantedKind = z.enum(['sum_mismatch', 'count_mismatch', 'duplicate_section', 'missing_value', 'suspicious_value']);
export type PlantedKind = z.infer<typeof PlantedKind>;

export const Planted = z.object({
  kind: PlantedKind,
  /** The project's truth `name`; null for a problem outside any project. */
  project: z.string().nullable(),
  detail: z.string().min(1),
});
export type Planted = z.infer<typeof Planted>;

export const Truth = z.object({
  department: z.string().min(1),
  year: z.number().int().min(2018).max(2030),
  projects: z.array(ProjectTruth),
  /** The department-level list of each project's goals (分项绩效目标), where the filing has one. */
  department_goals: z.array(z.object({ project: z.string().min(1), goals: z.array(z.string().min(1)) })),
  planted: z.array(Planted),
});
export type Truth = z.infer<typeof Truth>;
