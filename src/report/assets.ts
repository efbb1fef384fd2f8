import { raw, type Html } from './html.js';

/**
 * The CSS and scripts inlined into every page: the report is a folder of static files that opens from
 * the file system or a mail attachment, so nothing is fetched. The scripts read the page's data from
 * the DOM (data-* attributes, or JSON in a script element) and write text with textContent only.
 */

const FONT_STACK = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif`;

const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: ${FONT_STACK}; font-size: 14px; color: #1e293b; background: #f1f5f9; line-height: 1.6; }
a { color: #1d4ed8; }
h1 { font-size: 18px; margin: 0; }
h2 { font-size: 15px; margin: 0 0 8px; }
button.go { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.sev { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; color: #fff; white-space: nowrap; }
.sev-error .sev, .sev.sev-error { background: #dc2626; }
.sev-warning .sev, .sev.sev-warning { background: #d97706; }
.sev-info .sev, .sev.sev-info { background: #0284c7; }
.muted { color: #64748b; }
`;

const INDEX_CSS = `
body { padding: 16px 24px; }
header { margin-bottom: 12px; }
.summary { margin: 4px 0 0; color: #475569; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; background: #fff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
.controls fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.controls legend { float: left; margin-right: 8px; font-weight: 600; }
.controls input[type=search] { font: inherit; padding: 3px 8px; width: 18em; }
table.filings { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #e2e8f0; }
table.filings th, table.filings td { padding: 5px 8px; border-bottom: 1px solid #e2e8f0; text-align: left; vertical-align: top; }
table.filings th { background: #f8fafc; position: sticky; top: 0; cursor: pointer; user-select: none; white-space: nowrap; }
table.filings th[aria-sort=ascending]::after { content: " ▲"; font-size: 10px; }
table.filings th[aria-sort=descending]::after { content: " ▼"; font-size: 10px; }
table.filings td.num, table.filings th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.filings tr:hover td { background: #f8fafc; }
td.count-error:not(:empty) { color: #dc2626; font-weight: 600; }
td.count-warning:not(:empty) { color: #b45309; }
td.count-info:not(:empty) { color: #0369a1; }
.path { font-size: 12px; color: #64748b; word-break: break-all; }
.derived { color: #64748b; }
.pager { display: flex; gap: 8px; align-items: center; margin: 10px 0; }
.pager button { font: inherit; padding: 2px 10px; }
`;

const FILING_CSS = `
body { height: 100vh; display: flex; flex-direction: column; overflow: hidden; }
header.top { background: #fff; border-bottom: 1px solid #cbd5e1; padding: 8px 16px; }
.filing-nav { display: flex; gap: 12px; align-items: baseline; font-size: 13px; margin-bottom: 4px; }
.filing-nav .keys { margin-left: auto; }
.meta { font-size: 12px; color: #475569; word-break: break-all; }
.legend { margin-top: 4px; font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.legend .v, .legend .loc { padding: 0 4px; }
main { flex: 1; display: flex; min-height: 0; }
#doc { flex: 1; overflow: auto; padding: 16px 24px 40vh; }
#panel { width: 470px; flex: none; overflow: auto; scroll-padding-top: 44px; background: #fff; border-left: 1px solid #cbd5e1; padding: 0 14px 40vh; }
.page { background: #fff; max-width: 52em; margin: 0 auto 16px; padding: 20px 36px 24px; box-shadow: 0 1px 3px rgba(15,23,42,.15); border-radius: 2px; }
.page-no { font-size: 12px; color: #94a3b8; text-align: right; margin-bottom: 8px; }
.blk { white-space: pre-wrap; margin: 0 0 6px; line-height: 1.85; }
h2.blk { font-size: 17px; text-align: center; margin: 10px 0; }
h3.blk { font-size: 16px; margin: 10px 0 6px; }
h4.blk, h5.blk, h6.blk { font-size: 14px; margin: 8px 0 4px; }
p.blk { text-indent: 0; }
table.tbl { border-collapse: collapse; width: 100%; margin: 8px 0; white-space: normal; }
table.tbl td { border: 1px solid #94a3b8; padding: 3px 6px; vertical-align: top; white-space: pre-wrap; font-size: 13px; line-height: 1.6; }
.v { border-radius: 2px; cursor: pointer; }
.v-amount { background: #fde68a; }
.v-indicator { background: #bfdbfe; }
.v-indicator.v-row { background: #eff6ff; }
.v-threshold { background: #bbf7d0; }
.v-goal { background: #f3e8ff; }
.v-project { font-weight: 600; border-bottom: 2px dotted #475569; background: none; }
.loc { cursor: pointer; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 4px; }
.loc.sev-error { text-decoration-color: #dc2626; }
.loc.sev-warning { text-decoration-color: #d97706; }
.loc.sev-info { text-decoration-color: #0284c7; }
.loc.copy-in { text-decoration-color: #0d9488; text-decoration-style: dashed; }
.loc:empty::before { content: "⚑"; font-size: 12px; padding: 0 2px; }
.loc.sev-error:empty::before { color: #dc2626; }
.loc.sev-warning:empty::before { color: #d97706; }
.loc.sev-info:empty::before { color: #0284c7; }
.page-mark::before { content: "〔" attr(title) "〕"; color: #94a3b8; font-size: 12px; }
#doc .active, #doc .active * { background: #fdba74 !important; }
#doc .active { outline: 2px solid #ea580c; outline-offset: 1px; animation: flash 1.2s ease-out; }
.flash { animation: flash 1.2s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 6px rgba(234,88,12,.55); } to { box-shadow: 0 0 0 0 rgba(234,88,12,0); } }
.panel-nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #e2e8f0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 13px; z-index: 1; }
#panel section { padding-top: 12px; }
ol.findings, ul.plain { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid #e2e8f0; border-left: 4px solid #94a3b8; border-radius: 4px; padding: 6px 8px; margin-bottom: 8px; cursor: pointer; }
.finding.sev-error { border-left-color: #dc2626; }
.finding.sev-warning { border-left-color: #d97706; }
.finding.sev-info { border-left-color: #0284c7; }
.finding.active, .project.active, #panel .active { background: #fff7ed; }
.finding.active { border-color: #ea580c; }
.f-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; font-size: 12px; }
.f-head .kind { font-weight: 600; }
.msg { margin: 4px 0 0; }
.msg-en { margin: 2px 0 0; font-size: 12px; color: #64748b; }
.nums { margin: 2px 0 0; font-size: 12px; }
.nums b { font-variant-numeric: tabular-nums; }
.locs { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; }
.locs li { padding: 1px 4px; border-radius: 3px; }
.locs li:hover { background: #f1f5f9; }
.locs .role { display: inline-block; min-width: 6.5em; color: #334155; }
.locs q { color: #475569; }
.project { border-bottom: 1px solid #e2e8f0; padding: 8px 0; }
.project-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.project-head .name { font-weight: 600; color: #0f172a; }
.project details { font-size: 13px; }
.project summary { cursor: pointer; color: #475569; font-size: 12px; }
.caption { font-size: 12px; color: #475569; margin: 0; }
.caption.mismatch { color: #b91c1c; }
svg.bars { display: block; margin: 4px 0 2px; font-size: 12px; font-family: inherit; }
svg.bars .bar { cursor: pointer; }
svg.bars .bar-label, svg.bars .bar-value { fill: #334155; }
svg.bars .bar-declared .bar-length { fill: #64748b; }
svg.bars .bar-computed .bar-length { fill: #16a34a; }
svg.bars.mismatch .bar-computed .bar-length { fill: #dc2626; }
svg.bars .bar.active .bar-hit { fill: #ffedd5; }
svg.bars.mismatch .bar-value { font-weight: 600; }
ul.funding { margin: 4px 0; padding-left: 1.2em; }
ul.goals, ol.goals { margin: 4px 0; padding-left: 1.4em; }
table.indicators { border-collapse: collapse; width: 100%; font-size: 12px; margin: 4px 0; }
table.indicators th, table.indicators td { border-bottom: 1px solid #e2e8f0; padding: 2px 4px; text-align: left; vertical-align: top; }
.amt { font-variant-numeric: tabular-nums; }
.amt.none { color: #b91c1c; }
button.go:hover, [data-targets]:hover > .go { text-decoration: underline; }
h3.sub { font-size: 13px; margin: 10px 0 4px; color: #334155; }
`;

export const INDEX_STYLE: Html = raw(`<style>${BASE_CSS}${INDEX_CSS}</style>`);
export const FILING_STYLE: Html = raw(`<style>${BASE_CSS}${FILING_CSS}</style>`);

/**
 * The filing page: panel entries name the marks they stand for in `data-targets`; marks carry `data-id`.
 * A click on either side highlights every element of those marks (both sides of a mismatch) and
 * scrolls them into view. Fragments: #f3 a finding, #o120-245 text another filing's copy finding
 * points at (or just #o120: the block holding that offset).
 */
const FILING_JS = `
(() => {
  const doc = document.getElementById('doc');
  const panel = document.getElementById('panel');
  let active = [];
  const entryFor = new Map();
  // the first entry naming a mark wins: finding cards come before their location chips, project charts before lists
  for (const entry of panel.querySelectorAll('[data-targets]')) {
    for (const id of entry.dataset.targets.split(' ')) if (!entryFor.has(id)) entryFor.set(id, entry);
  }
  const marksOf = (ids) => ids.flatMap((id) => [...doc.querySelectorAll('[data-id="' + CSS.escape(id) + '"]')]);
  function clear() {
    for (const el of active) el.classList.remove('active');
    active = [];
  }
  function activate(entry, ids, scrollDoc, scrollPanel) {
    clear();
    const marks = marksOf(ids);
    const card = entry && (entry.closest('.finding') || entry);
    for (const el of card ? [card, ...marks] : marks) {
      el.classList.add('active');
      active.push(el);
    }
    if (card) {
      const details = card.closest('details');
      if (details) details.open = true;
    }
    if (scrollDoc && marks.length) marks[0].scrollIntoView({ block: 'center' });
    if (scrollPanel && card) card.scrollIntoView({ block: 'nearest' });
    return marks.length;
  }
  function targetsOf(entry) {
    return entry.dataset.targets ? entry.dataset.targets.split(' ') : [];
  }
  panel.addEventListener('click', (event) => {
    if (event.target.closest('a[href]')) return;
    const entry = event.target.closest('[data-targets]');
    if (!entry) return;
    activate(entry, targetsOf(entry), true, false);
    const finding = entry.closest('.finding');
    if (finding) history.replaceState(null, '', '#' + finding.id);
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const entry = event.target.closest('[data-targets]');
    if (!entry || event.target.tagName === 'BUTTON') return;
    event.preventDefault();
    activate(entry, targetsOf(entry), true, false);
  });
  doc.addEventListener('click', (event) => {
    for (let el = event.target.closest('[data-id]'); el; el = el.parentElement && el.parentElement.closest('[data-id]')) {
      const entry = entryFor.get(el.dataset.id);
      if (entry) {
        activate(entry, targetsOf(entry), false, true);
        return;
      }
    }
  });
  function scrollToOffset(offset) {
    const leaf = [...doc.querySelectorAll('[data-s]')].find((el) => Number(el.dataset.s) <= offset && offset <= Number(el.dataset.e));
    if (!leaf) return;
    clear();
    leaf.classList.add('active');
    active.push(leaf);
    leaf.scrollIntoView({ block: 'center' });
  }
  function fromHash() {
    const fragment = decodeURIComponent(location.hash.slice(1));
    if (!fragment) return;
    const entry = document.getElementById(fragment);
    if (entry && entry.dataset.targets) {
      activate(entry, targetsOf(entry), true, true);
      return;
    }
    const offset = /^o(\\d+)(?:-\\d+)?$/.exec(fragment);
    if (offset && !activate(entryFor.get(fragment) || null, [fragment], true, true)) scrollToOffset(Number(offset[1]));
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
  // j / k: next / previous finding; [ / ]: previous / next filing
  const cards = [...panel.querySelectorAll('.finding')];
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) return;
    if (event.key === 'j' || event.key === 'k') {
      if (!cards.length) return;
      const current = cards.findIndex((c) => c.classList.contains('active'));
      const next = event.key === 'j' ? Math.min(cards.length - 1, current + 1) : Math.max(0, current - 1);
      activate(cards[next], targetsOf(cards[next]), true, true);
      history.replaceState(null, '', '#' + cards[next].id);
    } else if (event.key === '[' || event.key === ']') {
      const link = document.querySelector(event.key === ']' ? 'a[rel=next]' : 'a[rel=prev]');
      if (link) location.href = link.href;
    }
  });
})();
`;

/**
 * The index: rows come as JSON (\\u003c-escaped) and are filtered, sorted and shown 100 at a time, so a
 * page for thousands of filings stays light. Cells are written with textContent: no row text is markup.
 */
const INDEX_JS = `
(() => {
  const rows = JSON.parse(document.getElementById('filings-data').textContent);
  const PAGE_SIZE = 100;
  const body = document.querySelector('table.filings tbody');
  const headers = [...document.querySelectorAll('table.filings th[data-key]')];
  const kindBoxes = [...document.querySelectorAll('input[name=kind]')];
  const search = document.getElementById('search');
  const pageInfo = document.getElementById('page-info');
  const state = { key: 'id', direction: 1, page: 0 };
  // sorting only: the totals shown are the exact decimal text
  const value = (row, key) => (key === 'total' ? (row.total === null ? null : Number(row.total)) : key === 'department' ? row.department || row.units || null : row[key]);
  function compare(a, b) {
    const x = value(a, state.key);
    const y = value(b, state.key);
    if (x === y) return a.id - b.id;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-Hans-CN')) * state.direction;
  }
  function visible() {
    const kinds = kindBoxes.filter((box) => box.checked).map((box) => box.value);
    const query = search.value.trim().toLowerCase();
    return rows
      .filter((row) => kinds.length === 0 || kinds.some((kind) => row.kinds[kind]))
      .filter((row) => !query || [row.path, row.department, row.units, String(row.id)].join(' ').toLowerCase().includes(query))
      .sort(compare);
  }
  function cell(tr, text, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    if (text !== null && text !== undefined) td.textContent = String(text);
    tr.appendChild(td);
    return td;
  }
  function render() {
    const list = visible();
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const fragment = document.createDocumentFragment();
    for (const row of list.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE)) {
      const tr = document.createElement('tr');
      cell(tr, row.id, 'num');
      const file = cell(tr, null);
      const link = document.createElement('a');
      link.href = 'filing-' + row.id + '.html';
      link.textContent = row.name;
      const path = document.createElement('div');
      path.className = 'path';
      path.textContent = row.path + ' · ' + row.format.toUpperCase();
      file.append(link, path);
      if (row.department) cell(tr, row.department);
      else cell(tr, row.units, 'derived').title = '文件未写明部门：各项目的实施单位';
      cell(tr, row.year, 'num');
      cell(tr, row.projects, 'num');
      cell(tr, row.totalText, 'num');
      cell(tr, row.error || '', 'num count-error');
      cell(tr, row.warning || '', 'num count-warning');
      cell(tr, row.info || '', 'num count-info');
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    pageInfo.textContent = '第 ' + (state.page + 1) + ' / ' + pages + ' 页，共 ' + list.length + ' 个文件';
    document.getElementById('prev-page').disabled = state.page === 0;
    document.getElementById('next-page').disabled = state.page >= pages - 1;
    for (const th of headers) th.setAttribute('aria-sort', th.dataset.key === state.key ? (state.direction > 0 ? 'ascending' : 'descending') : 'none');
  }
  for (const th of headers) {
    th.addEventListener('click', () => {
      state.direction = state.key === th.dataset.key ? -state.direction : th.dataset.key === 'id' || th.dataset.key === 'name' ? 1 : -1;
      state.key = th.dataset.key;
      state.page = 0;
      render();
    });
  }
  for (const box of kindBoxes) box.addEventListener('change', () => { state.page = 0; render(); });
  search.addEventListener('input', () => { state.page = 0; render(); });
  document.getElementById('prev-page').addEventListener('click', () => { state.page -= 1; render(); });
  document.getElementById('next-page').addEventListener('click', () => { state.page += 1; render(); });
  render();
})();
`;

export const FILING_SCRIPT: Html = raw(`<script>${FILING_JS}</script>`);
export const INDEX_SCRIPT: Html = raw(`<script>${INDEX_JS}</script>`);
