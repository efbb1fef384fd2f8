import { locate } from '../model/locate.js';
import type { Structure } from '../../extractors/layout/structure.js';
import type { DocumentModel } from '../model/document.js';
import type { Project } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';

/**
 * Values a filing should have and does not: an indicator with a symbol or unit but no value, a project
 * without a total, a goal without indicators, a table the text refers to that is not there.
 */
export const missingValue: Check = ({ document, structure, extraction }) => [
  ...extraction.department_indicators
    .filter((row) => (row.symbol || row.unit) && !row.value && row.symbol !== '定性')
    .map((row) =>
      finding({
        kind: 'missing_value',
        severity: 'warning',
        project: null,
        message: `部门绩效指标“${row.name}”有符号或单位（${[row.symbol, row.unit].filter(Boolean).join(' ')}）但没有指标值`,
        message_en: `Department indicator "${row.name}" has a symbol or unit (${[row.symbol, row.unit].filter(Boolean).join(' ')}) but no value`,
        locations: [at(row.source, 'indicator row')],
      }),
    ),
  ...extraction.projects.flatMap((project) => [...indicatorValues(project), ...projectTotal(project), ...goalsWithoutIndicators(project)]),
  ...absentTables(document, structure),
];

function indicatorValues(project: Project): Finding[] {
  return project.indicators.flatMap((indicator) =>
    indicator.thresholds
      .filter((t) => t.op !== 'qualitative' && t.value === null)
      .map((t) =>
        finding({
          kind: 'missing_value',
          severity: 'warning',
          project: project.name,
          message: `指标“${indicator.name}”有符号（${t.op}）但没有指标值`,
          message_en: `Indicator "${indicator.name}" has a symbol (${t.op}) but no value`,
          locations: [at(indicator.source, 'indicator'), at(t.source, 'threshold')],
        }),
      ),
  );
}

function projectTotal(project: Project): Finding[] {
  if (project.total) return [];
  return [
    finding({
      kind: 'missing_value',
      severity: 'warning',
      project: project.name,
      message: '项目没有资金总额',
      message_en: 'The project states no total',
      locations: [at(project.source, 'project')],
    }),
  ];
}

/** A listed goal with no indicator, in a project that ties its indicators to goals. */
function goalsWithoutIndicators(project: Project): Finding[] {
  const tied = new Set([...project.indicators.map((i) => i.goal_index), ...project.declared_indicator_counts.map((d) => d.goal_index)]);
  if (![...tied].some((g) => g !== null)) return [];
  return project.goals
    .filter((goal) => goal.kind === 'listed' && !tied.has(goal.index))
    .map((goal) =>
      finding({
        kind: 'missing_value',
        severity: 'warning',
        project: project.name,
        message: `绩效目标${goal.index}“${goal.text}”没有对应的绩效指标`,
        message_en: `Goal ${goal.index} ("${goal.text}") has no indicator`,
        locations: [at(goal.source, 'goal')],
      }),
    );
}

/** "详见列表", "详见附表", "详见项目支出绩效目标表": a project that points to a table it does not contain. */
const TABLE_REFERENCE = /详见(?:附表|列表|附件|下表|[^。；，]{0,12}?(?:绩效目标表|申报表|指标表))/g;

function absentTables(document: DocumentModel, structure: Structure): Finding[] {
  const references = structure.projects.flatMap((project) => {
    if (project.blocks.some((b) => b.type === 'table')) return [];
    return project.blocks.flatMap((block) => {
      if (block.type === 'table') return [];
      return [...block.text.matchAll(TABLE_REFERENCE)].map((m) => ({
        project: project.title.name,
        source: locate(document, block.start + m.index!, block.start + m.index! + m[0].length),
      }));
    });
  });
  if (references.length === 0) return [];
  const projects = [...new Set(references.map((r) => r.project))];
  return [
    finding({
      kind: 'missing_value',
      severity: 'warning',
      project: projects.length === 1 ? projects[0] : null,
      message: `${projects.length}个项目的说明称“${references[0].source.quote}”，但文件中没有相应的表`,
      message_en: `${projects.length} project(s) refer to a table ("${references[0].source.quote}") that the filing does not contain`,
      expected: String(references.length),
      actual: '0',
      locations: references.map((r) => at(r.source, 'reference')),
    }),
  ];
}
