import type { IndicatorSubcategory } from '../truth.js';

/**
 * The shapes of the vocabulary tables, and small constructors so the tables read as data
 * (`rate('工程验收合格率')`) rather than as object literals repeated a hundred times.
 */

/** What kind of quantity an indicator measures; decides the unit, the operator and the phrasing of its target. */
export type Flavor =
  | 'rate' // a percentage to reach: 合格率 ≥95%
  | 'count' // a quantity to reach: 培训人次 ≥500人次
  | 'duration' // a time limit: 办结时限 ≤10个工作日
  | 'frequency' // a recurrence: 每月一次, 全年不少于12次
  | 'incident' // something that must not happen: 安全事故 不得发生
  | 'money' // a cost ceiling: 项目成本控制 ≤50万元
  | 'satisfaction' // 群众满意度 ≥90%, or 大部分满意
  | 'qualitative'; // 明显提升, 及时, 有效改善

export interface IndicatorSpec {
  name: string;
  flavor: Flavor;
  /** Unit of a count or duration ("人次", "天"); "%" for rates; null where the flavor fixes none. */
  unit: string | null;
  /** Plausible target range for counts and durations. */
  range: readonly [number, number];
  /** Target words for qualitative indicators. */
  words: readonly string[];
  subcategory: IndicatorSubcategory;
}

/** One funding line; `children` makes it a nested breakdown ("水电暖费用（供水…、供电…、取暖…）"). */
export interface ItemSpec {
  label: string;
  children: readonly string[];
}

export interface ThemeSpec {
  /** The project name without the 项目 suffix: "学生资助经费". */
  name: string;
  /** A shorter name the same filing also uses: "学生资助". */
  alias: string;
  /** The activity in "开展{activity}工作": "学生资助". */
  activity: string;
  /** What the project does, as clauses; goals and 项目内容 are drawn from them. */
  contents: readonly string[];
  items: readonly ItemSpec[];
  /** 产出 indicators (数量/质量/时效). */
  outputs: readonly IndicatorSpec[];
  /** 效益/效果 indicators. */
  effects: readonly IndicatorSpec[];
  /** Who is asked about satisfaction; the department's default when absent. */
  serviceObject: string | null;
}

export const DEPARTMENT_NAMES = [
  '教育局',
  '卫生健康委员会',
  '农业农村局',
  '交通运输局',
  '民政局',
  '司法局',
  '文化旅游局',
  '住房和城乡建设局',
  '政法委员会',
  '应急管理局',
  '市场监督管理局',
  '自然资源局',
] as const;
export type DepartmentName = (typeof DEPARTMENT_NAMES)[number];

export interface DepartmentSpec {
  name: DepartmentName;
  /** The duty in "为履行{duty}职责": "教育管理". */
  duty: string;
  /** 科室 and subordinate units that carry projects. */
  units: readonly string[];
  serviceObjects: readonly string[];
  /** Documents a 评价标准 cites: "《义务教育学校管理标准》". */
  policies: readonly string[];
  /** Sentences for the department-level overview. */
  missions: readonly string[];
  themes: readonly ThemeSpec[];
}

const NO_RANGE: readonly [number, number] = [0, 0];

export function count(name: string, unit: string, min: number, max: number, subcategory: IndicatorSubcategory = '数量指标'): IndicatorSpec {
  return { name, flavor: 'count', unit, range: [min, max], words: [], subcategory };
}

export function rate(name: string, subcategory: IndicatorSubcategory = '质量指标'): IndicatorSpec {
  return { name, flavor: 'rate', unit: '%', range: NO_RANGE, words: [], subcategory };
}

export function timely(name: string): IndicatorSpec {
  return rate(name, '时效指标');
}

export function duration(name: string, unit: string, min: number, max: number): IndicatorSpec {
  return { name, flavor: 'duration', unit, range: [min, max], words: [], subcategory: '时效指标' };
}

/** A recurring activity; the target is drawn as 每月一次 / 每季度至少一次 / 全年不少于N次. */
export function frequency(name: string, subcategory: IndicatorSubcategory = '数量指标'): IndicatorSpec {
  return { name, flavor: 'frequency', unit: '次', range: NO_RANGE, words: [], subcategory };
}

export function incident(name: string, unit: string, subcategory: IndicatorSubcategory = '社会效益'): IndicatorSpec {
  return { name, flavor: 'incident', unit, range: NO_RANGE, words: [], subcategory };
}

export function qualitative(name: string, words: readonly string[], subcategory: IndicatorSubcategory = '社会效益'): IndicatorSpec {
  return { name, flavor: 'qualitative', unit: null, range: NO_RANGE, words, subcategory };
}

export function costCeiling(name: string, subcategory: IndicatorSubcategory = '成本指标'): IndicatorSpec {
  return { name, flavor: 'money', unit: '万元', range: NO_RANGE, words: [], subcategory };
}

export function satisfaction(serviceObject: string): IndicatorSpec {
  return { name: `${serviceObject}满意度`, flavor: 'satisfaction', unit: '%', range: NO_RANGE, words: [], subcategory: '服务对象满意度' };
}

/** "水电暖费用:供水/供电/取暖" → a nested item; "培训讲课费" → a plain one. */
export function items(...specs: string[]): ItemSpec[] {
  return specs.map((spec) => {
    const [label, children] = spec.split(':');
    return { label, children: children ? children.split('/') : [] };
  });
}

const OUTPUT_SUBCATEGORIES: readonly IndicatorSubcategory[] = ['数量指标', '质量指标', '时效指标', '成本指标'];

/** An effect written with an output constructor (`rate('政策知晓率')`) is a 社会效益 unless it says otherwise. */
export function theme(spec: Omit<ThemeSpec, 'serviceObject'> & { serviceObject?: string }): ThemeSpec {
  const effects = spec.effects.map((effect) =>
    OUTPUT_SUBCATEGORIES.includes(effect.subcategory) ? { ...effect, subcategory: '社会效益' as const } : effect,
  );
  return { ...spec, effects, serviceObject: spec.serviceObject ?? null };
}
