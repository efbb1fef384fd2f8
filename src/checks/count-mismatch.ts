import type { Project } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';

/**
 * Declared against listed: goals ("设置了1项绩效目标" while two are listed, or 目标二 is referenced),
 * indicators per goal ("设置1项产出指标、1项满意度指标，是…" names one of two), content items
 * ("包括以下2个方面" then three).
 */
export const countMismatch: Check = ({ extraction }) =>
  extraction.projects.flatMap((p) => [...goalCounts(p), ...indicatorCounts(p), ...indicatorTotal(p), ...contentCounts(p)]);

/** "共设置6项绩效指标" against the indicators the project lists (in sentences or tables). */
function indicatorTotal(project: Project): Finding[] {
  const total = project.declared_indicator_total;
  const listed = project.indicators.length;
  if (!total || listed === 0 || listed === total.count) return [];
  return [
    finding({
      kind: 'count_mismatch',
      severity: 'error',
      project: project.name,
      message: `声明共设置${total.count}项绩效指标，实际列出${listed}项`,
      message_en: `${total.count} indicator(s) declared in all, ${listed} listed`,
      expected: String(total.count),
      actual: String(listed),
      locations: [at(total.source, 'declared count'), ...project.indicators.map((i) => at(i.source, 'listed indicator'))],
    }),
  ];
}

function goalCounts(project: Project): Finding[] {
  const declared = project.declared_goal_count;
  if (declared === null || !project.declared_goal_source) return [];
  const referenced = [...project.declared_indicator_counts.map((d) => d.goal_index), ...project.indicators.map((i) => i.goal_index)].filter(
    (g): g is number => g !== null,
  );
  const highest = Math.max(0, ...referenced);
  // listed or set for the year (年度目标：1.…2.…); an overall goal (总体目标) is one paragraph, not counted
  const listed = project.goals.filter((g) => g.kind !== 'overall').length;
  const findings: Finding[] = [];
  if (listed > 0 && listed !== declared) {
    findings.push(
      finding({
        kind: 'count_mismatch',
        severity: 'error',
        project: project.name,
        message: `声明设置${declared}项绩效目标，实际列出${listed}项`,
        message_en: `${declared} goal(s) declared, ${listed} listed`,
        expected: String(declared),
        actual: String(listed),
        locations: [at(project.declared_goal_source, 'declared count'), ...project.goals.map((g) => at(g.source, 'listed goal'))],
      }),
    );
  }
  if (highest > declared && highest > listed) {
    const referencing = [...project.declared_indicator_counts, ...project.indicators].filter(
      (x) => x.goal_index !== null && x.goal_index > declared,
    );
    findings.push(
      finding({
        kind: 'count_mismatch',
        severity: 'error',
        project: project.name,
        message: `声明设置${declared}项绩效目标，但指标引用了目标${chineseOrdinal(highest)}`,
        message_en: `${declared} goal(s) declared, but indicators refer to goal ${highest}`,
        expected: String(declared),
        actual: String(highest),
        locations: [
          at(project.declared_goal_source, 'declared count'),
          ...referencing.slice(0, 3).map((x) => at(x.source, 'reference to a further goal')),
        ],
      }),
    );
  }
  return findings;
}

/** Per goal: indicators declared by category against indicators named. */
function indicatorCounts(project: Project): Finding[] {
  const goals = new Set(project.declared_indicator_counts.map((d) => d.goal_index));
  const findings: Finding[] = [];
  for (const goal of goals) {
    const declarations = project.declared_indicator_counts.filter((d) => d.goal_index === goal);
    const declared = declarations.reduce((n, d) => n + d.count, 0);
    const named = project.indicators.filter((i) => i.goal_index === goal);
    if (named.length === declared) continue;
    const which = goal === null ? '' : `目标${chineseOrdinal(goal)}`;
    findings.push(
      finding({
        kind: 'count_mismatch',
        severity: 'error',
        project: project.name,
        message: `${which}声明设置${declarations.map((d) => `${d.count}项${d.category}指标`).join('、')}（共${declared}项），实际列出${named.length}项`,
        message_en: `${goal === null ? '' : `Goal ${goal}: `}${declared} indicator(s) declared (${declarations.map((d) => `${d.count} ${d.category}`).join(', ')}), ${named.length} named`,
        expected: String(declared),
        actual: String(named.length),
        locations: [...declarations.map((d) => at(d.source, 'declared count')), ...named.map((i) => at(i.source, 'named indicator'))],
      }),
    );
  }
  return findings;
}

function contentCounts(project: Project): Finding[] {
  const declared = project.declared_content_count;
  const listed = project.content_items.length;
  if (declared === null || listed === 0 || listed === declared) return [];
  return [
    finding({
      kind: 'count_mismatch',
      severity: 'warning',
      project: project.name,
      message: `项目内容声明包括${declared}个方面，实际列出${listed}个`,
      message_en: `${declared} content item(s) declared, ${listed} listed`,
      expected: String(declared),
      actual: String(listed),
      locations: [at(project.source, 'project'), ...project.content_items.map((c) => at(c.source, 'content item'))],
    }),
  ];
}

export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}
