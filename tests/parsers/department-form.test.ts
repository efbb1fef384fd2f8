import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { readDocument } from '../../src/normalize/read-document.js';
import { docxAndPdf, warnWithoutPdf } from '../helpers/renderings.js';

/**
 * A 部门整体支出绩效目标申报表 with merged cells (年度主要任务 down its rows, 预算金额 across its three
 * columns, 金额合计 across three), as a DOCX and, where LibreOffice is, as a PDF: getTable leaves the cells
 * of a vertical merge out of the rows below, so the tasks' cells stand further left than their headers.
 */
function formDocx(flood: string): Promise<Buffer> {
  const cell = (text: string, span: { cs?: number; rs?: number } = {}) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, size: 18 })] })], columnSpan: span.cs, rowSpan: span.rs });
  const rows = [
    [cell('部门（单位）名称'), cell('青浦区水务局', { cs: 5 })],
    [cell('年度主要任务', { rs: 4 }), cell('任务名称', { rs: 2 }), cell('主要内容', { rs: 2 }), cell('预算金额（万元）', { cs: 3 })],
    [cell('总额'), cell('财政拨款'), cell('其他资金')],
    [cell('河道保洁'), cell('全区河道日常保洁'), cell('120'), cell('100'), cell('20')],
    [cell('防汛保障'), cell('汛期值守与抢险'), cell('80'), cell(flood), cell('0')],
    [cell('金额合计', { cs: 3 }), cell('200'), cell('180'), cell('20')],
    [cell('年度总体目标'), cell('保障河道环境整洁，确保安全度汛。', { cs: 5 })],
    [cell('年度绩效指标', { rs: 3 }), cell('一级指标'), cell('二级指标'), cell('三级指标', { cs: 2 }), cell('指标值')],
    [cell('产出指标'), cell('数量指标'), cell('保洁河道长度', { cs: 2 }), cell('≥120公里')],
    [cell('满意度指标'), cell('服务对象满意度'), cell('居民满意度', { cs: 2 }), cell('≥90%')],
  ].map((children) => new TableRow({ children }));
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('部门整体支出绩效目标申报表')] }),
          new Paragraph({ children: [new TextRun('（2025年度）')] }),
          new Table({ rows, columnWidths: [1500, 1500, 2100, 1300, 1300, 1300], width: { size: 9000, type: WidthType.DXA } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const renderings = async (flood: string) => docxAndPdf(await formDocx(flood), 'department-form');

warnWithoutPdf('the department-wide form');

describe('a department-wide form with merged cells, as DOCX and as PDF', () => {
  it('gives each task its content, budget and sources, the 金额合计, and the department’s goal and indicators', async () => {
    for (const { format, bytes } of await renderings('80')) {
      const document = await readDocument(format, bytes);
      const extraction = extractFiling(document);
      const tasks = extraction.department_tasks.map((t) => [
        t.name,
        t.content,
        t.amount?.wan,
        t.parts.map((p) => `${p.label}=${p.amount?.wan}`),
      ]);
      expect([format, extraction.department, tasks]).toEqual([
        format,
        '青浦区水务局',
        [
          ['河道保洁', '全区河道日常保洁', '120', ['财政拨款=100', '其他资金=20']],
          ['防汛保障', '汛期值守与抢险', '80', ['财政拨款=80', '其他资金=0']],
        ],
      ]);
      expect([format, extraction.department_tasks_total?.amount?.wan, extraction.department_indicators.map((i) => i.name)]).toEqual([
        format,
        '200',
        ['保洁河道长度', '居民满意度'],
      ]);
      expect([format, extraction.department_form_goals.map((g) => g.text)]).toEqual([format, ['保障河道环境整洁，确保安全度汛']]);
      expect([format, runChecks({ document, extraction }).map((f) => f.kind)]).toEqual([format, []]);
    }
  }, 120_000);

  it('reports a task whose sources do not add up to its budget', async () => {
    for (const { format, bytes } of await renderings('70')) {
      const document = await readDocument(format, bytes);
      const sums = runChecks({ document, extraction: extractFiling(document) }).filter((f) => f.kind === 'sum_mismatch');
      // the task's sources, and the 财政拨款 column against the 金额合计's
      expect([format, sums.map((f) => [f.expected, f.actual])]).toEqual([
        format,
        [
          ['80', '70'],
          ['180', '170'],
        ],
      ]);
    }
  }, 120_000);
});
