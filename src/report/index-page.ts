import type { ExportedFiling } from '../model/export.js';
import { FindingKind } from '../model/finding.js';
import { INDEX_SCRIPT, INDEX_STYLE } from './assets.js';
import { filingTotal, groupDigits } from './funding-sums.js';
import { type Html, html, jsonForScript } from './html.js';
import { KIND_LABEL, SEVERITY_LABEL } from './labels.js';

/**
 * index.html: one row per filing, kept small (a few hundred bytes) so that the rows of thousands of
 * filings can be held while the filing pages stream out, and embedded as JSON in the page.
 */

export interface IndexRow {
  id: number;
  /** File name; `path` is where it is. */
  name: string;
  path: string;
  format: string;
  department: string | null;
  /** The projects' units ("信访办、综治办、国安办等"), shown when the filing names no department. */
  units: string;
  year: number | null;
  projects: number;
  /** Exact sum of the projects' declared totals in 万元 (decimal text), null when none states one. */
  total: string | null;
  totalText: string;
  error: number;
  warning: number;
  info: number;
  /** Findings per kind, for the kind filter. */
  kinds: Partial<Record<FindingKind, number>>;
}

const MAX_UNITS = 3;

export function indexRow(filing: ExportedFiling, displayPath: string): IndexRow {
  const units = [...new Set(filing.projects.map((p) => p.department).filter((d): d is string => Boolean(d)))];
  const years = filing.projects.map((p) => p.year).filter((y): y is number => y !== null);
  const total = filingTotal(filing.projects);
  const kinds: Partial<Record<FindingKind, number>> = {};
  for (const f of filing.findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  const count = (severity: string) => filing.findings.filter((f) => f.severity === severity).length;
  return {
    id: filing.filing.id,
    name: displayPath.split(/[\\/]/).pop() ?? displayPath,
    path: displayPath,
    format: filing.filing.format,
    department: filing.department,
    units: units.slice(0, MAX_UNITS).join('、') + (units.length > MAX_UNITS ? '等' : ''),
    year: filing.year ?? years[0] ?? null,
    projects: filing.projects.length,
    total: total?.toString() ?? null,
    totalText: total ? groupDigits(total) : '',
    error: count('error'),
    warning: count('warning'),
    info: count('info'),
    kinds,
  };
}

const PAGE_SIZE = 100;

/** The first page of rows as static HTML: what the page shows before (or without) its script. */
function staticRows(rows: readonly IndexRow[]): Html[] {
  return rows.slice(0, PAGE_SIZE).map(
    (
      row,
    ) => html`<tr><td class="num">${row.id}</td><td><a href="filing-${row.id}.html">${row.name}</a><div class="path">${row.path} · ${row.format.toUpperCase()}</div></td>
<td${row.department ? '' : html` class="derived"`}>${row.department ?? row.units}</td><td class="num">${row.year}</td><td class="num">${row.projects}</td><td class="num">${row.totalText}</td>
<td class="num count-error">${row.error || ''}</td><td class="num count-warning">${row.warning || ''}</td><td class="num count-info">${row.info || ''}</td></tr>`,
  );
}

export function indexPage(rows: readonly IndexRow[], generatedAt: string): string {
  const filingsWith = (kind: FindingKind) => rows.filter((r) => r.kinds[kind]).length;
  const totals = { error: 0, warning: 0, info: 0 };
  for (const row of rows) {
    totals.error += row.error;
    totals.warning += row.warning;
    totals.info += row.info;
  }
  const columns: [key: string, label: string, numeric: boolean][] = [
    ['id', '编号', true],
    ['name', '文件', false],
    ['department', '部门', false],
    ['year', '年度', true],
    ['projects', '项目数', true],
    ['total', '资金总额（万元）', true],
    ['error', SEVERITY_LABEL.error, true],
    ['warning', SEVERITY_LABEL.warning, true],
    ['info', SEVERITY_LABEL.info, true],
  ];
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预算绩效目标审核报告</title>
${INDEX_STYLE}
</head>
<body>
<header>
<h1>预算绩效目标审核报告</h1>
<p class="summary">${rows.length} 个文件，发现的问题：<span class="sev sev-error">${SEVERITY_LABEL.error} ${totals.error}</span> <span class="sev sev-warning">${SEVERITY_LABEL.warning} ${totals.warning}</span> <span class="sev sev-info">${SEVERITY_LABEL.info} ${totals.info}</span>　<span class="muted">生成于 ${generatedAt}</span></p>
</header>
<div class="controls">
<fieldset><legend>问题类型</legend>${FindingKind.options.map(
    (kind) =>
      html`<label title="${kind}"><input type="checkbox" name="kind" value="${kind}"> ${KIND_LABEL[kind]} <span class="muted">(${filingsWith(kind)})</span></label>`,
  )}</fieldset>
<label>搜索 <input type="search" id="search" placeholder="文件名、路径、部门或编号"></label>
</div>
<noscript><p class="muted">未启用 JavaScript：下表只列出前 ${PAGE_SIZE} 个文件，不能排序或筛选。</p></noscript>
<table class="filings">
<thead><tr>${columns.map(([key, label, numeric]) => html`<th data-key="${key}"${numeric ? html` class="num"` : ''} aria-sort="${key === 'id' ? 'ascending' : 'none'}">${label}</th>`)}</tr></thead>
<tbody>${staticRows(rows)}</tbody>
</table>
<div class="pager"><button type="button" id="prev-page">上一页</button><span id="page-info">共 ${rows.length} 个文件</span><button type="button" id="next-page">下一页</button></div>
<script type="application/json" id="filings-data">${jsonForScript(rows)}</script>
${INDEX_SCRIPT}
</body>
</html>
`.value;
}
