import { z } from 'zod';
import { Format } from './document.js';
import { DepartmentGoalList, DepartmentIndicator, DepartmentTask, Extraction, Goal, Project } from './extraction.js';
import { Finding } from './finding.js';

/** One filing as exported (JSON array element, NDJSON line): the shape downstream databases read. */
export const ExportedFiling = z.object({
  filing: z.object({
    id: z.number().int(),
    path: z.string(),
    sha256: z.string(),
    format: Format,
    pages: z.number().int().nullable(),
  }),
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  projects: z.array(Project),
  department_goals: z.array(DepartmentGoalList),
  department_indicators: z.array(DepartmentIndicator),
  department_tasks: z.array(DepartmentTask),
  department_tasks_total: DepartmentTask.nullable(),
  department_form_goals: z.array(Goal),
  notes: Extraction.shape.notes,
  sections: Extraction.shape.sections,
  statements: Extraction.shape.statements,
  coverage: Extraction.shape.coverage,
  target_statement: Extraction.shape.target_statement,
  findings: z.array(Finding),
});
export type ExportedFiling = z.infer<typeof ExportedFiling>;

export const ExportDocument = z.array(ExportedFiling);

/** The JSON Schema of the JSON export, generated from the zod schemas (committed as schema/export.schema.json). */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://filings.local/schema/export.schema.json',
    title: 'filings export: one object per filing',
    ...z.toJSONSchema(ExportDocument, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
