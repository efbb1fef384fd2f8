import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { readDocument } from '../../src/normalize/read-document.js';
import { sharedDir } from '../helpers/paths.js';

/**
 * Real public documents from ../shared/real-filings (not ours to ship; skipped with a message where absent):
 * the page text of three 2026 Shanghai Putuo department budgets, two with a 财政项目支出绩效目标申报表 whose
 * narrow columns wrapped their cells, and five 2024 部门决算 PDFs of the sister genre.
 */
const file = path.join(sharedDir, 'real-filings', '01_shanghai_putuo_2026_dept_budgets_perf_forms.txt');
const present = existsSync(file);
if (!present) console.warn(`SKIPPED: the real Shanghai forms — ${file} is absent (it is not ours to ship)`);

describe.skipIf(!present)('real flattened forms (Shanghai Putuo, 2026)', () => {
  it('reads both forms: name, unit, year total in 万元, goals, and every indicator with its value', async () => {
    const document = await readDocument('txt', readFileSync(file));
    const projects = extractFiling(document).projects;
    const summary = (name: string) => {
      const p = projects.find((q) => q.name === name);
      if (!p) throw new Error(`no project ${name} among ${projects.map((q) => q.name).join(', ')}`);
      return {
        department: p.department,
        total: p.total?.wan,
        goals: p.goals.map((g) => g.kind),
        indicators: p.indicators.length,
        satisfaction: p.indicators.filter((i) => i.category === '满意度').map((i) => [i.name, i.thresholds[0]?.op, i.thresholds[0]?.value]),
      };
    };
    expect(summary('兰溪路-真南路下立交工程')).toEqual({
      department: '上海市普陀区市政工程建设中心',
      total: '22614.51',
      goals: ['overall', 'annual'],
      indicators: 9,
      satisfaction: [['居民群众满意度', '>=', 90]],
    });
    expect(summary('拆违经费')).toEqual({
      department: '上海市普陀区城市管理行政执法局执法大队',
      total: '349.8',
      goals: ['overall', 'overall', 'overall', 'overall', 'annual', 'annual', 'annual', 'annual'],
      indicators: 8,
      satisfaction: [['群众满意度', '>=', 90]],
    });
  });

  it("finds no sum or cross-section mismatch in them; the year's goals pasted from the overall ones, and the form the third budget only points to, are reported", async () => {
    const document = await readDocument('txt', readFileSync(file));
    const findings = runChecks({ document, extraction: extractFiling(document) });
    expect(findings.filter((f) => ['sum_mismatch', 'cross_section_mismatch'].includes(f.kind))).toEqual([]);
    expect(findings.filter((f) => f.kind === 'missing_value' && f.message.includes('详见')).map((f) => f.project)).toEqual([
      '真如海心剧院精装修工程项目经费',
    ]);
    // 拆违经费's form writes the same four goals as the overall and as the year's
    expect(findings.filter((f) => f.message.startsWith('年度目标与总体目标相同')).map((f) => f.project)).toEqual(['拆违经费']);
  });
});

const finalAccounts = [1, 2, 3, 4, 5].map((n) => path.join(sharedDir, 'real-filings', `govbudget_${n}.pdf`)).filter((f) => existsSync(f));
if (finalAccounts.length === 0)
  console.warn(`SKIPPED: the real 部门决算 PDFs — ${path.join(sharedDir, 'real-filings')} is absent (they are not ours to ship)`);

describe.skipIf(finalAccounts.length === 0)('real 部门决算 disclosures (the sister genre)', () => {
  it('take none of their template sections (收入支出决算总体情况说明, 其他重要事项…) for projects', async () => {
    for (const file of finalAccounts) {
      const document = await readDocument('pdf', readFileSync(file));
      const extraction = extractFiling(document);
      expect({ file: path.basename(file), projects: extraction.projects.map((p) => p.name) }).toEqual({
        file: path.basename(file),
        projects: [],
      });
      expect(runChecks({ document, extraction }).filter((f) => f.kind === 'missing_value')).toEqual([]);
    }
  }, 60_000);
});

const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (finalAccounts.length > 0 && !pdftotext) console.warn('SKIPPED: text completeness against pdftotext — poppler-utils is not installed');

/** Each Han character and digit, with how often it occurs. */
function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (/[\p{Script=Han}\d]/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe.skipIf(finalAccounts.length === 0 || !pdftotext)('real PDFs against pdftotext', () => {
  it('keep every character of text that poppler reads (real embedded CJK fonts, tables in 万元)', async () => {
    for (const file of finalAccounts) {
      const document = await readDocument('pdf', readFileSync(file));
      const reference = characterCounts(
        spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout,
      );
      const ours = characterCounts(document.text);
      let total = 0;
      let kept = 0;
      for (const [ch, n] of reference) {
        total += n;
        kept += Math.min(n, ours.get(ch) ?? 0);
      }
      expect({ file: path.basename(file), share: kept / total }).toEqual({ file: path.basename(file), share: 1 });
    }
  }, 60_000);
});
