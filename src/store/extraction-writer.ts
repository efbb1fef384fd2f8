import type Database from 'better-sqlite3';
import type { Source } from '../model/document.js';
import { Extraction, taskRows, type FundingItem, type Project } from '../model/extraction.js';

/**
 * Bumped whenever extraction or checks change what they produce: a stored filing of an older version is
 * processed again on the next ingest even though its bytes have not changed.
 */
export const PIPELINE_VERSION = 4;

/** Writes a filing's extraction: the validated JSON (what exports read) and the relational tables (what SQL users read). */
export class ExtractionWriter {
  private readonly insert;

  constructor(db: Database.Database) {
    this.insert = {
      extraction: db.prepare(
        'INSERT INTO extractions (filing_id, pipeline_version, department, year, data, coverage, coverage_evidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      section: db.prepare(
        'INSERT INTO sections (filing_id, idx, parent_idx, level, style, number, title, kind, page, start, end, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      statement: db.prepare(
        'INSERT INTO statements (filing_id, idx, kind, title, total_wan, rows, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      project: db.prepare(`
        INSERT INTO projects (filing_id, idx, name, aliases, department, year, total_wan, total_text, total_approximate,
                              declared_content_count, declared_goal_count, declared_indicator_count, page, start, end, total_page, total_start, total_end)
        VALUES (@filing_id, @idx, @name, @aliases, @department, @year, @total_wan, @total_text, @total_approximate,
                @declared_content_count, @declared_goal_count, @declared_indicator_count, @page, @start, @end, @total_page, @total_start, @total_end)`),
      fundingItem: db.prepare(`
        INSERT INTO funding_items (project_id, parent_id, idx, depth, label, amount_wan, amount_text, approximate, page, start, end, quote)
        VALUES (@project_id, @parent_id, @idx, @depth, @label, @amount_wan, @amount_text, @approximate, @page, @start, @end, @quote)`),
      formField: db.prepare(
        'INSERT INTO form_fields (project_id, field, role, amount_wan, amount_text, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      contentItem: db.prepare('INSERT INTO content_items (project_id, idx, text, page, start, end) VALUES (?, ?, ?, ?, ?, ?)'),
      goal: db.prepare('INSERT INTO goals (project_id, idx, kind, text, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      indicator: db.prepare(
        'INSERT INTO indicators (project_id, idx, goal_index, category, subcategory, name, weight, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      threshold: db.prepare(
        'INSERT INTO thresholds (indicator_id, op, value, unit, period, text, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      departmentGoal: db.prepare(
        'INSERT INTO department_goals (filing_id, project, idx, text, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      departmentTask: db.prepare(
        'INSERT INTO department_tasks (filing_id, idx, role, name, content, amount_wan, amount_text, parts, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      departmentFormGoal: db.prepare(
        'INSERT INTO department_form_goals (filing_id, idx, kind, text, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      departmentIndicator: db.prepare(
        'INSERT INTO department_indicators (filing_id, idx, category, subcategory, name, symbol, value, unit, weight, page, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /** Validate, then write. Call inside the filing's transaction. */
  write(filingId: number, extraction: Extraction): void {
    const valid = Extraction.parse(extraction);
    this.insert.extraction.run(
      filingId,
      PIPELINE_VERSION,
      valid.department,
      valid.year,
      JSON.stringify(valid),
      valid.coverage?.ratio ?? null,
      valid.coverage?.evidence ?? null,
    );
    valid.sections.forEach((s, idx) =>
      this.insert.section.run(filingId, idx, s.parent, s.level, s.style, s.number, s.title, s.kind, ...span(s.source), s.span_end),
    );
    valid.statements.forEach((s, idx) =>
      this.insert.statement.run(filingId, idx, s.kind, s.title, s.total?.wan ?? null, s.rows, ...span(s.source)),
    );
    valid.projects.forEach((project, idx) => this.writeProject(filingId, idx, project));
    for (const list of valid.department_goals) {
      for (const goal of list.goals) this.insert.departmentGoal.run(filingId, list.project, goal.index, goal.text, ...span(goal.source));
    }
    taskRows(valid).forEach(({ role, task }, idx) => {
      const parts = JSON.stringify(task.parts.map((p) => ({ label: p.label, wan: p.amount?.wan ?? null, text: p.amount?.text ?? null })));
      this.insert.departmentTask.run(
        filingId,
        idx,
        role,
        task.name,
        task.content,
        task.amount?.wan ?? null,
        task.amount?.text ?? null,
        parts,
        ...span(task.source),
      );
    });
    for (const goal of valid.department_form_goals)
      this.insert.departmentFormGoal.run(filingId, goal.index, goal.kind, goal.text, ...span(goal.source));
    valid.department_indicators.forEach((row, idx) =>
      this.insert.departmentIndicator.run(
        filingId,
        idx,
        row.category,
        row.subcategory,
        row.name,
        row.symbol,
        row.value,
        row.unit,
        row.weight === null ? null : Number(row.weight.value),
        ...span(row.source),
      ),
    );
  }

  private writeProject(filingId: number, idx: number, project: Project): void {
    const info = this.insert.project.run({
      filing_id: filingId,
      idx,
      name: project.name,
      aliases: JSON.stringify(project.aliases),
      department: project.department,
      year: project.year,
      total_wan: project.total?.wan ?? null,
      total_text: project.total?.text ?? null,
      total_approximate: project.total ? Number(project.total.approximate) : null,
      declared_content_count: project.declared_content_count,
      declared_goal_count: project.declared_goal_count,
      declared_indicator_count: project.declared_indicator_total?.count ?? null,
      page: project.source.page,
      start: project.source.start,
      end: project.source.end,
      total_page: project.total?.source.page ?? null,
      total_start: project.total?.source.start ?? null,
      total_end: project.total?.source.end ?? null,
    });
    const projectId = Number(info.lastInsertRowid);
    this.writeItems(projectId, null, 0, project.funding_items);
    for (const field of project.form_fields) {
      this.insert.formField.run(projectId, field.field, field.role, field.amount.wan, field.amount.text, ...span(field.source));
    }
    for (const item of project.content_items) this.insert.contentItem.run(projectId, item.index, item.text, ...span(item.source));
    for (const goal of project.goals) this.insert.goal.run(projectId, goal.index, goal.kind, goal.text, ...span(goal.source));
    project.indicators.forEach((indicator, k) => {
      const weight = indicator.weight === null ? null : Number(indicator.weight.value);
      const row = this.insert.indicator.run(
        projectId,
        k,
        indicator.goal_index,
        indicator.category,
        indicator.subcategory,
        indicator.name,
        weight,
        ...span(indicator.source),
      );
      const indicatorId = Number(row.lastInsertRowid);
      for (const t of indicator.thresholds)
        this.insert.threshold.run(indicatorId, t.op, t.value, t.unit, t.period, t.text, ...span(t.source));
    });
  }

  private writeItems(projectId: number, parentId: number | null, depth: number, items: FundingItem[]): void {
    items.forEach((item, idx) => {
      const info = this.insert.fundingItem.run({
        project_id: projectId,
        parent_id: parentId,
        idx,
        depth,
        label: item.label,
        amount_wan: item.amount?.wan ?? null,
        amount_text: item.amount?.text ?? null,
        approximate: item.amount ? Number(item.amount.approximate) : null,
        page: item.source.page,
        start: item.source.start,
        end: item.source.end,
        quote: item.source.quote,
      });
      this.writeItems(projectId, Number(info.lastInsertRowid), depth + 1, item.children);
    });
  }
}

function span(source: Source): [number | null, number, number] {
  return [source.page, source.start, source.end];
}
