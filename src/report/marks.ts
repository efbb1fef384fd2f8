import type { Source } from '../model/document.js';
import type { ExportedFiling } from '../model/export.js';
import { taskRows, type Amount, type FundingItem } from '../model/extraction.js';
import type { Finding, FindingLocation } from '../model/finding.js';
import type { Mark } from './highlight.js';
import { KIND_LABEL, SEVERITY_LABEL, THRESHOLD_OP_LABEL, roleLabel, type ValueKind } from './labels.js';
import type { IncomingCopy } from './queries.js';

/**
 * The marks of a filing page: every extracted value and every finding location, each with an id that
 * the side panel's entries refer to (`data-targets`), so that a click on either side finds the other.
 */

export const markId = {
  finding: (k: number) => `f${k}`,
  findingLocation: (k: number, j: number) => `f${k}l${j}`,
  project: (p: number) => `p${p}`,
  total: (p: number) => `p${p}t`,
  /** `path` is the item's position in the funding tree: [2, 1] for the first child of the second item. */
  fundingItem: (p: number, path: readonly number[]) => `p${p}i${path.join('-')}`,
  formField: (p: number, j: number) => `p${p}f${j}`,
  goal: (p: number, j: number) => `p${p}g${j}`,
  indicator: (p: number, j: number) => `p${p}n${j}`,
  threshold: (p: number, j: number, h: number) => `p${p}n${j}h${h}`,
  departmentGoal: (list: number, j: number) => `dg${list}-${j}`,
  departmentIndicator: (j: number) => `di${j}`,
  departmentThreshold: (j: number) => `di${j}h`,
  departmentFormGoal: (j: number) => `dfg${j}`,
  /** A task of the 年度主要任务 table; the 金额合计 row is the one after the last task. */
  departmentTask: (j: number) => `dt${j}`,
  /** Text another filing's copy finding points at: also the fragment other pages link to (#o120-245). */
  incomingCopy: (start: number, end: number) => `o${start}-${end}`,
};

/** Where a finding location lies: in this filing's text, or in another filing. */
export function isLocal(location: FindingLocation, filingId: number): boolean {
  return location.filing_id === null || location.filing_id === filingId;
}

function valueMark(kind: ValueKind, id: string, source: Source, title: string, extraClass = ''): Mark {
  return { id, start: source.start, end: source.end, classes: `v v-${kind}${extraClass}`, title };
}

function amountTitle(what: string, amount: Amount): string {
  return `${what}：${amount.text}（${amount.wan} 万元${amount.approximate ? '，约数' : ''}）`;
}

function fundingItemMarks(p: number, items: readonly FundingItem[], parent: readonly number[]): Mark[] {
  return items.flatMap((item, k) => {
    const path = [...parent, k + 1];
    const own = item.amount
      ? [valueMark('amount', markId.fundingItem(p, path), item.amount.source, amountTitle(`明细“${item.label}”`, item.amount))]
      : [];
    return [...own, ...fundingItemMarks(p, item.children, path)];
  });
}

export function valueMarks(filing: ExportedFiling): Mark[] {
  const marks: Mark[] = [];
  filing.projects.forEach((project, p) => {
    marks.push(valueMark('project', markId.project(p), project.source, `项目：${project.name}`));
    if (project.total)
      marks.push(valueMark('amount', markId.total(p), project.total.source, amountTitle(`项目总额（${project.name}）`, project.total)));
    marks.push(...fundingItemMarks(p, project.funding_items, []));
    project.form_fields.forEach((field, j) =>
      marks.push(valueMark('amount', markId.formField(p, j), field.amount.source, amountTitle(field.field, field.amount))),
    );
    project.goals.forEach((goal, j) =>
      marks.push(valueMark('goal', markId.goal(p, j), goal.source, `绩效目标${goal.index}（${project.name}）`)),
    );
    project.indicators.forEach((indicator, j) => {
      marks.push(valueMark('indicator', markId.indicator(p, j), indicator.source, `${indicator.category}指标：${indicator.name}`));
      indicator.thresholds.forEach((threshold, h) =>
        marks.push(
          valueMark('threshold', markId.threshold(p, j, h), threshold.source, `指标值（${indicator.name}）：${thresholdText(threshold)}`),
        ),
      );
    });
  });
  filing.department_goals.forEach((list, l) =>
    list.goals.forEach((goal, j) =>
      marks.push(valueMark('goal', markId.departmentGoal(l, j), goal.source, `部门分项绩效目标（${list.project}）`)),
    ),
  );
  filing.department_form_goals.forEach((goal, j) =>
    marks.push(valueMark('goal', markId.departmentFormGoal(j), goal.source, `部门整体目标${goal.index}`)),
  );
  taskRows(filing).forEach(({ task }, j) => {
    if (task.amount)
      marks.push(
        valueMark('amount', markId.departmentTask(j), task.amount.source, amountTitle(`年度主要任务（${task.name}）`, task.amount)),
      );
  });
  filing.department_indicators.forEach((indicator, j) => {
    // the source of a department indicator is its whole table row: a lighter tint, so its value still stands out
    marks.push(valueMark('indicator', markId.departmentIndicator(j), indicator.source, `部门指标：${indicator.name}`, ' v-row'));
    if (indicator.threshold) {
      marks.push(
        valueMark(
          'threshold',
          markId.departmentThreshold(j),
          indicator.threshold.source,
          `指标值（${indicator.name}）：${thresholdText(indicator.threshold)}`,
        ),
      );
    }
  });
  return marks;
}

export function thresholdText(threshold: {
  op: keyof typeof THRESHOLD_OP_LABEL;
  value: number | null;
  unit: string | null;
  text: string;
}): string {
  if (threshold.op === 'qualitative' || threshold.value === null) return `${THRESHOLD_OP_LABEL.qualitative}：${threshold.text}`;
  return `${THRESHOLD_OP_LABEL[threshold.op]} ${threshold.value}${threshold.unit ?? ''}`;
}

export function findingMarks(findings: readonly Finding[], filingId: number): Mark[] {
  return findings.flatMap((finding, k) =>
    finding.locations.flatMap((location, j) =>
      isLocal(location, filingId)
        ? [
            {
              id: markId.findingLocation(k, j),
              start: location.start,
              end: location.end,
              classes: `loc sev-${finding.severity}`,
              title: `${SEVERITY_LABEL[finding.severity]}·${KIND_LABEL[finding.kind]}（${roleLabel(location.role)}）：${finding.message}`,
            },
          ]
        : [],
    ),
  );
}

/** One mark per distinct span that other filings' copy findings point at. */
export function incomingCopyMarks(copies: readonly IncomingCopy[]): Mark[] {
  const bySpan = new Map<string, Mark>();
  for (const copy of copies) {
    const id = markId.incomingCopy(copy.start, copy.end);
    if (!bySpan.has(id))
      bySpan.set(id, { id, start: copy.start, end: copy.end, classes: 'loc copy-in', title: `其他文件#${copy.fromFiling}中有相同内容` });
  }
  return [...bySpan.values()];
}
