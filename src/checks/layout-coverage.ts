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
  const understood = coverage.evidence < MIN_EVIDENCE || coverage.ratio >= MIN_COVERAGE;
  const notUnderstood = (message: string, messageEn: string): Finding =>
    finding({
      kind: 'unrecognised_layout',
      severity: 'warning',
      project: null,
      message,
      message_en: messageEn,
      expected: percent(MIN_COVERAGE),
      actual: percent(coverage.ratio),
      locations: coverage.unassigned.map((source) => at(source, 'unassigned')),
    });
  if (extraction.projects.length > 0) {
    if (understood) return [];
    return [
      notUnderstood(
        `仅${percent(coverage.ratio)}的金额、指标和目标内容归入了项目、部门或报表；未归入的部分可能是未能识别的版式`,
        `Only ${percent(coverage.ratio)} of the amounts, indicators and goals were assigned to a project, the department or a statement; the rest may be a layout that was not recognised`,
      ),
    ];
  }
  // a disclosure (statements, a sentence on how many projects have targets) that prints no project targets
  const disclosure = extraction.target_statement !== null || statementTitles(extraction).length > 0;
  // a department-wide filing (部门整体绩效目标, its goal list, its form) is read when its part holds the evidence
  const departmentPart =
    extraction.department_goals.length +
      extraction.department_indicators.length +
      extraction.department_tasks.length +
      extraction.department_form_goals.length >
    0;
  const findings: Finding[] = disclosure ? [noTargets(extraction)] : [];
  if (understood && (disclosure || departmentPart)) return findings;
  findings.push(
    notUnderstood(
      `未识别出任何项目：${coverage.evidence - coverage.assigned}处含金额、指标或目标的内容未被归入项目、部门或报表`,
      `No project was recognised: ${coverage.evidence - coverage.assigned} passages with amounts, indicators or goals were not assigned to a project, the department or a statement`,
    ),
  );
  return findings;
};

/** The statements a disclosure prints: its tables, else the sections that explain them (收入预算情况说明…). */
function statementTitles(extraction: Parameters<Check>[0]['extraction']): string[] {
  const tables = extraction.statements.map((s) => s.title);
  return [...new Set(tables.length > 0 ? tables : extraction.sections.filter((s) => s.kind === 'statement').map((s) => s.title))];
}

function noTargets(extraction: Parameters<Check>[0]['extraction']): Finding {
  const statement = extraction.target_statement;
  const tables = statementTitles(extraction);
  const instead = statement
    ? `文件载明：“${statement.quote.replace(/\s+/g, '')}”`
    : `文件只有报表及其说明：${tables.slice(0, 6).join('、')}`;
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
    locations: statement
      ? [at(statement, 'statement')]
      : [...extraction.statements.map((s) => s.source), ...extraction.sections.filter((s) => s.kind === 'statement').map((s) => s.source)]
          .slice(0, 1)
          .map((source) => at(source, 'statement')),
  });
}
