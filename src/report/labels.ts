import type { Finding, FindingKind } from '../model/finding.js';
import type { Threshold } from '../model/extraction.js';

/** The report's Chinese interface text: one table per vocabulary, so wording changes in one place. */

export const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

export const SEVERITY_ORDER: Finding['severity'][] = ['error', 'warning', 'info'];

export const KIND_LABEL: Record<FindingKind, string> = {
  sum_mismatch: '金额合计不符',
  count_mismatch: '数量不符',
  duplicate_section: '段落重复',
  duplicate_item: '条目重复',
  copied_section: '与其他文件雷同',
  cross_section_mismatch: '前后不一致',
  missing_value: '缺少内容',
  suspicious_value: '可疑数值',
  unrecognised_layout: '版式未能识别',
  no_project_targets: '未载明项目绩效目标',
};

/** What a finding's `expected`/`actual` mean, by kind; the default fits counts and other comparisons. */
export const EXPECTED_ACTUAL_LABEL: Partial<Record<FindingKind, [string, string]>> = {
  sum_mismatch: ['声明总额', '明细合计'],
  count_mismatch: ['声明数量', '实际数量'],
  cross_section_mismatch: ['部门汇总', '项目说明'],
  copied_section: ['', '相同段落数/相似度'],
};
export const DEFAULT_EXPECTED_ACTUAL: [string, string] = ['应为', '实为'];

/** The roles the checks give a finding's locations (src/checks/), in Chinese. */
const ROLE_LABEL: Record<string, string> = {
  'declared total': '声明总额',
  total: '总额',
  'form total': '表格总额',
  'text total': '正文总额',
  item: '明细',
  part: '组成部分',
  'item without amount': '未列金额的明细',
  'declared count': '声明数量',
  'named indicator': '列出的指标',
  'reference to a further goal': '超出的目标',
  'listed goal': '列出的目标',
  'content item': '内容条目',
  'first occurrence': '首次出现',
  repeated: '重复出现',
  summary: '部门汇总',
  detail: '项目说明',
  'indicator row': '指标行',
  indicator: '指标',
  threshold: '指标值',
  goal: '目标',
  project: '项目',
  reference: '引用',
  placeholder: '模板占位符',
  'this filing': '本文件',
  'other filing': '其他文件',
};

export function roleLabel(role: string): string {
  const pageNumber = /^page number (.+)$/.exec(role);
  if (pageNumber) return `页码 ${pageNumber[1]}`;
  return ROLE_LABEL[role] ?? role;
}

export const THRESHOLD_OP_LABEL: Record<Threshold['op'], string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '>': '>',
  '<': '<',
  qualitative: '定性',
};

/** The kinds of extracted value the document view colours, with the legend's wording. */
export const VALUE_KINDS = {
  amount: '金额',
  indicator: '指标',
  threshold: '指标值',
  goal: '绩效目标',
  project: '项目名称',
} as const;
export type ValueKind = keyof typeof VALUE_KINDS;

export function pageLabel(page: number | null): string {
  return page === null ? '' : `第${page}页`;
}
