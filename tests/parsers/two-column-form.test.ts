import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { readDocument } from '../../src/normalize/read-document.js';
import { docxAndPdf, warnWithoutPdf, type Rendering } from '../helpers/renderings.js';

/**
 * A 财政项目支出绩效目标申报表 as Shanghai districts fill it in: funds in 元, the multi-year and the year's
 * columns side by side, a 项目绩效目标 cell spanning the two goals' rows, and columns so narrow that labels
 * and amounts wrap ("771,325,800.0" / "0"). Written as a DOCX, and rendered to PDF where LibreOffice is.
 */
function formDocx(carriedOver: string): Promise<Buffer> {
  const cell = (text: string, span: { cs?: number; rs?: number } = {}) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, size: 18 })] })], columnSpan: span.cs, rowSpan: span.rs });
  const rows = [
    [cell('项目名称'), cell('兰溪路-真南路下立交工程'), cell('项目性质'), cell('阶段性项目'), cell('项目类别'), cell('特定目标类')],
    [cell('主管部门'), cell('上海市普陀区建设和管理委员会', { cs: 2 }), cell('实施单位'), cell('上海市普陀区市政工程建设中心', { cs: 2 })],
    [
      cell('项目资金（元）', { rs: 4 }),
      cell('项目资金总额'),
      cell('771,325,800.00'),
      cell('年度资金申请总额', { cs: 2 }),
      cell('226,145,100.00'),
    ],
    [cell('其中：财政资金'), cell('771,325,800.00'), cell('其中：当年财政拨款', { cs: 2 }), cell('226,145,100.00')],
    [cell(''), cell(''), cell('上年结转资金', { cs: 2 }), cell(carriedOver)],
    [cell('其他资金'), cell('0'), cell('其他资金', { cs: 2 }), cell('0')],
    [cell('项目绩效目标', { rs: 2 }), cell('项目总目标', { cs: 2 }), cell('年度总体目标', { cs: 3 })],
    [
      cell('为居民出行提供快速便捷的通道，完善、提高了路网服务功能，分流中环路的交通压力。', { cs: 2 }),
      cell('积极推进项目前期征收工作，年内开展管线搬迁及维护结构施工。', { cs: 3 }),
    ],
    [cell('一级指标'), cell('二级指标'), cell('三级指标', { cs: 2 }), cell('年度(/项目)指标值', { cs: 2 })],
    [cell('产出指标', { rs: 2 }), cell('数量指标'), cell('道路建设长度', { cs: 2 }), cell('985米', { cs: 2 })],
    [cell('质量指标'), cell('项目验收达标率', { cs: 2 }), cell('=100.00(%)', { cs: 2 })],
    [cell('满意度指标'), cell('服务对象满意度指标'), cell('居民群众满意度', { cs: 2 }), cell('≥90.00(%)', { cs: 2 })],
  ].map((children) => new TableRow({ children }));
  const lines = [
    '兰溪路-真南路下立交工程项目经费情况说明',
    '一、年度预算安排',
    '2026年度预算安排22,614.51万元。',
    '二、绩效目标',
    '详见单位的项目绩效目标表',
    '财政项目支出绩效目标申报表',
    '（2026年度）',
  ];
  const document = new Document({
    sections: [
      {
        children: [
          ...lines.map((text) => new Paragraph({ children: [new TextRun(text)] })),
          new Table({ rows, columnWidths: [900, 1500, 1600, 900, 1500, 1600], width: { size: 8000, type: WidthType.DXA } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function read(format: Rendering['format'], bytes: Uint8Array) {
  const document = await readDocument(format, bytes);
  const extraction = extractFiling(document);
  return { extraction, findings: runChecks({ document, extraction }) };
}

const rendered = async (carriedOver: string) => docxAndPdf(await formDocx(carriedOver), 'two-column');

warnWithoutPdf('the two-column form');

describe('a two-column form with wrapped cells, as DOCX and as PDF', () => {
  it('gives the project its funds in 万元, both goals and its indicators, with no false finding', async () => {
    for (const { format, bytes } of await rendered('0')) {
      const { extraction, findings } = await read(format, bytes);
      expect(
        extraction.projects.map((p) => p.name),
        format,
      ).toEqual(['兰溪路-真南路下立交工程']);
      const [project] = extraction.projects;
      expect([format, project.department, project.total?.wan]).toEqual([format, '上海市普陀区市政工程建设中心', '22614.51']);
      // a PDF cell wraps "771,325,800.00" after its first decimal: the figure is read whole
      expect([format, project.form_fields.map((f) => [f.field, f.role, f.amount.wan])]).toEqual([
        format,
        [
          ['项目资金总额', 'multi_year_total', '77132.58'],
          ['年度资金申请总额', 'total', '22614.51'],
          ['财政资金', 'part', '77132.58'],
          ['当年财政拨款', 'part', '22614.51'],
          ['上年结转资金', 'part', '0'],
          ['其他资金', 'part', '0'],
          ['其他资金', 'part', '0'],
        ],
      ]);
      // the goals sit under their labels, though a PDF table leaves out the cell that spans both rows
      expect([format, project.goals.map((g) => [g.kind, g.text.slice(0, 8)])]).toEqual([
        format,
        [
          ['overall', '为居民出行提供快'],
          ['annual', '积极推进项目前期'],
        ],
      ]);
      expect([format, project.indicators.map((i) => [i.category, i.name, i.thresholds[0]?.op, i.thresholds[0]?.value])]).toEqual([
        format,
        [
          ['产出', '道路建设长度', '=', 985],
          ['产出', '项目验收达标率', '=', 100],
          ['满意度', '居民群众满意度', '>=', 90],
        ],
      ]);
      expect([format, findings.map((f) => f.kind)]).toEqual([format, []]);
    }
  }, 120_000);

  it("reports the year's column when its parts do not add up", async () => {
    for (const { format, bytes } of await rendered('1,000,000.00')) {
      const { findings } = await read(format, bytes);
      expect([format, findings.filter((f) => f.kind === 'sum_mismatch').map((f) => [f.expected, f.actual])]).toEqual([
        format,
        [['22614.51', '22714.51']],
      ]);
    }
  }, 120_000);
});
