import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { toSourceSpan } from '../../src/normalize/mapped-text.js';
import { documentFromText, tableTexts } from '../helpers/document.js';

/** A project's form and indicator table as a web copy leaves them: one cell per line, merged cells dropped. */
const FLATTENED = [
  '关于社区矫正项目绩效目标的说明',
  '一、项目概述：开展社区矫正对象教育帮扶。',
  '',
  '项目支出绩效目标申报表',
  '项目名称',
  '社区矫正',
  '主管部门',
  '临河区司法局',
  '实施单位',
  '社区矫正科',
  '项目资金（万元）',
  '年度资金总额',
  '35.50',
  '其中：当年财政拨款',
  '30.00',
  '其他资金',
  '5.50',
  '年度绩效目标',
  '1.开展教育帮扶；',
  '2.落实日常监管。',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '产出指标',
  '数量指标',
  '教育帮扶活动次数',
  '≥12次/年',
  '质量指标',
  '矫正对象再犯罪率',
  '≤0.2%',
  '满意度指标',
  '服务对象满意度',
  '社区群众满意度',
  '≥90%',
  '项目支出明细',
  '支出内容',
  '金额（万元）',
  '教育帮扶活动费',
  '20.00',
  '监管设备维护费',
  '15.50',
  '',
  '以上为本项目绩效目标。',
].join('\n');

const tables = tableTexts;

describe('forms and indicator tables flattened to one cell per line', () => {
  it('become tables, a row per form label and per indicator, merged cells left empty', async () => {
    const document = await documentFromText(FLATTENED);
    const [form, expenses] = tables(document);
    expect(form.slice(0, 8)).toEqual([
      ['项目名称', '社区矫正'],
      ['主管部门', '临河区司法局'],
      ['实施单位', '社区矫正科'],
      ['项目资金（万元）'],
      ['年度资金总额', '35.50'],
      ['其中：当年财政拨款', '30.00'],
      ['其他资金', '5.50'],
      // a cell of several lines is one text, as the normaliser joins a DOCX cell's paragraphs
      ['年度绩效目标', '1.开展教育帮扶；2.落实日常监管。'],
    ]);
    expect(form.slice(8)).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '教育帮扶活动次数', '≥12次/年'],
      ['', '质量指标', '矫正对象再犯罪率', '≤0.2%'],
      ['满意度指标', '服务对象满意度', '社区群众满意度', '≥90%'],
    ]);
    // the caption stays a line; the table starts at its header
    expect(expenses).toEqual([
      ['支出内容', '金额（万元）'],
      ['教育帮扶活动费', '20.00'],
      ['监管设备维护费', '15.50'],
    ]);
    expect(document.blocks.some((b) => b.type !== 'table' && b.text === '以上为本项目绩效目标。')).toBe(true);
  });

  it('give the project its form fields, expense items, indicators and thresholds, each quoting its source', async () => {
    const document = await documentFromText(FLATTENED);
    const [project] = extractFiling(document).projects;
    // the form's 项目名称 is the canonical name
    expect(project.name).toBe('社区矫正');
    expect(project.form_fields.map((f) => [f.field, f.role, f.amount.wan])).toEqual([
      ['年度资金总额', 'total', '35.5'],
      ['当年财政拨款', 'part', '30'],
      ['其他资金', 'part', '5.5'],
    ]);
    expect(project.funding_items.map((i) => [i.label, i.amount?.wan])).toEqual([
      ['教育帮扶活动费', '20'],
      ['监管设备维护费', '15.5'],
    ]);
    expect(project.indicators.map((i) => [i.category, i.subcategory, i.name, i.thresholds[0]?.op, i.thresholds[0]?.value])).toEqual([
      ['产出', '数量指标', '教育帮扶活动次数', '>=', 12],
      ['产出', '质量指标', '矫正对象再犯罪率', '<=', 0.2],
      ['满意度', '服务对象满意度', '社区群众满意度', '>=', 90],
    ]);
    const rate = project.indicators[1];
    expect(rate.source.quote).toBe('矫正对象再犯罪率');
    expect(rate.thresholds[0].source.quote).toContain('≤0.2%');
    // and back to the characters of the file
    const span = toSourceSpan(document.sourceRuns, rate.source.start, rate.source.end)!;
    expect(document.sourceText.slice(span.start, span.end)).toBe('矫正对象再犯罪率');
    expect(FLATTENED.slice(span.start, span.end)).toBe('矫正对象再犯罪率');
  });

  it('ends a form without indicators where an expense table starts', async () => {
    const text = [
      '项目名称',
      '法律顾问服务',
      '主管部门',
      '临河区司法局',
      '年度绩效目标',
      '为机关提供法律服务。',
      '项目支出明细',
      '支出内容',
      '金额（万元）',
      '法律顾问费',
      '12.00',
      '',
    ].join('\n');
    expect(tables(await documentFromText(text))).toEqual([
      [
        ['项目名称', '法律顾问服务'],
        ['主管部门', '临河区司法局'],
        ['年度绩效目标', '为机关提供法律服务。'],
      ],
      [
        ['支出内容', '金额（万元）'],
        ['法律顾问费', '12.00'],
      ],
    ]);
  });

  it('reads the header with symbol, value and unit columns', async () => {
    const text = [
      '一级指标',
      '二级指标',
      '三级指标',
      '符号',
      '值',
      '单位',
      '产出指标',
      '时效指标',
      '救助资金发放时限',
      '≤',
      '14',
      '天',
      '满意度指标',
      '服务对象满意度',
      '受灾群众满意度',
      '大于等于',
      '90',
      '%',
      '',
    ].join('\n');
    expect(tables(await documentFromText(text))).toEqual([
      [
        ['一级指标', '二级指标', '三级指标', '符号', '值', '单位'],
        ['产出指标', '时效指标', '救助资金发放时限', '≤', '14', '天'],
        ['满意度指标', '服务对象满意度', '受灾群众满意度', '大于等于', '90', '%'],
      ],
    ]);
  });

  it('reads the national template’s 指标性质 / 指标值 / 度量单位 / 权重 columns, a qualitative row without unit', async () => {
    const text = [
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '权重',
      '产出指标',
      '数量指标',
      '保洁河道长度',
      '≥',
      '120',
      '公里',
      '40',
      '效益指标',
      '社会效益',
      '河道环境',
      '定性',
      '改善',
      '',
      '30',
      '满意度指标',
      '服务对象满意度',
      '居民满意度',
      '≥',
      '90',
      '%',
      '30',
      '',
    ].join('\n');
    const document = await documentFromText(`关于河道保洁项目绩效目标的说明\n${text}`);
    expect(tables(document)).toEqual([
      [
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重'],
        ['产出指标', '数量指标', '保洁河道长度', '≥', '120', '公里', '40'],
        ['效益指标', '社会效益', '河道环境', '定性', '改善', '', '30'],
        ['满意度指标', '服务对象满意度', '居民满意度', '≥', '90', '%', '30'],
      ],
    ]);
    const [project] = extractFiling(document).projects;
    expect(project.indicators.map((i) => [i.name, i.thresholds[0]?.op, i.thresholds[0]?.value, i.weight?.value])).toEqual([
      ['保洁河道长度', '>=', 120, '40'],
      ['河道环境', 'qualitative', null, '30'],
      ['居民满意度', '>=', 90, '30'],
    ]);
  });

  it('goes on across a page break whose printed number was glued to a cell', async () => {
    const text = [
      '正文第一行。',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标1',
      '',
      '',
      '数量指标',
      '培训人次',
      '≥300人次',
      '质量指标',
      '培训合格率',
      '≥95%',
      '',
      '结尾。2',
    ].join('\n');
    const [table] = tables(await documentFromText(text));
    expect(table).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
      ['', '质量指标', '培训合格率', '≥95%'],
    ]);
  });

  it('reads 成本指标 as a second level under 产出指标 unless a second level follows it', async () => {
    const older = [
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '保障车辆数',
      '≥18辆',
      '成本指标',
      '单车年均运行费用',
      '≤17万元',
      '效益指标',
      '社会效益',
      '公务出行保障',
      '及时有效',
      '',
    ];
    expect(tables(await documentFromText(older.join('\n')))).toEqual([
      [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '保障车辆数', '≥18辆'],
        ['', '成本指标', '单车年均运行费用', '≤17万元'],
        ['效益指标', '社会效益', '公务出行保障', '及时有效'],
      ],
    ]);
    const newer = [
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '保障车辆数',
      '≥18辆',
      '成本指标',
      '经济成本指标',
      '单车年均运行费用',
      '≤17万元',
      '',
    ];
    expect(tables(await documentFromText(newer.join('\n')))[0][2]).toEqual(['成本指标', '经济成本指标', '单车年均运行费用', '≤17万元']);
  });

  it('ends the indicator rows at the next form, across a page break the rows went on over', async () => {
    const text = [
      '正文。1',
      '',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '满意度指标',
      '服务对象满意度指标',
      '辖区群众满意度',
      '满意',
      '2',
      '',
      '',
      '财政项目支出绩效目标申报表',
      '（2018年度）',
      '项目名称',
      '第三方绩效评价服务',
      '主管部门',
      '卫生健康委员会',
      '',
      '正文。3',
    ];
    const found = tables(await documentFromText(text.join('\n')));
    expect(found[0]).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['满意度指标', '服务对象满意度指标', '辖区群众满意度', '满意'],
    ]);
    expect(found[1]).toEqual([
      ['项目名称', '第三方绩效评价服务'],
      ['主管部门', '卫生健康委员会'],
    ]);
  });

  it('stops at a sentence, and leaves alone lines that only look like a header', async () => {
    const stops = [
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '培训人次',
      '≥300人次',
      '本项目将按照上级要求认真组织实施，确保完成各项绩效目标。',
      '并接受社会监督。',
    ].join('\n');
    const document = await documentFromText(stops);
    expect(tables(document)).toEqual([
      [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人次', '≥300人次'],
      ],
    ]);
    expect(document.blocks.some((b) => b.type !== 'table' && b.text.startsWith('本项目将按照上级要求'))).toBe(true);

    const prose = ['绩效指标分为', '一级指标', '二级指标两类，', '详见下表。'].join('\n');
    expect(tables(await documentFromText(prose))).toEqual([]);
    const lonely = ['项目名称', '社区矫正', '', '其他内容。'].join('\n');
    expect(tables(await documentFromText(lonely))).toEqual([]);
  });
});
