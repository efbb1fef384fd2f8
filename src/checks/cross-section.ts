import { Decimal } from '../model/decimal.js';
import type { DepartmentGoalList, Goal, Project } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';
import { pairByName, similarity } from './names.js';

/**
 * A summary that disagrees with the detail: the department-level goal list (分项绩效目标) against each
 * project's own goals, matched by fuzzy project name (社区矫正基地维护费用 ~ 社区矫正基地维护项目); and a
 * project's prose total against its form's 年度资金总额.
 */
export const crossSectionMismatch: Check = ({ extraction }) => [
  ...pairByName(
    extraction.department_goals,
    extraction.projects,
    (s) => s.project,
    (p) => [p.name, ...p.aliases],
  ).flatMap(([summary, project]) => goalLists(summary, project)),
  ...extraction.projects.flatMap(totalsAgree),
];

/** Goal texts that say the same: one contains the other, or most of their character pairs agree. */
const SAME_GOAL = 0.6;

function goalLists(summary: DepartmentGoalList, project: Project): Finding[] {
  const detail = project.goals.filter((g) => g.kind !== 'overall');
  if (detail.length === 0 || summary.goals.length === 0) return [];
  const onlyInSummary = unmatched(summary.goals, detail);
  const onlyInDetail = unmatched(detail, summary.goals);
  if (summary.goals.length === detail.length && onlyInSummary.length === 0 && onlyInDetail.length === 0) return [];
  const counts =
    summary.goals.length === detail.length ? '' : `分项绩效目标列出${summary.goals.length}项，项目说明列出${detail.length}项；`;
  const countsEn =
    summary.goals.length === detail.length ? '' : `the summary lists ${summary.goals.length} goal(s), the project ${detail.length}; `;
  const sides = [
    onlyInSummary.length ? `仅见于分项绩效目标：${onlyInSummary.map((g) => `“${g.text}”`).join('、')}` : '',
    onlyInDetail.length ? `仅见于项目说明：${onlyInDetail.map((g) => `“${g.text}”`).join('、')}` : '',
  ].filter(Boolean);
  const sidesEn = [
    onlyInSummary.length ? `only in the summary: ${onlyInSummary.map((g) => `"${g.text}"`).join(', ')}` : '',
    onlyInDetail.length ? `only in the project: ${onlyInDetail.map((g) => `"${g.text}"`).join(', ')}` : '',
  ].filter(Boolean);
  return [
    finding({
      kind: 'cross_section_mismatch',
      severity: 'warning',
      project: project.name,
      message: `部门分项绩效目标与项目绩效目标不一致：${counts}${sides.join('；')}`.replace(/；$/, ''),
      message_en: `The department summary and the project disagree on goals: ${countsEn}${sidesEn.join('; ')}`.replace(/; $/, ''),
      expected: String(summary.goals.length),
      actual: String(detail.length),
      locations: [...summary.goals.map((g) => at(g.source, 'summary')), ...detail.map((g) => at(g.source, 'detail'))],
    }),
  ];
}

/** Goals of `side` that no goal of `other` says too. Repeated goals on one side count once each. */
function unmatched(side: Goal[], other: Goal[]): Goal[] {
  const used = new Set<number>();
  return side.filter((goal) => {
    const k = other.findIndex((o, i) => !used.has(i) && similarity(goal.text, o.text) >= SAME_GOAL);
    if (k < 0) return true;
    used.add(k);
    return false;
  });
}

function totalsAgree(project: Project): Finding[] {
  const form = project.form_fields.find((f) => f.role === 'total');
  const prose = project.total;
  if (!form || !prose || prose.source.start === form.amount.source.start) return [];
  const a = Decimal.parse(prose.wan);
  const b = Decimal.parse(form.amount.wan);
  if (a.equals(b)) return [];
  // the text may state the whole project's funds, which the form gives as its multi-year total (项目资金总额)
  const multiYear = project.form_fields.find((f) => f.role === 'multi_year_total');
  if (multiYear && a.equals(Decimal.parse(multiYear.amount.wan))) return [];
  return [
    finding({
      kind: 'cross_section_mismatch',
      severity: 'error',
      project: project.name,
      message: `说明中的资金总额${prose.text}与申报表“${form.field}”${form.amount.text}不一致`,
      message_en: `The total in the text (${prose.wan} 万元) differs from the form's ${form.field} (${form.amount.wan} 万元)`,
      expected: a.toString(),
      actual: b.toString(),
      locations: [at(prose.source, 'text total'), at(form.amount.source, 'form total')],
    }),
  ];
}
