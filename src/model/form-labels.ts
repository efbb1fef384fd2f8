/**
 * The label lexicon of performance-target forms (项目支出绩效目标表 and its provincial variants): what a
 * label cell or a "label：value" line names, whatever its spacing, wrapping (one character per line:
 * 年/度/总/体/目/标), width, punctuation, numbering, a unit in brackets (（万元）) or a code suffix (及代码).
 * The lexicon is data: each entry lists the labels it knows, with an example as a real form prints it.
 */

export type FormLabelKind =
  | 'project_name'
  | 'department'
  | 'unit'
  | 'total'
  | 'multi_year_total'
  | 'part'
  | 'period'
  | 'goal_annual'
  | 'goal_overall'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'value'
  | 'symbol'
  | 'measure_unit'
  | 'weight'
  | 'standard'
  | 'remark'
  | 'unit_code'
  | 'value_content'
  | 'indicator_group';

export interface FormLabelEntry {
  kind: FormLabelKind;
  /** Labels as they read once folded (no spaces, brackets or trailing colon), or as printed where a bracket belongs to the label. */
  labels: string[];
  example: string;
}

export const FORM_LABELS: FormLabelEntry[] = [
  {
    kind: 'project_name',
    labels: ['项目名称', '项目支出名称', '预算项目名称', '项目全称', '二级项目名称', '政策和项目名称', '一级项目名称', '单位（项目）名称'],
    example: '项目名称：社区矫正经费; 一级项目名称 | 预算数（万元） | 绩效目标 (深圳); 单位编码 | 单位（项目）名称 | 资金总额 (长沙)',
  },
  {
    kind: 'department',
    labels: ['主管部门', '预算部门', '主管单位', '部门名称', '主管部门及代码', '主管部门名称'],
    example: '主管部门及代码 231_烟台市审计局',
  },
  {
    kind: 'unit',
    labels: [
      '实施单位',
      '预算单位',
      '实施单位及代码',
      '单位名称',
      '申报单位',
      '责任单位',
      '项目实施单位',
      '项目单位',
      '预算单位名称',
      '二级预算单位名称',
    ],
    example: '实施单位 烟台市审计局',
  },
  {
    kind: 'multi_year_total',
    labels: ['项目资金总额', '中期资金总额', '实施期资金总额', '项目总投资', '实施期资金', '中期资金'],
    example: '项目资金总额（万元） 800',
  },
  {
    kind: 'total',
    labels: [
      '年度资金总额',
      '年度预算资金总额',
      '年度本级预算金额',
      '项目总金额',
      '资金总额',
      '项目资金',
      '当年财政拨款预算金额',
      '申报金额',
      '年度资金申请总额',
      '资金申请总额',
      '预算总额',
      '年度预算总额',
      '年度预算金额',
      '预算金额',
      '总额',
      '年度总额',
      '申请总额',
      '项目预算',
      '年度资金',
      '预算数',
      '金额',
    ],
    example: '年度预算资金总额： 31.00; 单位名称 | 项目名称 | 金额 | 绩效目标 (杭州)',
  },
  {
    kind: 'part',
    labels: [
      '财政拨款',
      '当年财政拨款',
      '财政资金',
      '本级财政资金',
      '本级资金',
      '上级资金',
      '上级补助',
      '其他资金',
      '上年结转',
      '上年结转资金',
      '自有资金',
      '单位自筹',
      '单位自筹资金',
      '社会资金',
      '事业收入',
      '一般公共预算',
      '政府性基金',
      '单位资金',
    ],
    example: '其中：财政拨款 0.00',
  },
  {
    kind: 'period',
    labels: ['实施期', '项目期限', '项目起止时间', '实施期限', '项目实施期', '执行期限'],
    example: '项目期限 2026年1月-2026年12月',
  },
  {
    kind: 'goal_annual',
    labels: ['年度绩效目标', '本年度绩效目标', '年度目标', '年度总体目标', '当年绩效目标', '年度项目绩效目标', '绩效目标'],
    example: '年度绩效目标 完成全市审计项目',
  },
  {
    kind: 'goal_overall',
    labels: ['实施期绩效目标', '总体目标', '项目总体目标', '中长期目标', '实施期目标', '总体绩效目标', '长期目标'],
    example: '总体目标 按照审计署相关计划安排，完成指定审计项目',
  },
  { kind: 'level1', labels: ['一级指标'], example: '一级指标' },
  { kind: 'level2', labels: ['二级指标'], example: '二级指标' },
  { kind: 'level3', labels: ['三级指标', '指标名称'], example: '三级指标' },
  {
    kind: 'value',
    labels: ['指标值', '指标值及单位', '目标值', '年度指标值', '绩效指标值', '年度目标值', '预期目标值', '指标目标值'],
    example: '指标值 ≥95%',
  },
  { kind: 'symbol', labels: ['指标性质', '符号', '比较符', '指标值类型'], example: '指标性质 ≥; 指标值类型 定性' },
  { kind: 'value_content', labels: ['指标值内容', '指标解释', '指标说明'], example: '指标值内容 区县（市）信访事项及时受理率达95%以上' },
  { kind: 'measure_unit', labels: ['计量单位', '度量单位', '单位'], example: '度量单位 %' },
  { kind: 'weight', labels: ['权重', '分值', '指标权重', '权重分值', '分值权重'], example: '权重 10' },
  { kind: 'standard', labels: ['绩效标准', '评分标准', '评扣分标准', '指标值设定依据', '评价标准'], example: '评（扣）分标准' },
  { kind: 'remark', labels: ['备注', '说明'], example: '备注' },
  { kind: 'unit_code', labels: ['单位编码', '单位代码', '预算单位编码', '部门编码'], example: '单位编码 126001' },
  { kind: 'indicator_group', labels: ['绩效指标'], example: '绩效指标 (over 一级指标 | 二级指标 | 三级指标 …)' },
];

/** Brackets holding a unit or a period (（万元）, (元), （2024年-2026年）) and what precedes a label (其中：, 1.). */
const BRACKETED = /[（(][^（）()]{0,16}[)）]/g;
const LEADING = /^(?:其中|含|包括)[：:、，,]?|^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）]?[、.．])/;

/** A label folded for lookup: no spaces or line breaks, no brackets, no trailing colon, no 其中. */
export function foldLabel(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(BRACKETED, '')
    .replace(/[：:]+$/, '')
    .replace(LEADING, '')
    .replace(/[：:]+$/, '');
}

const BY_LABEL = new Map<string, FormLabelKind>(FORM_LABELS.flatMap((entry) => entry.labels.map((label) => [label, entry.kind] as const)));

/** What a cell or a line's label names, or null when it is no form label. */
export function formLabelOf(text: string): FormLabelKind | null {
  if (text.length > 40) return null;
  // a bracket that is part of the label (单位（项目）名称) is matched before brackets are folded away
  return BY_LABEL.get(text.replace(/\s+/g, '').replace(/[：:]+$/, '')) ?? BY_LABEL.get(foldLabel(text)) ?? null;
}

/** Every label of one kind, longest first (for patterns that find "label：value" inside a line). */
export function labelsOf(kind: FormLabelKind): string[] {
  return FORM_LABELS.filter((entry) => entry.kind === kind)
    .flatMap((entry) => entry.labels)
    .sort((a, b) => b.length - a.length);
}

/**
 * Column headers of the financial statements (项目支出表, 收支总表…): a cell 项目名称 whose neighbours are
 * these heads a list of many projects, not the form of one.
 */
export const STATEMENT_COLUMN_HEADS =
  /^(?:项目类别|项目类型|科目编码|科目名称|功能分类科目|单位名称|单位编码|合计|金额|小计|总计|预算数|本年预算|上年结转|一般公共预算|政府性基金|国有资本经营|财政专户|单位资金|事业收入|经营收入|其他收入)$/;
