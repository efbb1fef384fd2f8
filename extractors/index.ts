import type { Block, DocumentModel } from '../src/model/document.js';
import { measureCoverage } from './layout/coverage.js';
import { contentsBlocks, findSections, markProjectSections } from './layout/sections.js';
import { findStatements, findTargetStatement } from './fields/statement-tables.js';
import { messageAt } from '../src/model/document.js';
import type { Extraction, Project } from '../src/model/extraction.js';
import { extractDepartmentGoals, extractDepartmentIndicators } from './fields/department.js';
import { extractDepartmentTasks } from './fields/department-tasks.js';
import { extractFunding } from './fields/funding.js';
import { departmentFormGoals, extractGoals } from './fields/goals.js';
import { extractIndicators } from './fields/indicators.js';
import { locate } from '../src/model/locate.js';
import { contentItems, filingDepartment, filingYear, projectAliases, projectDepartment, projectYear } from './layout/projects.js';
import { findStructure, type ProjectSection, type Structure } from './layout/structure.js';
import { projectTables } from './layout/project-table-layout.js';
import { readProjectTables, type TableProject } from './layout/project-tables.js';

/** Everything the extractors find in one filing: a pure function of its document model. */
export function extractFiling(document: DocumentModel): Extraction {
  return extractWithStructure(document).extraction;
}

/** The extraction and the layout it was read from, which the checks read too (laid out once, not twice). */
export function extractWithStructure(document: DocumentModel): { extraction: Extraction; structure: Structure } {
  const found = findStructure(document);
  // a table of many projects' targets is read by readProjectTables, not as the department's indicators
  const tables = new Set(projectTables(document.blocks).map(({ block }) => block));
  const structure = { ...found, departmentTables: found.departmentTables.filter((table) => !tables.has(table)) };
  return { extraction: extractFromStructure(document, structure), structure };
}

function extractFromStructure(document: DocumentModel, structure: Structure): Extraction {
  const year = filingYear(document);
  const department = filingDepartment(document);
  const notes: Extraction['notes'] = [];
  const tasks = extractDepartmentTasks(structure.departmentTables, document);
  const layout = readLayout(document, structure);
  return {
    department: department?.name ?? null,
    year,
    projects: [
      ...structure.projects.map((section) => extractProject(section, document, year, notes)),
      ...readProjectTables(document.blocks, document).map((project) => tableProject(project, document, year, department?.name ?? null)),
    ],
    department_goals: extractDepartmentGoals(structure, document),
    department_indicators: extractDepartmentIndicators(structure, document),
    department_tasks: tasks.tasks,
    department_tasks_total: tasks.total,
    department_form_goals: departmentFormGoals(structure.departmentTables, document),
    notes,
    ...layout,
  };
}

/**
 * The section tree, the statements and what the extraction accounted for: the part of a filing that is no
 * project's, read so that nothing is lost silently.
 */
function readLayout(
  document: DocumentModel,
  structure: Structure,
): Pick<Extraction, 'sections' | 'statements' | 'coverage' | 'target_statement'> {
  const found = findSections(document);
  markProjectSections(
    found,
    structure.projects.map((p) => p.title.start),
  );
  const statements = findStatements(document, found);
  const indexOf = new Map(document.blocks.map((block, index) => [block, index]));
  const assigned = new Set<number>();
  const take = (block: Block) => {
    const index = indexOf.get(block);
    if (index !== undefined) assigned.add(index);
  };
  for (const project of structure.projects) project.blocks.forEach(take);
  structure.departmentTables.forEach(take);
  structure.departmentGoals.forEach(take);
  for (const { blocks } of statements) for (const index of blocks) assigned.add(index);
  // the table of contents names every part once more: what it lists is accounted for where it stands
  for (const index of contentsBlocks(document)) assigned.add(index);
  document.blocks.forEach((block, index) => {
    const owner = found.filter((s) => s.start <= block.start && block.start < s.end && s.kind !== 'other').pop();
    if (owner && owner.kind !== 'project') assigned.add(index);
  });
  const target = findTargetStatement(document);
  return {
    sections: found.map((s) => ({
      level: s.level,
      style: s.style,
      number: s.number,
      title: s.title,
      parent: s.parent,
      kind: s.kind,
      source: locate(document, s.start, document.blocks[s.block].end),
      span_end: s.end,
    })),
    statements: statements.map((s) => s.statement),
    coverage: measureCoverage(document, assigned),
    target_statement: target && locate(document, target.start, target.end),
  };
}

function extractProject(section: ProjectSection, document: DocumentModel, year: number | null, notes: Extraction['notes']): Project {
  const funding = extractFunding(section, document);
  const content = contentItems(section, document);
  const goals = extractGoals(section, document);
  const indicators = extractIndicators(section, document, goals.goals);
  for (const threshold of indicators.unlinked) {
    notes.push(
      messageAt(
        'threshold_unlinked',
        'info',
        `评价标准 target "${threshold.text}" fits no indicator of ${section.title.name}`,
        threshold.source,
      ),
    );
  }
  return {
    name: section.title.name,
    aliases: projectAliases(section),
    department: projectDepartment(section, document)?.name ?? null,
    year: projectYear(section, year),
    source: locate(document, section.title.start, section.title.end),
    total: funding.total,
    total_phrase: funding.totalPhrase,
    funding_items: funding.items,
    form_fields: funding.formFields,
    declared_content_count: content.declared,
    content_items: content.items,
    declared_goal_count: goals.declaredCount,
    declared_goal_source: goals.declaredSource,
    goals: goals.goals,
    declared_indicator_counts: indicators.declared,
    declared_indicator_total: indicators.declaredTotal,
    indicators: indicators.indicators,
  };
}

function tableProject(project: TableProject, document: DocumentModel, year: number | null, department: string | null): Project {
  return {
    name: project.name.name,
    aliases: [],
    department: project.unit?.name ?? department,
    year,
    source: locate(document, project.name.start, project.name.end),
    total: project.total,
    total_phrase: project.total?.source ?? null,
    funding_items: [],
    form_fields: [],
    declared_content_count: null,
    content_items: [],
    declared_goal_count: null,
    declared_goal_source: null,
    goals: project.goals,
    declared_indicator_counts: [],
    declared_indicator_total: null,
    indicators: project.indicators,
  };
}

export type { Structure };
