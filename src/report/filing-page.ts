import { Decimal } from '../model/decimal.js';
import type { DocumentModel } from '../model/document.js';
import type { ExportedFiling } from '../model/export.js';
import { taskRows, type FundingItem, type Indicator, type Project } from '../model/extraction.js';
import type { Finding, FindingLocation } from '../model/finding.js';
import { FILING_SCRIPT, FILING_STYLE } from './assets.js';
import { fundingBars } from './bar-chart.js';
import { documentView } from './document-view.js';
import { differs, filingTotal, fundingComparison, groupDigits } from './funding-sums.js';
import { type Html, html } from './html.js';
import {
  DEFAULT_EXPECTED_ACTUAL,
  EXPECTED_ACTUAL_LABEL,
  KIND_LABEL,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  VALUE_KINDS,
  pageLabel,
  roleLabel,
} from './labels.js';
import { findingMarks, incomingCopyMarks, isLocal, markId, thresholdText, valueMarks } from './marks.js';
import type { IncomingCopy } from './queries.js';

/**
 * One filing's review page: the document with its values and findings highlighted, and beside it the
 * findings, the projects (declared total against the sum of the breakdown), indicators and thresholds.
 */

export interface FilingPageInput {
  filing: ExportedFiling;
  document: DocumentModel;
  /** The file's path as the reviewer knows it (relative to where the report was made). */
  displayPath: string;
  /** Other filings' copy findings that point into this one. */
  incoming: readonly IncomingCopy[];
  previous: number | null;
  next: number | null;
  position: number;
  count: number;
  /** Link to another filing's page (with a fragment), or null when the report has no page for it. */
  filingHref: (filingId: number, fragment: string) => string | null;
}

export const filingFileName = (id: number) => `filing-${id}.html`;

const QUOTE_CHARS = 60;
const shortQuote = (quote: string) => (quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote).replace(/\n/g, ' ⏎ ');

export function filingTitle(filing: ExportedFiling, displayPath: string): string {
  const name = displayPath.split(/[\\/]/).pop() ?? displayPath;
  const head = [filing.department, filing.year ? `${filing.year}年` : null].filter(Boolean).join(' ');
  return head ? `${head} · ${name}` : name;
}

function locationChip(k: number, j: number, location: FindingLocation, input: FilingPageInput): Html {
  const quote = location.quote ? html` <q>${shortQuote(location.quote)}</q>` : '';
  if (isLocal(location, input.filing.filing.id)) {
    return html`<li data-targets="${markId.findingLocation(k, j)}"><span class="role">${roleLabel(location.role)}</span> <span class="muted">${pageLabel(location.page)}</span>${quote}</li>`;
  }
  const other = location.filing_id!;
  const href = input.filingHref(other, markId.incomingCopy(location.start, location.end));
  const where = `文件#${other} ${pageLabel(location.page)}`;
  return html`<li class="other"><span class="role">${roleLabel(location.role)}</span> ${href ? html`<a href="${href}">${where} →</a>` : html`<span class="muted">${where}（本报告中没有该文件）</span>`}${quote}</li>`;
}

function findingCard(finding: Finding, k: number, input: FilingPageInput): Html {
  const local = finding.locations.flatMap((l, j) => (isLocal(l, input.filing.filing.id) ? [markId.findingLocation(k, j)] : []));
  const [expectedLabel, actualLabel] = EXPECTED_ACTUAL_LABEL[finding.kind] ?? DEFAULT_EXPECTED_ACTUAL;
  const bars = sumBars(finding, k, input.filing.filing.id);
  // a sum mismatch shows its two figures as bars; other findings as a line of text
  const numbers =
    !bars && (finding.expected !== null || finding.actual !== null)
      ? html`<p class="nums">${finding.expected !== null && expectedLabel ? html`${expectedLabel} <b>${finding.expected}</b>　` : ''}${finding.actual !== null ? html`${actualLabel} <b>${finding.actual}</b>` : ''}</p>`
      : '';
  return html`<li class="finding sev-${finding.severity}" id="${markId.finding(k)}" data-kind="${finding.kind}" data-targets="${local.join(' ')}" tabindex="0">
<div class="f-head"><span class="sev">${SEVERITY_LABEL[finding.severity]}</span><span class="kind">${KIND_LABEL[finding.kind]}</span>${finding.project ? html`<span class="project-name">${finding.project}</span>` : ''}</div>
<p class="msg" lang="zh-CN">${finding.message}</p>
<p class="msg-en" lang="en">${finding.message_en}</p>
${numbers}${bars}<ul class="locs">${finding.locations.map((l, j) => locationChip(k, j, l, input))}</ul>
</li>`;
}

/** A sum mismatch also gets the two bars in its card: declared total against the items' sum. */
function sumBars(finding: Finding, k: number, filingId: number): Html | '' {
  const declared = finding.expected === null ? null : Decimal.tryParse(finding.expected);
  const computed = finding.actual === null ? null : Decimal.tryParse(finding.actual);
  if (finding.kind !== 'sum_mismatch' || !declared || !computed) return '';
  const ids = (role: string) =>
    finding.locations.flatMap((l, j) => (l.role === role && isLocal(l, filingId) ? [markId.findingLocation(k, j)] : []));
  return fundingBars(
    { label: '声明总额', value: declared, targets: ids('declared total') },
    { label: '明细合计', value: computed, targets: ids('item') },
    true,
  );
}

/** Display order: errors first, then by where the finding is in the text; ids keep the stored order. */
function findingsInDisplayOrder(findings: readonly Finding[], filingId: number): { finding: Finding; k: number }[] {
  const firstOffset = (f: Finding) =>
    Math.min(...f.locations.filter((l) => isLocal(l, filingId)).map((l) => l.start), Number.MAX_SAFE_INTEGER);
  return findings
    .map((finding, k) => ({ finding, k }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity) ||
        firstOffset(a.finding) - firstOffset(b.finding) ||
        a.k - b.k,
    );
}

function findingsSection(input: FilingPageInput): Html {
  const { findings } = input.filing;
  const body = findings.length
    ? html`<ol class="findings">${findingsInDisplayOrder(findings, input.filing.filing.id).map(({ finding, k }) => findingCard(finding, k, input))}</ol>`
    : html`<p class="muted">没有发现问题。</p>`;
  return html`<section id="sec-findings"><h2>发现的问题（${findings.length}）</h2>${body}</section>`;
}

function fundingTree(p: number, items: readonly FundingItem[], parent: readonly number[]): Html {
  return html`<ul class="funding">${items.map((item, k) => {
    const path = [...parent, k + 1];
    const amount = item.amount
      ? html`<button type="button" class="go amt" data-targets="${markId.fundingItem(p, path)}">${item.amount.text}</button>`
      : html`<span class="amt none">未列金额</span>`;
    return html`<li>${item.label} ${amount}${item.children.length ? fundingTree(p, item.children, path) : ''}</li>`;
  })}</ul>`;
}

function indicatorRows(p: number, indicators: readonly Indicator[]): Html {
  return html`<table class="indicators"><thead><tr><th>类别</th><th>指标</th><th>指标值</th></tr></thead><tbody>${indicators.map(
    (
      indicator,
      j,
    ) => html`<tr><td>${indicator.category}${indicator.subcategory ? html`<div class="muted">${indicator.subcategory}</div>` : ''}</td>
<td><button type="button" class="go" data-targets="${markId.indicator(p, j)}">${indicator.goal_index ? html`<span class="muted">目标${indicator.goal_index}·</span>` : ''}${indicator.name}</button></td>
<td>${indicator.thresholds.length ? indicator.thresholds.map((t, h) => html`<button type="button" class="go" data-targets="${markId.threshold(p, j, h)}" title="${t.text}">${thresholdText(t)}</button> `) : html`<span class="muted">—</span>`}</td></tr>`,
  )}</tbody></table>`;
}

const GOAL_KIND_LABEL = { listed: '', overall: '总体目标：', annual: '年度目标：' } as const;

function projectEntry(project: Project, p: number, findingCount: number): Html {
  const comparison = fundingComparison(project);
  const mismatch = differs(comparison);
  const bars = fundingBars(
    { label: '声明总额', value: comparison.declared, targets: project.total ? [markId.total(p)] : [] },
    {
      label: '明细合计',
      value: comparison.computed,
      targets: project.funding_items.flatMap((item, k) => (item.amount ? [markId.fundingItem(p, [k + 1])] : [])),
    },
    mismatch,
  );
  const notes: string[] = [];
  if (mismatch) notes.push(`差额 ${comparison.declared!.sub(comparison.computed!).toString()} 万元`);
  if (comparison.unpricedItems.length) notes.push(`${comparison.unpricedItems.length}项明细未列金额`);
  if (!project.funding_items.length) notes.push('没有资金明细');
  if (!project.total) notes.push('没有声明总额');
  const details = [
    project.funding_items.length ? html`<h3 class="sub">资金明细</h3>${fundingTree(p, project.funding_items, [])}` : '',
    project.form_fields.length
      ? html`<h3 class="sub">表格中的资金</h3><ul class="funding">${project.form_fields.map(
          (field, j) =>
            html`<li>${field.field} <button type="button" class="go amt" data-targets="${markId.formField(p, j)}">${field.amount.text}</button></li>`,
        )}</ul>`
      : '',
    project.goals.length
      ? html`<h3 class="sub">绩效目标${project.declared_goal_count !== null ? html`<span class="muted">（声明${project.declared_goal_count}项）</span>` : ''}</h3><ol class="goals">${project.goals.map(
          (goal, j) =>
            html`<li><button type="button" class="go" data-targets="${markId.goal(p, j)}">${GOAL_KIND_LABEL[goal.kind]}${goal.text}</button></li>`,
        )}</ol>`
      : '',
    project.indicators.length ? html`<h3 class="sub">绩效指标</h3>${indicatorRows(p, project.indicators)}` : '',
  ];
  const meta = [project.department, project.year ? `${project.year}年` : null].filter(Boolean).join(' · ');
  return html`<div class="project" id="project-${p}">
<div class="project-head"><button type="button" class="go name" data-targets="${markId.project(p)}">${project.name}</button>${meta ? html`<span class="muted">${meta}</span>` : ''}${findingCount ? html`<span class="muted">${findingCount}个问题</span>` : ''}</div>
${bars}<p class="caption${mismatch ? ' mismatch' : ''}">单位：万元${notes.length ? `；${notes.join('；')}` : ''}</p>
<details><summary>资金明细 ${project.funding_items.length} · 目标 ${project.goals.length} · 指标 ${project.indicators.length}</summary>${details}</details>
</div>`;
}

function projectsSection(input: FilingPageInput): Html {
  const { projects, findings } = input.filing;
  const body = projects.length
    ? projects.map((project, p) => projectEntry(project, p, findings.filter((f) => f.project === project.name).length))
    : html`<p class="muted">没有识别出项目。</p>`;
  return html`<section id="sec-projects"><h2>项目（${projects.length}）</h2>${body}</section>`;
}

function departmentSection(input: FilingPageInput): Html | '' {
  const { department_goals: goals, department_indicators: indicators, department_form_goals: formGoals } = input.filing;
  const tasks = taskRows(input.filing).map((row) => row.task);
  if (!goals.length && !indicators.length && !formGoals.length && !tasks.length) return '';
  return html`<section id="sec-department"><h2>部门汇总</h2>
${
  formGoals.length
    ? html`<h3 class="sub">部门整体目标</h3><ol class="goals">${formGoals.map(
        (goal, j) => html`<li><button type="button" class="go" data-targets="${markId.departmentFormGoal(j)}">${goal.text}</button></li>`,
      )}</ol>`
    : ''
}
${
  tasks.length
    ? html`<h3 class="sub">年度主要任务</h3><table class="indicators"><thead><tr><th>任务</th><th>预算金额（万元）</th><th>其中</th></tr></thead><tbody>${tasks.map(
        (task, j) => html`<tr><td>${task.name}${task.content ? html`<div class="muted">${task.content}</div>` : ''}</td>
<td>${task.amount ? html`<button type="button" class="go" data-targets="${markId.departmentTask(j)}">${task.amount.wan}</button>` : '—'}</td>
<td class="muted">${task.parts.map((part) => `${part.label} ${part.amount?.wan ?? '—'}`).join('，')}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  goals.length
    ? html`<h3 class="sub">分项绩效目标</h3><ul class="plain">${goals.map(
        (list, l) =>
          html`<li><b>${list.project}</b><ol class="goals">${list.goals.map(
            (goal, j) =>
              html`<li><button type="button" class="go" data-targets="${markId.departmentGoal(l, j)}">${goal.text}</button></li>`,
          )}</ol></li>`,
      )}</ul>`
    : ''
}
${
  indicators.length
    ? html`<h3 class="sub">部门绩效指标</h3><table class="indicators"><thead><tr><th>类别</th><th>指标</th><th>指标值</th></tr></thead><tbody>${indicators.map(
        (
          indicator,
          j,
        ) => html`<tr><td>${indicator.category ?? ''}${indicator.subcategory ? html`<div class="muted">${indicator.subcategory}</div>` : ''}</td>
<td><button type="button" class="go" data-targets="${markId.departmentIndicator(j)}">${indicator.name}</button></td>
<td>${indicator.threshold ? html`<button type="button" class="go" data-targets="${markId.departmentThreshold(j)}">${thresholdText(indicator.threshold)}</button>` : html`<span class="muted">${[indicator.symbol, indicator.value, indicator.unit].filter(Boolean).join(' ') || '—'}</span>`}</td></tr>`,
      )}</tbody></table>`
    : ''
}
</section>`;
}

function incomingSection(input: FilingPageInput): Html | '' {
  if (!input.incoming.length) return '';
  return html`<section id="sec-copies"><h2>其他文件中的相同内容（${input.incoming.length}）</h2><ul class="locs">${input.incoming.map(
    (copy) => {
      const href = input.filingHref(copy.fromFiling, markId.finding(copy.findingIndex));
      const from = `文件#${copy.fromFiling}的发现`;
      return html`<li data-targets="${markId.incomingCopy(copy.start, copy.end)}"><span class="sev sev-${copy.severity}">${SEVERITY_LABEL[copy.severity]}</span> <span class="muted">本文件${pageLabel(copy.page)}</span> ${href ? html`<a href="${href}">${from} →</a>` : from}<div class="muted">${copy.message}</div></li>`;
    },
  )}</ul></section>`;
}

function notesSection(input: FilingPageInput): Html | '' {
  const { notes } = input.filing;
  const messages = input.document.messages;
  if (!notes.length && !messages.length) return '';
  return html`<section id="sec-notes"><h2>提取与解析备注</h2><ul class="locs">
${[...messages, ...notes].map(
  (m) =>
    html`<li><span class="role">${SEVERITY_LABEL[m.severity]}</span> ${m.code} <span class="muted">${pageLabel(m.page)}</span> ${m.message}${m.source ? html` <q>${shortQuote(m.source.quote)}</q>` : ''}</li>`,
)}
</ul></section>`;
}

function legend(): Html {
  return html`<div class="legend"><b>图例</b>${Object.entries(VALUE_KINDS).map(([kind, label]) => html`<span class="v v-${kind}">${label}</span>`)}
${SEVERITY_ORDER.map((severity) => html`<span class="loc sev-${severity}">${SEVERITY_LABEL[severity]}</span>`)}<span class="loc copy-in">其他文件中的相同内容</span>
<span class="muted">点击右侧条目或正文中的标记即可定位</span></div>`;
}

function header(input: FilingPageInput, title: string): Html {
  const { filing, position, count, previous, next } = input;
  const total = filingTotal(filing.projects);
  const severityCounts = SEVERITY_ORDER.map((s) => [s, filing.findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  const facts = [
    `#${filing.filing.id}`,
    input.displayPath,
    filing.filing.format.toUpperCase(),
    filing.filing.pages !== null ? `${filing.filing.pages}页` : null,
    `${filing.projects.length}个项目`,
    total ? `资金总额 ${groupDigits(total)} 万元` : null,
    `sha256 ${filing.filing.sha256.slice(0, 12)}…`,
  ].filter((f): f is string => f !== null);
  return html`<header class="top">
<nav class="filing-nav"><a href="index.html">← 全部文件</a>${previous !== null ? html`<a href="${filingFileName(previous)}" rel="prev">上一个</a>` : html`<span class="muted">上一个</span>`}<span>${position} / ${count}</span>${next !== null ? html`<a href="${filingFileName(next)}" rel="next">下一个</a>` : html`<span class="muted">下一个</span>`}<span class="muted keys">快捷键：j / k 下一个 / 上一个问题，[ / ] 上一个 / 下一个文件</span></nav>
<h1>${title}</h1>
<div class="meta">${facts.join(' · ')}${severityCounts.length ? html` · ${severityCounts.map(([s, n]) => html`<span class="sev sev-${s}">${SEVERITY_LABEL[s]} ${n}</span> `)}` : ' · 没有发现问题'}</div>
${legend()}
</header>`;
}

export function filingPage(input: FilingPageInput): string {
  const { filing, document } = input;
  // values first: where a finding location and a value cover the same text, the finding is the inner element
  const marks = [...valueMarks(filing), ...incomingCopyMarks(input.incoming), ...findingMarks(filing.findings, filing.filing.id)];
  const title = filingTitle(filing, input.displayPath);
  const sections = [findingsSection(input), projectsSection(input), departmentSection(input), incomingSection(input), notesSection(input)];
  const navigation = html`<nav class="panel-nav"><a href="#sec-findings">发现的问题 ${filing.findings.length}</a><a href="#sec-projects">项目 ${filing.projects.length}</a>${
    sections[2] ? html`<a href="#sec-department">部门汇总</a>` : ''
  }${sections[3] ? html`<a href="#sec-copies">相同内容</a>` : ''}${sections[4] ? html`<a href="#sec-notes">备注</a>` : ''}</nav>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — 预算绩效目标审核</title>
${FILING_STYLE}
</head>
<body>
${header(input, title)}
<main>
<article id="doc" lang="zh-CN">
${documentView(document, marks)}
</article>
<aside id="panel">
${navigation}
${sections}
</aside>
</main>
${FILING_SCRIPT}
</body>
</html>
`.value;
}
