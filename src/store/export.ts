import { Decimal } from '../model/decimal.js';
import { ExportedFiling } from '../model/export.js';
import { Extraction, taskRows, type FundingItem } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import type { FilingStore } from './database.js';

/** Filings as the export shape, one at a time (a database of thousands is never held in memory). */
export function* exportedFilings(store: FilingStore, filingIds?: number[]): Generator<ExportedFiling> {
  const rows = store.db
    .prepare(
      `SELECT f.id, f.path, f.sha256, f.format, f.page_count, e.data
         FROM filings f LEFT JOIN extractions e ON e.filing_id = f.id ORDER BY f.id`,
    )
    .iterate() as IterableIterator<{
    id: number;
    path: string;
    sha256: string;
    format: string;
    page_count: number | null;
    data: string | null;
  }>;
  const wanted = filingIds ? new Set(filingIds) : null;
  for (const row of rows) {
    if (wanted && !wanted.has(row.id)) continue;
    yield toExportedFiling(row, row.data ? JSON.parse(row.data) : null, store.findingsOf(row.id));
  }
}

/** One filing in the export shape, from its row and its stored extraction (the same for both engines). */
export function toExportedFiling(
  row: { id: number; path: string; sha256: string; format: string; page_count: number | null },
  data: unknown,
  findings: Finding[],
): ExportedFiling {
  const extraction = data ? Extraction.parse(data) : emptyExtraction();
  return ExportedFiling.parse({
    filing: { id: row.id, path: row.path, sha256: row.sha256, format: row.format, pages: row.page_count },
    department: extraction.department,
    year: extraction.year,
    projects: extraction.projects,
    department_goals: extraction.department_goals,
    department_indicators: extraction.department_indicators,
    department_tasks: extraction.department_tasks,
    department_tasks_total: extraction.department_tasks_total,
    department_form_goals: extraction.department_form_goals,
    notes: extraction.notes,
    sections: extraction.sections,
    statements: extraction.statements,
    coverage: extraction.coverage,
    target_statement: extraction.target_statement,
    findings,
  });
}

export function emptyExtraction(): Extraction {
  return {
    department: null,
    year: null,
    projects: [],
    department_goals: [],
    department_indicators: [],
    department_tasks: [],
    department_tasks_total: null,
    department_form_goals: [],
    notes: [],
    sections: [],
    statements: [],
    coverage: null,
    target_statement: null,
  };
}

/** CSV tables the export can write: one row per project, funding item, indicator/threshold or finding. */
export const CSV_TABLES = ['projects', 'funding_items', 'indicators', 'department_tasks', 'findings'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Cell = string | number | boolean | null;

export function csvHeader(table: CsvTable): string[] {
  switch (table) {
    case 'projects':
      return [
        'filing_id',
        'path',
        'project',
        'aliases',
        'department',
        'year',
        'total_wan',
        'total_text',
        'items_sum_wan',
        'items',
        'declared_goal_count',
        'goals',
        'declared_indicator_count',
        'indicators',
        'page',
        'start',
        'end',
      ];
    case 'funding_items':
      return [
        'filing_id',
        'project',
        'path_in_tree',
        'depth',
        'label',
        'amount_wan',
        'amount_text',
        'approximate',
        'page',
        'start',
        'end',
        'quote',
      ];
    case 'indicators':
      return [
        'filing_id',
        'project',
        'goal_index',
        'category',
        'subcategory',
        'indicator',
        'weight',
        'op',
        'value',
        'unit',
        'period',
        'threshold_text',
        'page',
        'start',
        'end',
      ];
    case 'department_tasks':
      return ['filing_id', 'role', 'name', 'content', 'amount_wan', 'amount_text', 'parts', 'page', 'start', 'end'];
    case 'findings':
      return ['filing_id', 'kind', 'severity', 'project', 'message', 'message_en', 'expected', 'actual', 'pages', 'quotes'];
  }
}

export function csvRows(table: CsvTable, filing: ExportedFiling): Cell[][] {
  const id = filing.filing.id;
  switch (table) {
    case 'projects':
      return filing.projects.map((p) => [
        id,
        filing.filing.path,
        p.name,
        p.aliases.join('；'),
        p.department,
        p.year,
        p.total?.wan ?? null,
        p.total?.text ?? null,
        sumOf(p.funding_items),
        p.funding_items.length,
        p.declared_goal_count,
        p.goals.length,
        p.declared_indicator_total?.count ?? null,
        p.indicators.length,
        p.source.page,
        p.source.start,
        p.source.end,
      ]);
    case 'funding_items':
      return filing.projects.flatMap((p) =>
        flattenItems(p.funding_items, '').map(({ item, path, depth }) => [
          id,
          p.name,
          path,
          depth,
          item.label,
          item.amount?.wan ?? null,
          item.amount?.text ?? null,
          item.amount?.approximate ?? null,
          item.source.page,
          item.source.start,
          item.source.end,
          item.source.quote,
        ]),
      );
    case 'indicators':
      return filing.projects.flatMap((p) =>
        p.indicators.flatMap((ind) => {
          const base: Cell[] = [id, p.name, ind.goal_index, ind.category, ind.subcategory, ind.name, ind.weight?.value ?? null];
          const where: Cell[] = [ind.source.page, ind.source.start, ind.source.end];
          if (ind.thresholds.length === 0) return [[...base, null, null, null, null, null, ...where]];
          return ind.thresholds.map((t) => [...base, t.op, t.value, t.unit, t.period, t.text, ...where]);
        }),
      );
    case 'department_tasks':
      return taskRows(filing).map(({ role, task }) => [
        id,
        role,
        task.name,
        task.content,
        task.amount?.wan ?? null,
        task.amount?.text ?? null,
        task.parts.map((p) => `${p.label}=${p.amount?.wan ?? ''}`).join('；'),
        task.source.page,
        task.source.start,
        task.source.end,
      ]);
    case 'findings':
      return filing.findings.map((f: Finding) => [
        id,
        f.kind,
        f.severity,
        f.project,
        f.message,
        f.message_en,
        f.expected,
        f.actual,
        f.locations.map((l) => l.page ?? '').join('；'),
        f.locations.map((l) => l.quote).join(' ‖ '),
      ]);
  }
}

function sumOf(items: FundingItem[]): string | null {
  const amounts = items.filter((i) => i.amount);
  if (amounts.length === 0) return null;
  return amounts.reduce((sum, i) => sum.add(Decimal.parse(i.amount!.wan)), Decimal.ZERO).toString();
}

function flattenItems(items: FundingItem[], prefix: string, depth = 0): { item: FundingItem; path: string; depth: number }[] {
  return items.flatMap((item, k) => {
    const path = prefix ? `${prefix}.${k + 1}` : String(k + 1);
    return [{ item, path, depth }, ...flattenItems(item.children, path, depth + 1)];
  });
}

/** RFC 4180 quoting; the file starts with a BOM so that Excel reads it as UTF-8. */
export function csvLine(cells: Cell[]): string {
  return cells
    .map((cell) => {
      if (cell === null) return '';
      const text = neutralizeFormula(String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** A cell a spreadsheet would run as a formula: `=HYPERLINK(…)`, `@SUM(…)`, `+1+cmd|…`, `-2+3`, or led by a tab or CR. */
const FORMULA_START = /^[=@+\-\t\r]/;
/** A plain signed number ("-12.5") is data, not a formula, and stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * OWASP's CSV-injection rule: text from a filing that starts like a formula is prefixed with a single quote,
 * so that Excel or LibreOffice shows it as text instead of evaluating it.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export const CSV_BOM = '\ufeff';
