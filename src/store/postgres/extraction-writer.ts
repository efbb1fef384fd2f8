import type { PoolClient } from 'pg';
import type { Source } from '../../model/document.js';
import { Extraction, taskRows, type FundingItem } from '../../model/extraction.js';
import { PIPELINE_VERSION } from '../extraction-writer.js';
import { allocateIds, insertRows } from './rows.js';

type Span = [number | null, number, number];

function span(source: Source): Span {
  return [source.page, source.start, source.end];
}

/**
 * A filing's extraction in PostgreSQL: the same rows as the SQLite ExtractionWriter writes, collected per
 * table and inserted together (ids taken from the sequences first, so children can name their parents).
 */
export async function writeExtraction(client: PoolClient, filingId: number, extraction: Extraction): Promise<void> {
  const valid = Extraction.parse(extraction);
  await client.query(
    'INSERT INTO extractions (filing_id, pipeline_version, department, year, data, coverage, coverage_evidence) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      filingId,
      PIPELINE_VERSION,
      valid.department,
      valid.year,
      JSON.stringify(valid),
      valid.coverage?.ratio ?? null,
      valid.coverage?.evidence ?? null,
    ],
  );
  const projectIds = await allocateIds(client, 'projects', valid.projects.length);
  const itemCount = valid.projects.reduce((n, p) => n + countItems(p.funding_items), 0);
  const itemIds = await allocateIds(client, 'funding_items', itemCount);
  const indicatorIds = await allocateIds(
    client,
    'indicators',
    valid.projects.reduce((n, p) => n + p.indicators.length, 0),
  );

  const projects: (string | number | boolean | null)[][] = [];
  const items: (string | number | boolean | null)[][] = [];
  const fields: (string | number | null)[][] = [];
  const contents: (string | number | null)[][] = [];
  const goals: (string | number | null)[][] = [];
  const indicators: (string | number | null)[][] = [];
  const thresholds: (string | number | null)[][] = [];
  let nextItem = 0;
  let nextIndicator = 0;
  const addItems = (projectId: number, parentId: number | null, depth: number, list: FundingItem[]) => {
    list.forEach((item, idx) => {
      const id = itemIds[nextItem++];
      items.push([
        id,
        projectId,
        parentId,
        idx,
        depth,
        item.label,
        item.amount?.wan ?? null,
        item.amount?.text ?? null,
        item.amount ? item.amount.approximate : null,
        ...span(item.source),
        item.source.quote,
      ]);
      addItems(projectId, id, depth + 1, item.children);
    });
  };
  valid.projects.forEach((project, idx) => {
    const projectId = projectIds[idx];
    projects.push([
      projectId,
      filingId,
      idx,
      project.name,
      JSON.stringify(project.aliases),
      project.department,
      project.year,
      project.total?.wan ?? null,
      project.total?.text ?? null,
      project.total ? project.total.approximate : null,
      project.declared_content_count,
      project.declared_goal_count,
      project.declared_indicator_total?.count ?? null,
      ...span(project.source),
      project.total?.source.page ?? null,
      project.total?.source.start ?? null,
      project.total?.source.end ?? null,
    ]);
    addItems(projectId, null, 0, project.funding_items);
    for (const field of project.form_fields)
      fields.push([projectId, field.field, field.role, field.amount.wan, field.amount.text, ...span(field.source)]);
    for (const item of project.content_items) contents.push([projectId, item.index, item.text, ...span(item.source)]);
    for (const goal of project.goals) goals.push([projectId, goal.index, goal.kind, goal.text, ...span(goal.source)]);
    project.indicators.forEach((indicator, k) => {
      const indicatorId = indicatorIds[nextIndicator++];
      indicators.push([
        indicatorId,
        projectId,
        k,
        indicator.goal_index,
        indicator.category,
        indicator.subcategory,
        indicator.name,
        indicator.weight?.value ?? null,
        ...span(indicator.source),
      ]);
      for (const t of indicator.thresholds) thresholds.push([indicatorId, t.op, t.value, t.unit, t.period, t.text, ...span(t.source)]);
    });
  });
  const where = ['page', 'start', 'end'];
  await insertRows(client, 'projects', PROJECT_COLUMNS, projects);
  await insertRows(
    client,
    'funding_items',
    ['id', 'project_id', 'parent_id', 'idx', 'depth', 'label', 'amount_wan', 'amount_text', 'approximate', ...where, 'quote'],
    items,
  );
  await insertRows(client, 'form_fields', ['project_id', 'field', 'role', 'amount_wan', 'amount_text', ...where], fields);
  await insertRows(client, 'content_items', ['project_id', 'idx', 'text', ...where], contents);
  await insertRows(client, 'goals', ['project_id', 'idx', 'kind', 'text', ...where], goals);
  await insertRows(
    client,
    'indicators',
    ['id', 'project_id', 'idx', 'goal_index', 'category', 'subcategory', 'name', 'weight', ...where],
    indicators,
  );
  await insertRows(client, 'thresholds', ['indicator_id', 'op', 'value', 'unit', 'period', 'text', ...where], thresholds);

  const departmentGoals = valid.department_goals.flatMap((list) =>
    list.goals.map((goal) => [filingId, list.project, goal.index, goal.text, ...span(goal.source)]),
  );
  await insertRows(client, 'department_goals', ['filing_id', 'project', 'idx', 'text', ...where], departmentGoals);
  const tasks = taskRows(valid).map(({ role, task }, idx) => [
    filingId,
    idx,
    role,
    task.name,
    task.content,
    task.amount?.wan ?? null,
    task.amount?.text ?? null,
    JSON.stringify(task.parts.map((p) => ({ label: p.label, wan: p.amount?.wan ?? null, text: p.amount?.text ?? null }))),
    ...span(task.source),
  ]);
  await insertRows(
    client,
    'department_tasks',
    ['filing_id', 'idx', 'role', 'name', 'content', 'amount_wan', 'amount_text', 'parts', ...where],
    tasks,
  );
  const sections = valid.sections.map((s, idx) => [
    filingId,
    idx,
    s.parent,
    s.level,
    s.style,
    s.number,
    s.title,
    s.kind,
    ...span(s.source),
    s.span_end,
  ]);
  await insertRows(
    client,
    'sections',
    ['filing_id', 'idx', 'parent_idx', 'level', 'style', 'number', 'title', 'kind', ...where, 'span_end'],
    sections,
  );
  const statements = valid.statements.map((s, idx) => [filingId, idx, s.kind, s.title, s.total?.wan ?? null, s.rows, ...span(s.source)]);
  await insertRows(client, 'statements', ['filing_id', 'idx', 'kind', 'title', 'total_wan', 'rows', ...where], statements);
  const formGoals = valid.department_form_goals.map((goal) => [filingId, goal.index, goal.kind, goal.text, ...span(goal.source)]);
  await insertRows(client, 'department_form_goals', ['filing_id', 'idx', 'kind', 'text', ...where], formGoals);
  const departmentIndicators = valid.department_indicators.map((row, idx) => [
    filingId,
    idx,
    row.category,
    row.subcategory,
    row.name,
    row.symbol,
    row.value,
    row.unit,
    row.weight?.value ?? null,
    ...span(row.source),
  ]);
  await insertRows(
    client,
    'department_indicators',
    ['filing_id', 'idx', 'category', 'subcategory', 'name', 'symbol', 'value', 'unit', 'weight', ...where],
    departmentIndicators,
  );
}

const PROJECT_COLUMNS = [
  'id',
  'filing_id',
  'idx',
  'name',
  'aliases',
  'department',
  'year',
  'total_wan',
  'total_text',
  'total_approximate',
  'declared_content_count',
  'declared_goal_count',
  'declared_indicator_count',
  'page',
  'start',
  'end',
  'total_page',
  'total_start',
  'total_end',
];

function countItems(items: FundingItem[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children), 0);
}
