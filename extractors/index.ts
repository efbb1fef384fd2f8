import type { DocumentModel } from '../src/model/document.js';
import type { Extraction, Project } from '../src/model/extraction.js';
import { extractFunding } from './funding.js';
import { locate } from './locate.js';
import { contentItems, filingDepartment, filingYear, projectAliases, projectDepartment, projectYear } from './projects.js';
import { findStructure, type ProjectSection, type Structure } from './structure.js';

/** Everything the extractors find in one filing: a pure function of its document model. */
export function extractFiling(document: DocumentModel): Extraction {
  const structure = findStructure(document);
  const year = filingYear(document);
  const department = filingDepartment(document);
  return {
    department: department?.name ?? null,
    year,
    projects: structure.projects.map((section) => extractProject(section, document, year)),
    department_goals: [],
    department_indicators: [],
    notes: [],
  };
}

function extractProject(section: ProjectSection, document: DocumentModel, year: number | null): Project {
  const funding = extractFunding(section, document);
  const content = contentItems(section, document);
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
    declared_goal_count: null,
    declared_goal_source: null,
    goals: [],
    declared_indicator_counts: [],
    indicators: [],
  };
}

export type { Structure };
