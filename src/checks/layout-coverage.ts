import type { Finding } from '../model/finding.js';
import { at, type Check, finding } from './check.js';

/**
 * Nothing lost silently: a filing whose text yielded no project, or whose evidence (amounts, indicator rows,
 * goal lines) was largely left outside any project, statement or department part, is said to be so —
 * quoting the largest passages left over — unless it is a disclosure that simply prints no project targets,
 * which is said as such, naming what it states instead.
 */

/** Below this share of its evidence accounted for, a filing's layout was not understood. */
export const MIN_COVERAGE = 0.8;
/** A filing with less evidence than this is too small to judge by a share. */
export const MIN_EVIDENCE = 10;

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export const layoutCoverage: Check = ({ extraction, document }) => {
  const coverage = extraction.coverage;
  if (coverage === null || document.text.trim() === '') return [];
  const leftOver = coverage.unassigned.map((source) => at(source, 'unassigned'));
  if (extraction.projects.length === 0) {
    // a department-wide filing (部门整体绩效目标, its goal list, its form) is read when its part holds the evidence
    const departmentPart =
      extraction.department_goals.length +
        extraction.department_indicators.length +
        extraction.department_tasks.length +
        extraction.department_form_goals.length >
        0 || extraction.sections.some((s) => s.kind === 'department');
    if (departmentPart && (coverage.evidence < MIN_EVIDENCE || coverage.ratio >= MIN_COVERAGE)) return [];
    const recognised = extraction.target_statement !== null || extraction.statements.length > 0;
    if (recognised) return [noTargets(extraction)];
    return [
      finding({
        kind: 'unrecognised_layout',
        severity: 'warning',
        project: null,
        message: `未识别出任何项目：${coverage.evidence}处含金额、指标或目标的内容未被归入项目、部门或报表`,
        message_en: `No project was recognised: ${coverage.evidence} passages with amounts, indicators or goals were not assigned to a project, the department or a statement`,
        expected: null,
        actual: percent(coverage.ratio),
        locations: leftOver,
      }),
    ];
  }
  if (coverage.evidence < MIN_EVIDENCE || coverage.ratio >= MIN_COVERAGE) return [];
  return [
    finding({
      kind: 'unrecognised_layout',
      severity: 'warning',
      project: null,
      message: `仅${percent(coverage.ratio)}的金额、指标和目标内容归入了项目、部门或报表；未归入的部分可能是未能识别的版式`,
      message_en: `Only ${percent(coverage.ratio)} of the amounts, indicators and goals were assigned to a project, the department or a statement; the rest may be a layout that was not recognised`,
      expected: percent(MIN_COVERAGE),
      actual: percent(coverage.ratio),
      locations: leftOver,
    }),
  ];
};

function noTargets(extraction: Parameters<Check>[0]['extraction']): Finding {
  const statement = extraction.target_statement;
  const tables = extraction.statements.map((s) => s.title);
  const instead = statement
    ? `文件载明：“${statement.quote.replace(/\s+/g, '')}”`
    : `文件只有报表：${[...new Set(tables)].slice(0, 6).join('、')}`;
  return finding({
    kind: 'no_project_targets',
    severity: 'info',
    project: null,
    message: `本文件未列出项目绩效目标表。${instead}`,
    message_en: statement
      ? `The filing prints no project target forms; it states instead: "${statement.quote.replace(/\s+/g, '')}"`
      : `The filing prints no project target forms, only statements (${tables.length})`,
    expected: null,
    actual: null,
    locations: statement ? [at(statement, 'statement')] : extraction.statements.slice(0, 1).map((s) => at(s.source, 'statement')),
  });
}
