import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { FORM_LABELS, formLabelOf } from '../../../src/model/form-labels.js';
import { isProjectTable, projectTables } from '../../../extractors/layout/project-table-layout.js';
import { readProjectTables, type TableProject } from '../../../extractors/layout/project-tables.js';
import type { Block, DocumentModel, TableBlock, TableCell } from '../../../src/model/document.js';
import { readDocument } from '../../../src/normalize/read-document.js';
import { sharedDir } from '../../helpers/paths.js';

type Doc = Pick<DocumentModel, 'pageStarts' | 'text'>;

/**
 * Tables built cell by cell, as the PDF reader gives them: one table per page, each row only the cells it
 * prints (a vertically merged cell is left out of every row but the one its text stands in). Every cell's
 * span indexes into the text, so provenance can be checked.
 */
function pagesOfTables(pages: string[][][], firstPage = 1): { blocks: Block[]; document: Doc } {
  let text = '';
  const blocks: Block[] = [];
  const pageStarts: Doc['pageStarts'] = [];
  pages.forEach((rows, p) => {
    const page = firstPage + p;
    if (p > 0) text += '\n\f\n';
    pageStarts.push({ page, start: text.length });
    const start = text.length;
    const cells: TableCell[][] = rows.map((row, r) => {
      if (r > 0) text += '\n';
      return row.map((cellText, c) => {
        if (c > 0) text += ' | ';
        const cell = {
          text: cellText,
          start: text.length,
          end: text.length + cellText.length,
          page,
          rowSpan: 1,
          colSpan: 1,
          merged: false,
        };
        text += cellText;
        return cell;
      });
    });
    blocks.push({ type: 'table', start, end: text.length, page, rows: cells });
  });
  return { blocks, document: { text, pageStarts } };
}

const summary = (p: TableProject) => ({
  name: p.name.name,
  unit: p.unit?.name ?? null,
  total: p.total?.wan ?? null,
  goals: p.goals.map((g) => g.text),
});

describe('project tables of one row per project (杭州 表11, 深圳 重点项目)', () => {
  it('reads name, unit, amount and goals from each row, a numbered goal cell as several goals', () => {
    const { blocks, document } = pagesOfTables([
      [
        ['单位名称', '项目名称', '金额', '绩效目标'],
        ['杭州市气象局', '气象业务建设', '1,097.02', '通过气象监测能力项目等提升杭州气象监测预报能力。'],
        [
          '杭州市气象服务中心（杭州市预警信息发布中心）',
          '专业系统维护及科普',
          '146.69',
          '1.突发公共事件预警信息稳定运行；2.保障新一代天气雷达正常运行。',
        ],
      ],
    ]);
    const projects = readProjectTables(blocks, document);
    expect(projects.map(summary)).toEqual([
      { name: '气象业务建设', unit: '杭州市气象局', total: '1097.02', goals: ['通过气象监测能力项目等提升杭州气象监测预报能力'] },
      {
        name: '专业系统维护及科普',
        unit: '杭州市气象服务中心（杭州市预警信息发布中心）',
        total: '146.69',
        goals: ['突发公共事件预警信息稳定运行', '保障新一代天气雷达正常运行'],
      },
    ]);
    // provenance: each value quotes its own cell
    const [first, second] = projects;
    expect(first.total?.source.quote).toBe('1,097.02');
    expect(first.name.start).toBe(document.text.indexOf('气象业务建设'));
    expect(second.goals[1].source.quote).toBe('保障新一代天气雷达正常运行');
    expect(second.goals.map((g) => g.index)).toEqual([1, 2]);
    expect(first.tables).toEqual([blocks[0]]);
  });

  it('joins a goal and a unit that run on into a row of their own; the header gives the amounts’ unit (预算数（万元）)', () => {
    const { blocks, document } = pagesOfTables([
      [
        ['二级预算单位名称', '一级项目名称', '预算数（万元）', '绩效目标'],
        ['深圳市信访局', '信访大厅运行', '603.84', '1.通过预算投入，实现信访大厅工作日24小时在岗值守；2.聘请常驻律师，确保无'],
        ['', '', '', '缝衔接，提升信访工作水平'],
        ['深圳市信访局', '预算准备金', '4.90', '保证经费使用合规'],
        // a unit's name wrapped into the next row with the goal
        ['深圳市发展和改革委', '物资储备业务', '124.73', '对储备粮油进行检查，开展'],
        ['员会（本级）', '', '', '储备费用结算审计。'],
      ],
    ]);
    expect(readProjectTables(blocks, document).map(summary)).toEqual([
      {
        name: '信访大厅运行',
        unit: '深圳市信访局',
        total: '603.84',
        goals: ['通过预算投入，实现信访大厅工作日24小时在岗值守', '聘请常驻律师，确保无缝衔接，提升信访工作水平'],
      },
      { name: '预算准备金', unit: '深圳市信访局', total: '4.9', goals: ['保证经费使用合规'] },
      {
        name: '物资储备业务',
        unit: '深圳市发展和改革委员会（本级）',
        total: '124.73',
        goals: ['对储备粮油进行检查，开展储备费用结算审计'],
      },
    ]);
  });

  it('reads a page without a header of its own after the table it continues', () => {
    const { blocks, document } = pagesOfTables([
      [
        ['单位名称', '项目名称', '金额', '绩效目标'],
        ['杭州市司法局', '法治杭州建设', '69.00', '加快推进法治领域改革杭州实践。'],
      ],
      [['杭州市北郊监狱', '罪犯生活保障', '390.52', '保障罪犯基本生活和医疗需求。']],
    ]);
    expect(projectTables(blocks).map(({ table }) => table)).toEqual(blocks);
    expect(readProjectTables(blocks, document).map((p) => [p.name.name, p.unit?.name, p.total?.wan])).toEqual([
      ['法治杭州建设', '杭州市司法局', '69'],
      ['罪犯生活保障', '杭州市北郊监狱', '390.52'],
    ]);
  });

  it('takes a 项目支出表 with amounts only for a statement, not targets', () => {
    const { blocks, document } = pagesOfTables([
      [
        ['单位名称', '项目名称', '总计', '财政拨款收入', '单位资金'],
        ['', '合计', '2,131.61', '2,008.00', '123.61'],
        ['杭州市气象局', '气象业务建设', '1,097.02', '1,002.10', '94.92'],
      ],
    ]);
    expect(isProjectTable(blocks[0])).toBe(false);
    expect(readProjectTables(blocks, document)).toEqual([]);
  });
});

const HEAD = [
  ['单位编码', '单位（项目）名称', '资金总额', '绩效目标', '绩效指标'],
  ['一级指标', '二级指标', '三级指标', '指标值', '指标值内容', '评（扣）分标准', '度量单位', '指标值类型', '备注'],
];

describe('project tables with indicators, merged cells left out of the rows (长沙 项目支出绩效目标表)', () => {
  const pages = [
    [
      ...HEAD,
      ['合计', '', '417.41', '', '', '', '', '', '', '', '', '', ''],
      ['126001', '长沙市信访局', '417.41', '', '', '', '', '', '', '', '', '', ''],
      [
        '126001',
        '基层信访业务工作经费专项',
        '35.78',
        '分档次将信访工作经费调拨至各区县（市）。',
        '成本指标',
        '经济成本指标',
        '总成本',
        '35.78',
        '不超过预算',
        '偏离目标40%及以上不得分',
        '万元',
        '≤',
        '20',
      ],
      // 一级 merged: the row begins with the code, then the 二级
      ['126001', '社会成本指标', '无', '无', '无', '无', '', '定性', ''],
      // a 二级 with no indicator under it: not an indicator
      ['126001', '生态环境成本指标', '', '', '', '', '', '', ''],
      ['产出指标', '数量指标', '调拨经费单位数', '10', '调拨经费至相关单位数量', '高于10个得满分', '个', '≥', '10'],
      // 一级 and 二级 both merged
      ['126001', '经费分档精准率', '95', '一致的单位数量占比', '每低1个百分点减0.1分', '%', '≥', '10'],
    ],
    [
      ...HEAD,
      // the project's merged cells reprinted at the top of the next page
      [
        '126001',
        '基层信访业务工作经费专项',
        '35.78',
        '分档次将信访工作经费调拨至各区县（市）。',
        '产出指标',
        '时效指标',
        '受理及时率',
        '95',
        '及时受理率达95%以上',
        '每低1个百分点减0.2分',
        '%',
        '≥',
        '5',
      ],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '90', '满意件数/评价件数', '每低一个百分点减0.2分', '%', '≥', '10'],
      // the next project: its code merged with the one above, so the row begins with its name
      [
        '人民来访接待中心业务专项',
        '102.80',
        '1.做好群众来访接待工作。2.优化接访服务流程。',
        '成本指标',
        '经济成本指标',
        '预算控制成本',
        '102.8',
        '控制成本',
        '偏离目标40%及以上不得分',
        '万元',
        '≤',
        '20',
      ],
      // the name printed again in a row of its own: the same project
      ['人民来访接待中心业务专项', '社会成本指标', '不适用', '无', '不适用', '不适用', '', '定性', ''],
      // a filing that swaps the type and the unit cells
      ['满意度指标', '服务对象满意度指标', '年内招录完成率', '90', '招录完成率', '高于90%得满分', '≥', '%', '6'],
      ['注：已剔除涉密部分', '', '', '', '', '', '', '', '', '', '', '', ''],
    ],
  ];

  it('finds the projects, not the 合计 row, the unit row or the note; a project over a page break is one project', () => {
    const { blocks, document } = pagesOfTables(pages, 22);
    const projects = readProjectTables(blocks, document);
    expect(projects.map(summary)).toEqual([
      { name: '基层信访业务工作经费专项', unit: '长沙市信访局', total: '35.78', goals: ['分档次将信访工作经费调拨至各区县（市）'] },
      { name: '人民来访接待中心业务专项', unit: '长沙市信访局', total: '102.8', goals: ['做好群众来访接待工作', '优化接访服务流程'] },
    ]);
    expect(projects[0].tables).toEqual(blocks);
    expect(projects[0].name.start).toBe(document.text.indexOf('基层信访业务工作经费专项'));
  });

  it('reads each indicator from the right: 一级 and 二级 carried down, a 备注 figure as the weight, never a threshold', () => {
    const { blocks, document } = pagesOfTables(pages, 22);
    const [first, second] = readProjectTables(blocks, document);
    const rows = (p: TableProject) =>
      p.indicators.map((i) => [
        i.category,
        i.subcategory,
        i.name,
        i.thresholds.map((t) => `${t.op} ${t.value ?? ''} ${t.unit ?? ''}`.trim()).join(),
        i.weight?.value ?? null,
      ]);
    expect(rows(first)).toEqual([
      ['成本', '经济成本指标', '总成本', '<= 35.78 万元', '20'],
      ['成本', '社会成本指标', '无', 'qualitative', null],
      ['产出', '数量指标', '调拨经费单位数', '>= 10 个', '10'],
      ['产出', '数量指标', '经费分档精准率', '>= 95 %', '10'],
      ['产出', '时效指标', '受理及时率', '>= 95 %', '5'],
      ['满意度', '服务对象满意度指标', '群众满意度', '>= 90 %', '10'],
    ]);
    expect(rows(second)).toEqual([
      ['成本', '经济成本指标', '预算控制成本', '<= 102.8 万元', '20'],
      ['成本', '社会成本指标', '不适用', 'qualitative', null],
      ['满意度', '服务对象满意度指标', '年内招录完成率', '>= 90 %', '6'],
    ]);
    // provenance: the name and the threshold quote their cells, the weight its 备注 cell
    const cost = first.indicators[0];
    expect(cost.source.quote).toBe('总成本');
    expect(cost.source.page).toBe(22);
    expect(cost.thresholds[0].source.quote).toBe('35.78');
    expect(first.indicators[4].source.page).toBe(23);
  });

  it('keeps these tables out of the department’s indicators and adds their projects to the filing', async () => {
    const { blocks, document } = pagesOfTables(pages, 22);
    const model: DocumentModel = {
      format: 'pdf',
      pageCount: 2,
      text: document.text,
      blocks,
      sourceText: document.text,
      sourceRuns: [[0, 0, document.text.length]],
      sourceBlocks: null,
      printedPageNumbers: [],
      pageStarts: document.pageStarts,
      messages: [],
    };
    const extraction = extractFiling(model);
    expect(extraction.projects.map((p) => [p.name, p.department, p.total?.wan, p.indicators.length])).toEqual([
      ['基层信访业务工作经费专项', '长沙市信访局', '35.78', 6],
      ['人民来访接待中心业务专项', '长沙市信访局', '102.8', 3],
    ]);
    expect(extraction.department_indicators).toEqual([]);
  });
});

describe('the label lexicon', () => {
  it('knows every label it lists, and the column heads of project tables', () => {
    for (const entry of FORM_LABELS) for (const label of entry.labels) expect([label, formLabelOf(label)]).toEqual([label, entry.kind]);
    expect(
      [
        '单位（项目）名称',
        '一级项目名称',
        '二级预算单位名称',
        '资金总额',
        '预算数（万元）',
        '金额',
        '单位编码',
        '指标值类型',
        '指标值内容',
        '评（扣）分标准',
        '绩效指标',
      ].map(formLabelOf),
    ).toEqual([
      'project_name',
      'project_name',
      'unit',
      'total',
      'total',
      'total',
      'unit_code',
      'symbol',
      'value_content',
      'standard',
      'indicator_group',
    ]);
    // the bracket that belongs to 单位（项目）名称 is kept; a unit in brackets is folded away
    expect(formLabelOf('单位名称')).toBe('unit');
  });
});

// ---------------------------------------------------------------------------------------------
// Real filings (../shared, not ours to ship)
// ---------------------------------------------------------------------------------------------

const budgets = path.join(sharedDir, 'real-filings', 'dept-budgets-2026');
const present = existsSync(budgets);
if (!present) console.warn(`SKIPPED: the real project tables — ${budgets} is absent (it is not ours to ship)`);

async function realTables(file: string): Promise<TableProject[]> {
  const document = await readDocument('pdf', readFileSync(path.join(budgets, file)));
  return readProjectTables(document.blocks, document);
}

describe.skipIf(!present)('real project tables (2026 部门预算)', () => {
  it('长沙市信访局: 4 projects over 8 pages, with their indicators and weights adding up to 90', async () => {
    const projects = await realTables('015_长沙/2026年长沙市信访局部门预算.pdf');
    expect(projects.map((p) => [p.name.name, p.unit?.name, p.total?.wan, p.indicators.length, p.name.start > 0])).toEqual([
      ['基层及其他信访业务工作经费专项', '长沙市信访局', '35.78', 16, true],
      ['人民来访接待中心及特护期运行专项', '长沙市信访局', '10.22', 16, true],
      ['人民来访接待中心业务专项', '长沙市信访局', '102.8', 23, true],
      ['信访业务工作专项', '长沙市信访局', '138.11', 21, true],
    ]);
    for (const project of projects) {
      const weights = project.indicators.reduce((sum, i) => sum + Number(i.weight?.value ?? 0), 0);
      expect([project.name.name, weights]).toEqual([project.name.name, 90]);
    }
    expect(projects[2].goals).toHaveLength(7);
  }, 60_000);

  it('长沙市公安局: 14 projects, the rows with only a 二级 label left out', async () => {
    const projects = await realTables('015_长沙/2026年长沙市公安局2025年部门预算.pdf');
    expect(projects).toHaveLength(14);
    expect(projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(218);
    const recruit = projects.flatMap((p) => p.indicators).find((i) => i.name === '年内招录完成率');
    expect(recruit?.thresholds.map((t) => [t.op, t.value, t.unit])).toEqual([['>=', 90, '%']]);
  }, 60_000);

  it('杭州 表11 and 深圳 重点项目: one project per row, a goal run on over a page joined', async () => {
    const hangzhou = await realTables('008_杭州/2026年杭州市气象局部门预算.pdf');
    expect(hangzhou.map((p) => [p.name.name, p.total?.wan, p.goals.length])).toEqual([
      ['气象业务建设', '1097.02', 1],
      ['气象设施维护及科普', '887.9', 1],
      ['专业系统维护及科普', '146.69', 2],
    ]);
    const shenzhen = await realTables('003_深圳/2026年深圳市信访局部门预算.pdf');
    expect(shenzhen.map((p) => [p.name.name, p.total?.wan, p.goals.length])).toEqual([
      ['社工服务项目', '498.82', 1],
      ['信访大厅运行', '603.84', 3],
      ['信访专项', '486.39', 1],
      ['预算准备金', '4.9', 1],
      ['政务信息化项目（系统业务运营服务）', '0.44', 1],
      ['综合管理', '17.91', 1],
    ]);
    expect(shenzhen[1].goals[1].text).toContain('无缝衔接，全面构建深圳信访工作新体');
    const justice = await realTables('008_杭州/2026年杭州市司法局部门预算.pdf');
    expect(justice).toHaveLength(31);
  }, 60_000);
});
