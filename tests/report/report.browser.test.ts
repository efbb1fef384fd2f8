import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexPage, type IndexRow } from '../../src/report/index-page.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot, samplePath } from '../helpers/paths.js';

/**
 * The report as a reviewer sees it: pages opened from the file system in Chromium (Debian's package;
 * .ci/run installs it). Skipped with a message where it is absent.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: report browser tests — ${CHROMIUM} is absent (apt-get install chromium fonts-noto-cjk)`);

/** A TXT filing whose text, project name and file name are markup: all of it must show as text. */
const HOSTILE_NAME = '<img src=x onerror=alert(3)>.txt';
const HOSTILE_TEXT = `测试局2022年部门预算项目绩效目标

关于<script>alert(1)</script>项目绩效目标指标的说明

一、项目基本情况
（一）项目概况
<script>alert(1)</script>项目是我部门为履行职责设置的。<img src=x onerror="alert(2)">内容包括以下2个方面：
1、开展</script><b>粗体</b>活动；
2、推动&amp;建设。
（二）资金安排情况
2022年该项目主要安排一般公共预算资金共计30万元，其中：
1、宣传方面，安排10万元；
2、<i>培训</i>方面，安排15万元。
`;

/** The sample's four sum mismatches: project, declared total, sum of the items. */
const SAMPLE_MISMATCHES = [
  ['综治工作经费项目', '33', '8'],
  ['社区矫正基地维护项目', '14.5', '16'],
  ['群众中心办公楼维护项目', '41.3', '40.6'],
  ['法制工作专项项目', '243.08', '167'],
] as const;

/** Texts of the highlighted elements in the document, and whether each is within the visible document pane. */
async function activeMarks(page: Page): Promise<{ text: string; visible: boolean }[]> {
  return page.$$eval('#doc .active', (elements) => {
    const pane = document.getElementById('doc')!.getBoundingClientRect();
    return elements.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', visible: r.top >= pane.top && r.bottom <= pane.bottom && r.height > 0 };
    });
  });
}

describe.skipIf(!hasChromium)('filings report in a browser', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-report-'));
  const db = path.join(dir, 'report.sqlite');
  const out = path.join(dir, 'report');
  const url = (file: string) => pathToFileURL(path.join(out, file)).href;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const hostile = path.join(dir, 'in', HOSTILE_NAME);
    mkdirSync(path.dirname(hostile), { recursive: true });
    writeFileSync(hostile, HOSTILE_TEXT);
    // one at a time so that the ids are known: 1 the sample (TXT), 2 its DOCX twin (a copy of #1), 3 the hostile filing
    for (const file of [samplePath('txt'), samplePath('docx'), hostile]) expect(runCli(['ingest', file, '--db', db]).code).toBe(0);
    const run = runCli(['report', '--db', db, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/report: 3\/3 filing pages/);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // nothing is fetched: the report is self-contained
    await page.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the sample’s four sum mismatches with the declared total and the computed sum as bars', async () => {
    await page.goto(url('filing-1.html'));
    const cards = page.locator('.finding[data-kind=sum_mismatch]');
    expect(await cards.count()).toBe(4);
    for (const [project, declared, computed] of SAMPLE_MISMATCHES) {
      const card = cards.filter({ has: page.locator('.project-name', { hasText: project }) });
      expect(await card.count()).toBe(1);
      expect(await card.locator('svg.bars .bar-label').allTextContents()).toEqual(['声明总额', '明细合计']);
      expect(await card.locator('svg.bars .bar-value').allTextContents()).toEqual([declared, computed]);
      expect(await card.locator('.msg-en').innerText()).toContain(`The declared total of ${declared} 万元`);
    }
  });

  it('highlights both sides of a mismatch in the text when the finding is clicked, and scrolls to them', async () => {
    await page.goto(url('filing-1.html'));
    const card = page.locator('.finding[data-kind=sum_mismatch]', { has: page.locator('.project-name', { hasText: '综治工作经费项目' }) });
    await card.locator('.msg').click();
    expect(await card.getAttribute('class')).toContain('active');
    const marks = await activeMarks(page);
    expect(marks.map((m) => m.text)).toEqual(['33万元', '8万元']);
    expect(marks.every((m) => m.visible)).toBe(true);
    expect(page.url()).toMatch(/#f\d+$/);

    // both sides of a mismatch pages apart: the declared total is scrolled to, every item is marked
    const law = page.locator('.finding[data-kind=sum_mismatch]', { has: page.locator('.project-name', { hasText: '法制工作专项项目' }) });
    await law.locator('.msg').click();
    const lawMarks = await activeMarks(page);
    expect(lawMarks.map((m) => m.text)).toEqual(['243.08万元', '90万元', '28万元', '5万元', '44万元', '其他欠款等']);
    expect(lawMarks[0].visible).toBe(true);
  });

  it('goes the other way too: clicking a marked figure in the text selects its finding', async () => {
    await page.goto(url('filing-1.html'));
    await page
      .locator('#doc .loc', { hasText: /^14\.5万元$/ })
      .first()
      .click();
    const active = page.locator('#panel .finding.active');
    expect(await active.count()).toBe(1);
    expect(await active.locator('.project-name').innerText()).toBe('社区矫正基地维护项目');
  });

  it('draws declared total and computed sum as two bars per project, the mismatch marked', async () => {
    await page.goto(url('filing-1.html'));
    for (const [project, declared, computed] of SAMPLE_MISMATCHES) {
      const entry = page.locator('#sec-projects .project', {
        has: page.locator('.project-head .name', { hasText: new RegExp(`^${project}$`) }),
      });
      const chart = entry.locator('svg.bars');
      expect(await chart.locator('.bar-value').allTextContents()).toEqual([declared, computed]);
      expect(await chart.getAttribute('class')).toContain('mismatch');
      const widths = await chart.locator('rect.bar-length').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
      expect(widths[0] > widths[1]).toBe(Number(declared) > Number(computed));
    }
    const balanced = page
      .locator('#sec-projects .project', { has: page.locator('.name', { hasText: /^信访维稳项目$/ }) })
      .locator('svg.bars');
    expect(await balanced.locator('.bar-value').allTextContents()).toEqual(['50', '50']);
    expect(await balanced.getAttribute('class')).not.toContain('mismatch');
    // the computed bar highlights the items it sums
    await page
      .locator('#sec-projects .project', { has: page.locator('.name', { hasText: /^综治工作经费项目$/ }) })
      .locator('.bar-computed')
      .click();
    expect((await activeMarks(page)).map((m) => m.text)).toEqual(['8万元']);

    mkdirSync(path.join(repoRoot, 'output'), { recursive: true });
    await page
      .locator('.finding[data-kind=sum_mismatch]', { has: page.locator('.project-name', { hasText: '综治工作经费项目' }) })
      .locator('.msg')
      .click();
    await page.screenshot({ path: path.join(repoRoot, 'output', 'report-screenshot.png') });
  });

  it('links a copy finding to the other filing’s page, where the copied text is highlighted', async () => {
    await page.goto(url('filing-2.html'));
    const copy = page.locator('.finding[data-kind=copied_section]');
    const link = copy.locator('a[href^="filing-1.html#o"]');
    expect(await link.count()).toBe(1);
    await link.click();
    expect(page.url()).toContain('filing-1.html#o');
    const marks = await activeMarks(page);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0].text).toMatch(/^2022年，政法委在区工委的正确领导下/);
    expect(marks[0].visible).toBe(true);
    // and the copied filing links back to the finding
    expect(await page.locator('#sec-copies a[href^="filing-2.html#f"]').count()).toBe(1);
  });

  it('shows markup from a filing as text and runs none of it', async () => {
    await page.goto(url('filing-3.html'));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>alert(1)</script>项目是我部门');
    expect(text).toContain('<img src=x onerror="alert(2)">');
    expect(text).toContain('1、开展</script><b>粗体</b>活动；');
    expect(text).toContain('&amp;');
    expect(await page.locator('#panel .project-head .name').innerText()).toBe('<script>alert(1)</script>项目');
    expect(await page.locator('#doc img, #doc b, #doc i, #panel img').count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);

    await page.goto(url('index.html'));
    expect(await page.locator('table.filings tbody').innerText()).toContain(HOSTILE_NAME);
    expect(await page.locator('table.filings img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('index: every filing with its figures; sorts on a header click, filters by kind of finding', async () => {
    await page.goto(url('index.html'));
    const rows = page.locator('table.filings tbody tr');
    expect(await rows.count()).toBe(3);
    const first = await rows.first().locator('td').allInnerTexts();
    expect(first.slice(0, 6)).toEqual([
      '1',
      expect.stringContaining('000_96c11c9fa2daaa8c.txt'),
      '信访办、综治办、国安办等',
      '2022',
      '15',
      '1,424.88',
    ]);
    expect(first.slice(6)).toEqual(['6', '15', '']);

    await page.locator('th[data-key=total]').click();
    expect(await page.locator('th[data-key=total]').getAttribute('aria-sort')).toBe('descending');
    expect(await rows.locator('td:nth-child(6)').allInnerTexts()).toEqual(['1,424.88', '1,424.88', '30']);
    await page.locator('th[data-key=total]').click();
    expect(await rows.locator('td:nth-child(6)').allInnerTexts()).toEqual(['30', '1,424.88', '1,424.88']);

    await page.locator('input[name=kind][value=duplicate_section]').check();
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(['1', '2']);
    await page.locator('input[name=kind][value=copied_section]').check();
    await page.locator('input[name=kind][value=duplicate_section]').uncheck();
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(['2']);
  });

  it('index: shows thousands of filings 100 at a time', async () => {
    const rows: IndexRow[] = Array.from({ length: 2345 }, (_, k) => ({
      id: k + 1,
      name: `f${k + 1}.txt`,
      path: `in/f${k + 1}.txt`,
      format: 'txt',
      department: `部门${k % 7}`,
      units: '',
      year: 2022,
      projects: k % 5,
      total: String(k * 10 + 0.5),
      totalText: String(k * 10 + 0.5),
      error: k % 3,
      warning: 0,
      info: 0,
      kinds: k % 3 ? { sum_mismatch: k % 3 } : {},
    }));
    const file = path.join(dir, 'big-index.html');
    writeFileSync(file, indexPage(rows, 'now'));
    await page.goto(pathToFileURL(file).href);
    const body = page.locator('table.filings tbody tr');
    expect(await body.count()).toBe(100);
    expect(await page.locator('#page-info').innerText()).toBe('第 1 / 24 页，共 2345 个文件');
    await page.locator('#next-page').click();
    expect(await body.first().locator('td').first().innerText()).toBe('101');
    await page.locator('input[name=kind][value=sum_mismatch]').check();
    expect(await page.locator('#page-info').innerText()).toBe('第 1 / 16 页，共 1563 个文件');
    await page.locator('#search').fill('部门3');
    expect(await page.locator('#page-info').innerText()).toMatch(/共 2\d\d 个文件/);
  });
});
