import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { toSourceSpan } from '../../src/normalize/mapped-text.js';
import { documentFromText, tableTexts } from '../helpers/document.js';

/**
 * A form as a PDF's text layer leaves it when its columns are narrow: one cell per line, but a long cell
 * wrapped over several lines (项目名称, 主管部门, the goals, the levels), a value and the next cell's label on
 * one line, the multi-year and the year's funds side by side, and the two goals one after the other.
 */
const WRAPPED = [
  '项目经费情况说明',
  ' 一、项目概述',
  ' 对辖区内河道开展日常保洁。',
  ' 七、绩效目标',
  '（具体见表格）',
  '财政项目支出绩效目标申报表',
  '（2025年度）',
  '项目名称',
  '镇级河道日常保洁养护',
  '服务',
  '项目性质',
  '经常性项',
  '目',
  '主管部门',
  '青浦区朱家角镇人民政府',
  '水务所',
  '实施单位',
  '朱家角镇水务管理所',
  '项目资金',
  '（元）',
  '项目资金总额',
  '   3,600,000.00 年度资金申请总额',
  '   1,200,000.00',
  '其中：财政资金',
  '   3,600,000.00',
  '其中：当年财政拨款',
  '   1,000,000.00',
  '上年结转资金',
  '200,000.00',
  '其他资金',
  '0 其他资金',
  '0',
  '项目',
  '绩效',
  '目标',
  '项目总目标',
  '年度总体目标',
  '三年内使镇级河道水面保洁率稳定在较高水平，',
  '河道环境面貌持续改善，群众满意度不断提高。',
  '全年完成河道保洁养护，及时',
  '清除水面漂浮物。',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度(/项目)指标值',
  '生态环境',
  '成本指标',
  '保洁作业扬尘控制',
  '可控',
  '产出指标',
  '数量指标',
  '保洁河道长度',
  '≥120公里',
  '质量指标',
  '水面保洁合格率',
  '≥95.00(%)',
  '效益指标',
  '社会效益',
  '指标',
  '河道环境改善情况',
  '改善',
  '可持续影',
  '响指标',
  '长效保洁机制健全性',
  '健全',
  '满意度指',
  '标',
  '服务对象',
  '满意度指',
  '标',
  '沿河居民满意度',
  '≥90.00(%)',
  '',
].join('\n');

const tables = tableTexts;

describe('flattened forms whose narrow columns wrapped their cells', () => {
  it('join each wrapped cell, split a value from the label glued to it, and split the two goals', async () => {
    const [form] = tables(await documentFromText(WRAPPED));
    expect(form.slice(0, 17)).toEqual([
      ['项目名称', '镇级河道日常保洁养护服务'],
      ['项目性质', '经常性项目'],
      ['主管部门', '青浦区朱家角镇人民政府水务所'],
      ['实施单位', '朱家角镇水务管理所'],
      ['项目资金（元）'],
      ['项目资金总额', '3,600,000.00'],
      ['年度资金申请总额', '1,200,000.00'],
      ['其中：财政资金', '3,600,000.00'],
      ['其中：当年财政拨款', '1,000,000.00'],
      ['上年结转资金', '200,000.00'],
      ['其他资金', '0'],
      ['其他资金', '0'],
      ['项目绩效目标'],
      // the wider column wraps at 22 characters, the narrower at 13: the goals part where the width changes
      ['项目总目标', '三年内使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善，群众满意度不断提高。'],
      ['年度总体目标', '全年完成河道保洁养护，及时清除水面漂浮物。'],
      ['一级指标', '二级指标', '三级指标', '年度(/项目)指标值'],
      ['', '生态环境成本指标', '保洁作业扬尘控制', '可控'],
    ]);
    expect(form.slice(17)).toEqual([
      ['产出指标', '数量指标', '保洁河道长度', '≥120公里'],
      ['', '质量指标', '水面保洁合格率', '≥95.00(%)'],
      ['效益指标', '社会效益指标', '河道环境改善情况', '改善'],
      ['', '可持续影响指标', '长效保洁机制健全性', '健全'],
      ['满意度指标', '服务对象满意度指标', '沿河居民满意度', '≥90.00(%)'],
    ]);
  });

  it('give the project its name, unit, funds in 万元, goals and indicators, and no false sum finding', async () => {
    const document = await documentFromText(WRAPPED);
    const extraction = extractFiling(document);
    // the form follows the section that points to it (具体见表格), whose title names no project of its own
    expect(extraction.projects.map((p) => p.name)).toEqual(['镇级河道日常保洁养护服务']);
    const [project] = extraction.projects;
    expect(project.department).toBe('朱家角镇水务管理所');
    expect(project.total?.wan).toBe('120');
    expect(project.form_fields.map((f) => [f.field, f.role, f.amount.wan])).toEqual([
      ['项目资金总额', 'multi_year_total', '360'],
      ['年度资金申请总额', 'total', '120'],
      ['财政资金', 'part', '360'],
      ['当年财政拨款', 'part', '100'],
      ['上年结转资金', 'part', '20'],
      ['其他资金', 'part', '0'],
      ['其他资金', 'part', '0'],
    ]);
    expect(project.goals.map((g) => [g.kind, g.text])).toEqual([
      ['overall', '三年内使镇级河道水面保洁率稳定在较高水平，河道环境面貌持续改善，群众满意度不断提高'],
      ['annual', '全年完成河道保洁养护，及时清除水面漂浮物'],
    ]);
    expect(
      project.indicators.map((i) => [
        i.category,
        i.subcategory,
        i.name,
        i.thresholds[0]?.op,
        i.thresholds[0]?.value,
        i.thresholds[0]?.unit,
      ]),
    ).toEqual([
      // the lost 一级 cell is read from the 二级 name
      ['成本', '生态环境成本指标', '保洁作业扬尘控制', 'qualitative', null, null],
      ['产出', '数量指标', '保洁河道长度', '>=', 120, '公里'],
      ['产出', '质量指标', '水面保洁合格率', '>=', 95, '%'],
      ['效益', '社会效益指标', '河道环境改善情况', 'qualitative', null, null],
      ['效益', '可持续影响指标', '长效保洁机制健全性', 'qualitative', null, null],
      ['满意度', '服务对象满意度指标', '沿河居民满意度', '>=', 90, '%'],
    ]);
    // a value split from a glued label still quotes its own characters
    const annual = project.form_fields[1];
    const span = toSourceSpan(document.sourceRuns, annual.amount.source.start, annual.amount.source.end)!;
    expect(WRAPPED.slice(span.start, span.end)).toBe('1,200,000.00');
    // 财政资金 and the first 其他资金 are the multi-year column's parts: each column adds up
    expect(runChecks({ document, extraction }).filter((f) => f.kind === 'sum_mismatch')).toEqual([]);
  });

  it('report the column whose parts do not add up, and only that one', async () => {
    const document = await documentFromText(WRAPPED.replace('上年结转资金\n200,000.00', '上年结转资金\n250,000.00'));
    const sums = runChecks({ document, extraction: extractFiling(document) }).filter((f) => f.kind === 'sum_mismatch');
    expect(sums.map((f) => [f.expected, f.actual])).toEqual([['120', '125']]);
  });

  it('read the same form as a real table (DOCX, PDF, pipes): each column of funds adds up on its own', async () => {
    const table = (carriedOver: string) =>
      [
        '财政项目支出绩效目标申报表',
        '| 项目名称 | 河道保洁 | 主管部门 | 水务局 |',
        '| 项目资金（元） | 项目资金总额 | 3,600,000.00 | 年度资金申请总额 | 1,200,000.00 |',
        '|  | 其中：财政资金 | 3,600,000.00 | 其中：当年财政拨款 | 1,000,000.00 |',
        `|  |  |  | 上年结转资金 | ${carriedOver} |`,
        '|  | 其他资金 | 0 | 其他资金 | 0 |',
        '| 项目绩效目标 | 项目总目标 | 年度总体目标 |',
        '|  | 三年内使河道保洁率稳定在较高水平。 | 全年完成河道保洁养护任务。 |',
      ].join('\n');
    const document = await documentFromText(table('200,000.00'));
    const extraction = extractFiling(document);
    const [project] = extraction.projects;
    expect([project.name, project.total?.wan, project.goals.map((g) => g.kind)]).toEqual(['河道保洁', '120', ['overall', 'annual']]);
    expect(runChecks({ document, extraction }).filter((f) => f.kind === 'sum_mismatch')).toEqual([]);
    const wrong = await documentFromText(table('100,000.00'));
    const sums = runChecks({ document: wrong, extraction: extractFiling(wrong) }).filter((f) => f.kind === 'sum_mismatch');
    expect(sums.map((f) => [f.message.slice(0, 10), f.expected, f.actual])).toEqual([['“年度资金申请总额”', '120', '110']]);
  });

  it('compare the total in the text with the multi-year total of the form when that is the one it gives', async () => {
    const withText = (sentence: string) => WRAPPED.replace(' 对辖区内河道开展日常保洁。', ` 对辖区内河道开展日常保洁。${sentence}`);
    const crossFindings = async (text: string) => {
      const document = await documentFromText(text);
      return runChecks({ document, extraction: extractFiling(document) }).filter((f) => f.kind === 'cross_section_mismatch');
    };
    // the text gives the whole project's funds: the form's 项目资金总额 agrees
    expect(await crossFindings(withText('项目总预算360万元。'))).toEqual([]);
    expect(await crossFindings(withText('2025年度预算安排120万元。'))).toEqual([]);
    expect((await crossFindings(withText('2025年度预算安排150万元。'))).map((f) => [f.expected, f.actual])).toHaveLength(1);
  });

  it('read goal cells that a spreadsheet export quoted', async () => {
    const quoted = [
      '项目名称',
      '河道保洁',
      '项目总体目标',
      '(2025 年-2027 年)',
      '年度总体目标',
      '"1.水面保洁率稳定达标。',
      '2.河道环境持续改善。',
      '"',
      '"1.完成全年保洁',
      '养护任务。',
      '2.及时清除漂浮物。"',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '保洁河道长度',
      '≥120公里',
      '',
    ].join('\n');
    const document = await documentFromText(quoted);
    expect(tables(document)[0].slice(0, 3)).toEqual([
      ['项目名称', '河道保洁'],
      // the qualifier under a label is part of its cell
      ['项目总体目标(2025年-2027年)', '1.水面保洁率稳定达标。2.河道环境持续改善。'],
      ['年度总体目标', '1.完成全年保洁养护任务。2.及时清除漂浮物。'],
    ]);
    expect(extractFiling(document).projects[0].goals.map((g) => [g.kind, g.text])).toEqual([
      ['overall', '水面保洁率稳定达标'],
      ['overall', '河道环境持续改善'],
      ['annual', '完成全年保洁养护任务'],
      ['annual', '及时清除漂浮物'],
    ]);
  });

  it('read header cells and the opening label a narrow column wrapped (一级指 / 标, 年度(/项目) / 指标值, 项目名 / 称)', async () => {
    const text = [
      '项目名',
      '称',
      '河道保洁',
      '主管部',
      '门',
      '水务局',
      '一级指',
      '标',
      '二级指标',
      '三级指标',
      '年度(/项目)',
      '指标值',
      '产出指标',
      '数量指标',
      '保洁河道长度',
      '≥120公里',
      '满意度指',
      '标',
      '服务对象满意度',
      '居民满意度',
      '≥90%',
      '',
    ].join('\n');
    expect(tables(await documentFromText(text))).toEqual([
      [
        ['项目名称', '河道保洁'],
        ['主管部门', '水务局'],
        ['一级指标', '二级指标', '三级指标', '年度(/项目)指标值'],
        ['产出指标', '数量指标', '保洁河道长度', '≥120公里'],
        // a wrapped 一级 is followed by its 二级, a level too
        ['满意度指标', '服务对象满意度', '居民满意度', '≥90%'],
      ],
    ]);
  });

  it('keep cells apart that only look wrapped', async () => {
    // a label the list does not know after a value as wide: a label, not the value's tail; a value and a
    // level after it (水质 / 提升 / 满意度指标) are not one wrapped level
    const unknownLabel = [
      '项目名称',
      '河道保洁',
      '主管部门',
      '朱家角镇水务所',
      '资金性质',
      '一般公共预算',
      '实施单位',
      '水务管理所',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '保洁河道长度',
      '≥120公里',
      '水质',
      '提升',
      '满意度指标',
      '服务对象满意度',
      '居民满意度',
      '≥90%',
      '',
    ];
    expect(tables(await documentFromText(unknownLabel.join('\n')))).toEqual([
      [
        ['项目名称', '河道保洁'],
        ['主管部门', '朱家角镇水务所'],
        ['资金性质', '一般公共预算'],
        ['实施单位', '水务管理所'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '保洁河道长度', '≥120公里'],
        ['', '', '水质', '提升'],
        ['满意度指标', '服务对象满意度', '居民满意度', '≥90%'],
      ],
    ]);
    // a line wider than the value is not its wrapped tail: the form ends before it
    const wider = ['项目名称', '河道保洁', '主管部门', '水务所', '朱家角镇人民政府下属事业单位', '实施单位', '水务管理所', ''];
    const document = await documentFromText(wider.join('\n'));
    expect(tables(document)).toEqual([
      [
        ['项目名称', '河道保洁'],
        ['主管部门', '水务所'],
      ],
    ]);
    expect(document.blocks.some((b) => b.type === 'paragraph' && b.text === '朱家角镇人民政府下属事业单位')).toBe(true);
  });

  it('leave a pointer to a form out of the titles', async () => {
    const text = ['河道保洁经费情况说明', '2025年度预算安排120万元。', '详见单位的项目绩效目标表', ''].join('\n');
    const { projects } = extractFiling(await documentFromText(text));
    expect(projects.map((p) => [p.name, p.total?.wan])).toEqual([['河道保洁经费', '120']]);
  });
});
