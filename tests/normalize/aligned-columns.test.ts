import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { toSourceOffset } from '../../src/normalize/mapped-text.js';
import { documentFromText, tableTexts } from '../helpers/document.js';
import { hasShared, repoRoot, sharedDir, warnSkipped } from '../helpers/paths.js';

/**
 * Forms and indicator tables as `pdftotext -layout` prints them (the lines below are copied from the
 *烟台 filings' text layers): columns aligned by spaces, wrapped cells around the line of their row's
 * value, merged 一级/二级 cells beside the middle of their rows.
 */
const AUDIT_FORM = [
  '                         政策和项目预算绩效目标表',
  '                             (2026年度)',
  '',
  '         项目名称                            审计业务经费',
  '',
  '       主管部门及代码              231_烟台市审计局    实施单位              烟台市审计局',
  '',
  '                          年度预算资金总额：                 31.00',
  '         项目资金',
  '                          其中：财政拨款                    0.00',
  '         （万元）',
  '                             其他资金                   31.00',
  '',
  '',
  '',
  '',
  '总体目标   按照审计署及山东省审计相关审计计划安排，完成指定审计项目',
  '',
  '',
  '',
  '',
  '        一级指标     二级指标         三级指标                  指标值',
  '',
  '                             项目总成本                 ≤31万元',
  '绩效指标   成本指标      经济成本',
  '                           审计项目人员成本标准             ≤560元/人/天',
  '',
  '                          审计（专项审计调查）单位',
  '                                                    ≥1个',
  '                               个数',
  '绩效指标   产出指标      数量指标',
  '                          审计（专项审计调查）报告',
  '                                                    ≥1个',
  '                               个数',
  '',
  '绩效指标   产出指标      时效指标      审计项目开展及时率                ≥90%',
  '',
  '                服务对象满意度',
  '绩效指标   满意度指标                被审计单位满意度                ≥95%',
  '                   指标',
].join('\n');

/** Three rows beside one 经济成本 line, names wrapped above and below their values, a 2-line name ending on its value's line. */
const INTERLEAVED = [
  '        一级指标     二级指标         三级指标                  指标值',
  '',
  '                             项目总成本                 ≤539万元',
  '',
  '绩效指标   成本指标      经济成本     三类会议、培训费人均成本            ≤450元/人/天',
  '',
  '                          审计项目人员成本标准（旺',
  '                                                  ≤560元/人/天',
  '                              季除外）',
  '                          年度审计项目计划任务完成',
  '                                率                   ≥90%',
  '',
  '绩效指标   产出指标      数量指标     向社会公告审计结果数量               ≥1篇次',
  '',
  '                           举办会议、培训次数                ≥8次',
  '',
  '                          预算执行类审计项目完成时',
  '                                                    7月底前',
  '                                间',
  '绩效指标   产出指标      时效指标',
  '                          年度会议、培训计划按期完',
  '                               成率                   ≥85%',
].join('\n');

/** 司法局's forms: cells one space apart where they fill their column, a group label on a row's line, a 二级 wrapped below. */
const ONE_SPACE = [
  '       项目名称                            实施公车统管费用',
  '',
  '     主管部门及代码              225_烟台市司法局     实施单位              烟台市司法局',
  '',
  '                        年度预算资金总额：                  15.00',
  '       项目资金             其中：财政拨款                    15.00',
  '       （万元）',
  '                           其他资金                    0.00',
  '',
  '总体目标 通过开展法律援助工作，为当事人提供法律援助、法律咨询等免费法律服务，有效维护当事人的合法权益，提',
  '     供市民的法律意识。',
  '',
  '      一级指标     二级指标         三级指标                  指标值',
  '',
  '绩效指标 成本指标      经济成本        总支出不超过                 ≤15万元',
  '',
  '绩效指标 效益指标     社会效益指标      支持业务开展程度                100%支持',
  '',
  '绩效指标 满意度指标    服务对象满意度     使用车辆满意度                  100%',
  '                指标',
].join('\n');

/** 商务局's own template: 一级 merged over several 二级 groups, the group label a character a line (绩/效/指/标). */
const NESTED = [
  '    一级指标    二级指标             三级指标                     指标值',
  '',
  '                             项目总成本                   ≤2200 万元',
  '',
  '    成本指标   经济成本指标      重点会展活动举办分项成本                  ≤1300 万元',
  '',
  '                        会展业发展奖励分项成本                  ≤900 万元',
  '',
  '                           奖励对象数量                     ≥15 个',
  '',
  '                        市政府重点支持会展活动                   ≥3 场',
  '            数量指标',
  '                      年度举办各类会展活动的总数量                 ≥110 场次',
  '',
  '                      年度举办的展览活动的总数量                  ≥15 场次',
  '    产出指标                  补贴对象合规率                      =100%',
  '绩',
  '效           质量指标          市场化展会占比                      ≥70%',
  '指',
  '                          活动安全保障率                      =100%',
  '标',
  '                          补贴发放及时率                      =100%',
  '            时效指标',
  '                          活动举办及时率                      =100%',
].join('\n');

describe('forms and indicator tables with space-aligned columns', () => {
  it('read a form by its labels and an indicator table by its header, wrapped cells joined, merged levels spread', async () => {
    const document = await documentFromText(AUDIT_FORM);
    const [table] = tableTexts(document);
    expect(table).toEqual([
      ['项目名称', '审计业务经费'],
      ['主管部门及代码', '231_烟台市审计局', '实施单位', '烟台市审计局'],
      ['项目资金（万元）', '年度预算资金总额：', '31.00'],
      ['其中：财政拨款', '0.00'],
      ['其他资金', '31.00'],
      ['总体目标', '按照审计署及山东省审计相关审计计划安排，完成指定审计项目'],
      ['', '一级指标', '二级指标', '三级指标', '指标值'],
      ['绩效指标', '成本指标', '经济成本', '项目总成本', '≤31万元'],
      ['绩效指标', '成本指标', '经济成本', '审计项目人员成本标准', '≤560元/人/天'],
      ['绩效指标', '产出指标', '数量指标', '审计（专项审计调查）单位个数', '≥1个'],
      ['绩效指标', '产出指标', '数量指标', '审计（专项审计调查）报告个数', '≥1个'],
      ['绩效指标', '产出指标', '时效指标', '审计项目开展及时率', '≥90%'],
      ['绩效指标', '满意度指标', '服务对象满意度指标', '被审计单位满意度', '≥95%'],
    ]);
    // the caption above the form stays a heading of its own
    expect(document.blocks[0]).toMatchObject({ type: 'heading', text: '政策和项目预算绩效目标表' });
  });

  it('give the extractors the project, its money and its indicators', async () => {
    const filing = extractFiling(await documentFromText(AUDIT_FORM));
    expect(filing.projects.map((p) => [p.name, p.total?.wan])).toEqual([['审计业务经费', '31']]);
    const [project] = filing.projects;
    expect(project.indicators.map((i) => [i.category, i.name, i.thresholds[0]?.text])).toEqual([
      ['成本', '项目总成本', '≤31万元'],
      ['成本', '审计项目人员成本标准', '≤560元/人/天'],
      ['产出', '审计（专项审计调查）单位个数', '≥1个'],
      ['产出', '审计（专项审计调查）报告个数', '≥1个'],
      ['产出', '审计项目开展及时率', '≥90%'],
      ['满意度', '被审计单位满意度', '≥95%'],
    ]);
  });

  it('tie every character of a wrapped cell to its own line of the file', async () => {
    const document = await documentFromText(AUDIT_FORM);
    const table = document.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    const cell = table.rows.flat().find((c) => c.text === '审计（专项审计调查）单位个数')!;
    const first = toSourceOffset(document.sourceRuns, cell.start)!;
    const last = toSourceOffset(document.sourceRuns, cell.end - 1)!;
    expect(AUDIT_FORM.slice(first, first + 12)).toBe('审计（专项审计调查）单位');
    expect(AUDIT_FORM.slice(last - 1, last + 1)).toBe('个数');
    // the two parts stand on lines two apart, with the value's line between them
    expect(AUDIT_FORM.slice(first, last).split('\n')).toHaveLength(3);
  });

  it('cut rows into the groups their level lines stand in the middle of, and join names around their values', async () => {
    const [table] = tableTexts(await documentFromText(INTERLEAVED));
    expect(table.slice(1)).toEqual([
      ['绩效指标', '成本指标', '经济成本', '项目总成本', '≤539万元'],
      ['绩效指标', '成本指标', '经济成本', '三类会议、培训费人均成本', '≤450元/人/天'],
      ['绩效指标', '成本指标', '经济成本', '审计项目人员成本标准（旺季除外）', '≤560元/人/天'],
      ['绩效指标', '产出指标', '数量指标', '年度审计项目计划任务完成率', '≥90%'],
      ['绩效指标', '产出指标', '数量指标', '向社会公告审计结果数量', '≥1篇次'],
      ['绩效指标', '产出指标', '数量指标', '举办会议、培训次数', '≥8次'],
      ['绩效指标', '产出指标', '时效指标', '预算执行类审计项目完成时间', '7月底前'],
      ['绩效指标', '产出指标', '时效指标', '年度会议、培训计划按期完成率', '≥85%'],
    ]);
  });

  it('group 二级 rows first and a merged 一级 over whole 二级 groups', async () => {
    const [table] = tableTexts(await documentFromText(NESTED));
    expect(table.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual([
      ['成本指标', '经济成本指标', '项目总成本'],
      ['成本指标', '经济成本指标', '重点会展活动举办分项成本'],
      ['成本指标', '经济成本指标', '会展业发展奖励分项成本'],
      ['产出指标', '数量指标', '奖励对象数量'],
      ['产出指标', '数量指标', '市政府重点支持会展活动'],
      ['产出指标', '数量指标', '年度举办各类会展活动的总数量'],
      ['产出指标', '数量指标', '年度举办的展览活动的总数量'],
      ['产出指标', '质量指标', '补贴对象合规率'],
      ['产出指标', '质量指标', '市场化展会占比'],
      ['产出指标', '质量指标', '活动安全保障率'],
      ['产出指标', '时效指标', '补贴发放及时率'],
      ['产出指标', '时效指标', '活动举办及时率'],
    ]);
  });

  it('cut cells one space apart where they fall in different columns, and read a goal wrapped below its label', async () => {
    const [table] = tableTexts(await documentFromText(ONE_SPACE));
    expect(table).toEqual([
      ['项目名称', '实施公车统管费用'],
      ['主管部门及代码', '225_烟台市司法局', '实施单位', '烟台市司法局'],
      ['项目资金（万元）', '年度预算资金总额：', '15.00'],
      ['其中：财政拨款', '15.00'],
      ['其他资金', '0.00'],
      ['总体目标', '通过开展法律援助工作，为当事人提供法律援助、法律咨询等免费法律服务，有效维护当事人的合法权益，提供市民的法律意识。'],
      ['', '一级指标', '二级指标', '三级指标', '指标值'],
      ['绩效指标', '成本指标', '经济成本', '总支出不超过', '≤15万元'],
      ['绩效指标', '效益指标', '社会效益指标', '支持业务开展程度', '100%支持'],
      ['绩效指标', '满意度指标', '服务对象满意度指标', '使用车辆满意度', '100%'],
    ]);
  });

  it('leave text alone that only looks aligned: a form label without an indicator table, a spaced-out sentence', async () => {
    const text = [
      '         项目名称                            审计业务经费',
      '本项目  按照审计署计划安排，完成指定审计项目。',
      '',
      '一、  预算绩效管理情况',
    ].join('\n');
    const document = await documentFromText(text);
    expect(tableTexts(document).flat(2).join('')).not.toContain('按照审计署计划安排');
    expect(document.blocks.some((b) => b.type === 'paragraph' && b.text.includes('按照审计署计划安排，完成指定审计项目。'))).toBe(true);
  });

  it('end a table at a page break and read the next page’s form as a table of its own', async () => {
    const pageNumber = '                                — 29 —\f';
    const document = await documentFromText(`${AUDIT_FORM}\n\n\n\n${pageNumber}\n${AUDIT_FORM.replace('审计业务经费', '审计专项经费')}`);
    const names = tableTexts(document).map((t) => t[0][1]);
    expect(names).toEqual(['审计业务经费', '审计专项经费']);
    expect(tableTexts(document).map((t) => t.length)).toEqual([13, 13]);
  });
});

/** The 烟台 审计局 filing as pdftotext -layout prints it, against the truth written from its PDF. */
describe('the 烟台 审计局 filing printed by pdftotext -layout', () => {
  const truthFile = path.join(repoRoot, 'fixtures', 'real', 'truth', 'yantai-audit.json');
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as {
    source: string;
    projects: { name: string; total: { wan: string }; indicators: { category: string; name: string; thresholds: { text: string }[] }[] }[];
  };
  const pdf = path.join(sharedDir, 'real-filings', truth.source);
  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const runnable = hasShared && existsSync(pdf) && pdftotext;
  if (!hasShared) warnSkipped('the 烟台 审计局 pdftotext -layout comparison');
  else if (!runnable)
    console.warn(
      `SKIPPED: the 烟台 审计局 pdftotext -layout comparison — ${existsSync(pdf) ? 'pdftotext is not installed' : `${pdf} is absent`}`,
    );

  it.skipIf(!runnable)('gives the projects, totals and indicators of the truth', async () => {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 26 });
    const filing = extractFiling(await documentFromText(text.toString('utf8')));
    const plain = (s: string) => s.replace(/\s+/g, '');
    expect(filing.projects.map((p) => [p.name, p.total?.wan])).toEqual(truth.projects.map((p) => [p.name, p.total.wan]));
    filing.projects.forEach((project, k) => {
      expect(project.indicators.map((i) => [i.category, plain(i.name), plain(i.thresholds[0]?.text ?? '')])).toEqual(
        truth.projects[k].indicators.map((i) => [i.category, plain(i.name), plain(i.thresholds[0]?.text ?? '')]),
      );
    });
  });
});
