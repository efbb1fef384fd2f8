import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, evaluate, type Field, type FieldScore } from '../../src/dev/eval/evaluate.js';
import { splitLines, type SourceCell } from '../../src/parsers/source-items.js';
import { processFile } from '../../src/pipeline/process.js';
import { PageText, continueRows } from '../../src/parsers/pdf-tables.js';
import { generateFiling } from '../../src/dev/synth/generate.js';
import { Rng } from '../../src/dev/synth/random.js';
import { findSoffice, toDocx, toPdfBatch } from '../../src/dev/synth/write.js';

/** A page's text as pdf-parse's getText gives it: a row's cells apart by spaces, a cell's wrapped lines on lines of their own. */
const page = (text: string) => new PageText(splitLines(text, 0, 1).flatMap((item) => (item.kind === 'line' ? [item] : [])));

describe('a merged cell that getTable cut by the columns around it', () => {
  const text = [
    '项目名称 业务能力培训',
    '主管部门 安平县应急管理局 实施单位 安全生产监督管理',
    '股',
    '年度总体目标 1.开展岗位练兵活动；',
    '2.选派业务骨干参加上级培训；',
    '3.组织干部职工开展业务能力培训。',
    '年度目标 委托第三方机构开展重点项目绩效评价。',
    '质量指标 重点人群签约覆盖',
    '率',
    '≥98%',
  ].join('\n');

  it('is read in the page order when its pieces came out of order', () => {
    expect(
      page(text).reorderMergedCell([
        '年度总体目标',
        '1.开展岗位练兵活动\n2.选派业务骨干参加\n3.组织干部职工开展业务能力培训。',
        '；上级培训；',
      ]),
    ).toEqual(['年度总体目标', '1.开展岗位练兵活动；\n2.选派业务骨干参加上级培训；\n3.组织干部职工开展业务能力培训。']);
  });

  it('is one cell when the cut falls inside a run of characters', () => {
    expect(page(text).reorderMergedCell(['年度目标', '委托第三方机构开展重', '点项目绩效评价。'])).toEqual([
      '年度目标',
      '委托第三方机构开展重点项目绩效评价。',
    ]);
  });

  it('leaves cells alone that the page shows apart, by a space or on lines of their own', () => {
    const row = ['主管部门', '安平县应急管理局', '实施单位', '安全生产监督管理\n股'];
    expect(page(text).reorderMergedCell(row)).toEqual(row);
    const indicator = ['质量指标', '重点人群签约覆盖\n率', '≥98%'];
    expect(page(text).reorderMergedCell(indicator)).toEqual(indicator);
  });
});

describe('a table row broken by a page', () => {
  const cells = (...texts: string[]): SourceCell[] =>
    texts.map((text) => ({ text, sourceStart: 0, exactSource: false, rowSpan: 1, colSpan: 1 }));
  const texts = (rows: SourceCell[][]) => rows.map((row) => row.map((cell) => cell.text));
  const before = [
    cells('一级指标', '二级指标', '三级指标', '符号', '值', '单位'),
    cells('产出指标', '质量指标', '培训考核合', '大于等于', '95', '%'),
  ];

  it('takes the rest of its cells from the top of the next page', () => {
    const after = [cells('', '', '格率', '', '', ''), cells('效益指标', '社会效益', '干部职工业务能力', '定性', '有效提高', '')];
    expect(texts(continueRows(before, after))).toEqual([
      ['一级指标', '二级指标', '三级指标', '符号', '值', '单位'],
      ['产出指标', '质量指标', '培训考核合\n格率', '大于等于', '95', '%'],
      ['效益指标', '社会效益', '干部职工业务能力', '定性', '有效提高', ''],
    ]);
  });

  it('takes the second line of a goal under the empty label column of a form', () => {
    const form = [cells('项目名称', '道路运输安全监管'), cells('年度目标', '1.开展道路运输企业安全检查；')];
    expect(
      texts(continueRows(form, [cells('', '2.组织驾驶员安全教育培训。'), cells('一级指标', '二级指标', '三级指标', '指标值')])),
    ).toEqual([
      ['项目名称', '道路运输安全监管'],
      ['年度目标', '1.开展道路运输企业安全检查；\n2.组织驾驶员安全教育培训。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
    ]);
  });

  it('aligns the rows of the next page under the header of the first page', () => {
    const after = [cells('时效指标', '规划编制按期完成率', '>=', '105', '%')];
    expect(texts(continueRows(before, after)).at(-1)).toEqual(['产出指标', '时效指标', '规划编制按期完成率', '>=', '105', '%']);
  });

  it('keeps a row of its own whose leading cells are merged with the row above', () => {
    const four = [cells('一级指标', '二级指标', '三级指标', '指标值'), cells('产出指标', '数量指标', '整治路段里程', '>=250公里')];
    expect(texts(continueRows(four, [cells('', '', '补植苗木', '≥14400株')]))).toEqual([...texts(four), ['', '', '补植苗木', '≥14400株']]);
  });
});

/**
 * Generated form-template filings rendered to PDF by LibreOffice, where forms with long goals in merged
 * cells and rows broken by pages are common: goals, indicators and totals as the plan wrote them.
 */
describe.skipIf(findSoffice() === null)('form-template filings rendered to PDF', () => {
  it('read goals, indicators and totals across merged cells and page breaks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdf-tables-'));
    const seeds = [11, 13, 15, 17, 20, 26];
    // as the benchmark's corpus makes them: these seeds give form-template filings
    const filings = seeds.map((seed) => generateFiling(seed, { inconsistencies: new Rng(seed).fork('corpus-problems').chance(0.2) }));
    expect(filings.map((f) => f.template)).toEqual(seeds.map(() => 'table'));
    const docxPaths = await Promise.all(
      filings.map(async (filing) => {
        const file = path.join(dir, `${filing.id}.docx`);
        writeFileSync(file, await toDocx(filing));
        return file;
      }),
    );
    const pdfs = await toPdfBatch(docxPaths, dir);
    const total = Object.fromEntries(FIELDS.map((f) => [f, { matched: 0, predicted: 0, expected: 0 }])) as Record<Field, FieldScore>;
    for (const [k, pdf] of pdfs.entries()) {
      expect(pdf.path, pdf.reason ?? '').not.toBeNull();
      const bytes = readFileSync(pdf.path!);
      const record = await processFile({ path: pdf.path!, sha256: String(k), byteSize: bytes.length, format: 'pdf' }, bytes);
      const scores = evaluate(record.extraction, filings[k].truth);
      for (const field of FIELDS) for (const key of ['matched', 'predicted', 'expected'] as const) total[field][key] += scores[field][key];
    }
    for (const field of ['goals', 'indicators', 'totals'] as const) {
      const { matched, predicted, expected } = total[field];
      expect(matched / expected, `${field} recall`).toBeGreaterThanOrEqual(0.95);
      expect(matched / predicted, `${field} precision`).toBeGreaterThanOrEqual(0.95);
    }
  }, 180_000);
});
