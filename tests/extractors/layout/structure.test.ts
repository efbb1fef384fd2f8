import { describe, expect, it } from 'vitest';
import { findStructure, projectTitleName } from '../../../extractors/layout/structure.js';
import { documentFromText } from '../../helpers/document.js';

describe('project titles', () => {
  it.each([
    ['关于信访维稳项目绩效目标指标的说明', '信访维稳项目'],
    ['高新区法庭建设项目绩效目标指标的说明', '高新区法庭建设项目'],
    ['农村公路养护项目绩效目标说明', '农村公路养护项目'],
    ['关于校舍维修改造项目的绩效目标说明', '校舍维修改造项目'],
    ['项目一：农村人居环境整治', '农村人居环境整治'],
    ['项目2、耕地地力保护补贴', '耕地地力保护补贴'],
    ['（一）校舍维修改造项目', '校舍维修改造项目'],
    ['社区养老服务项目支出绩效目标表', '社区养老服务项目'],
    ['爱国卫生运动经费情况说明', '爱国卫生运动经费'],
    ['关于居家养老服务项目绩效目标设置情况的说明', '居家养老服务项目'],
    ['关于农村饮水安全项目绩效目标编制说明', '农村饮水安全项目'],
    ['社区矫正经费绩效目标申报情况说明', '社区矫正经费'],
    ['关于法律援助项目绩效目标和指标设置情况的说明', '法律援助项目'],
    // projects whose names begin like a statement section's
    ['政府采购服务项目情况说明', '政府采购服务'],
    ['国有资产清查项目绩效目标说明', '国有资产清查项目'],
    // the list marker before a title is not part of the name
    ['一、河道保洁经费情况说明', '河道保洁经费'],
    ['3.农村饮水安全项目绩效目标说明', '农村饮水安全项目'],
  ])('%s → %s', (line, name) => {
    expect(projectTitleName(line)).toBe(name);
  });

  it.each([
    '（一）项目概况',
    '二、绩效目标和指标设置情况',
    '财政项目支出绩效目标申报表',
    '临河区卫生健康委员会2025年度项目支出绩效目标表',
    '二、分项绩效目标',
    '一、项目基本情况',
    '部门整体绩效目标',
    // the sections of a department's budget or final accounts (部门预算 / 部门决算 disclosures, national template)
    '一、收入支出决算总体情况说明',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    '七、财政拨款“三公”经费支出决算情况说明',
    '九、国有资本经营预算财政拨款收入支出决算情况说明',
    '其他相关情况说明',
    '（三）国有资产占有使用情况说明',
    '十一、其他重要事项的情况说明',
    '详见单位的项目绩效目标表',
  ])('is not fooled by %s', (line) => {
    expect(projectTitleName(line)).toBeNull();
  });
});

describe('filing structure', () => {
  it('ends a project at a department-wide statement section, which starts none', async () => {
    const document = await documentFromText(
      [
        '河道保洁经费情况说明',
        '一、项目概述：对辖区河道开展日常保洁。',
        '二、年度预算安排：安排资金120万元。',
        '其他相关情况说明',
        '一、2026年“三公”经费预算情况说明',
        '2026年“三公”经费预算数为42.24万元。其中：公务用车运行费42.24万元。',
        '城管执法经费情况说明',
        '一、项目概述：开展违法建设治理。',
      ].join('\n'),
    );
    const projects = findStructure(document).projects;
    expect(projects.map((p) => p.title.name)).toEqual(['河道保洁经费', '城管执法经费']);
    const texts = projects[0].blocks.map((b) => (b.type === 'table' ? '' : b.text));
    expect(texts).toContain('二、年度预算安排：安排资金120万元。');
    expect(texts.some((t) => t.includes('三公'))).toBe(false);
  });

  it('finds parts, unit headers, projects and their sub-sections', async () => {
    const document = await documentFromText(
      [
        '第三部分',
        '预算项目绩效目标',
        '教 育 股',
        '关于校舍维修项目绩效目标指标的说明',
        '一、项目基本情况',
        '（一）项目概况',
        '校舍维修项目是我局为改善办学条件设置的。',
        '（二）资金安排情况',
        '2023年该项目安排资金共计30万元。',
        '二、绩效目标和指标设置情况',
        '（一）绩效目标',
        '主要设置了1项绩效目标：是完成校舍维修。',
        '（二）绩效指标',
        '1、对应目标一设置1项产出指标，是维修面积。',
        '（三）评价标准',
        '1、目标一对应指标的评价标准是维修面积不少于500平方米。',
        '财务室',
        '项目二：教师培训',
        '资金安排：培训经费10万元。',
      ].join('\n'),
    );
    const structure = findStructure(document);
    expect(structure.parts.map((p) => p.name)).toEqual(['第三部分']);
    expect(structure.projects.map((p) => [p.title.name, p.unit?.name ?? null])).toEqual([
      ['校舍维修项目', '教育股'],
      ['教师培训', '财务室'],
    ]);
    const [first, second] = structure.projects;
    expect(Object.keys(first.subsections).sort()).toEqual(['funding', 'goals', 'indicators', 'overview', 'standards']);
    expect(first.subsections.funding?.map((b) => (b.type === 'table' ? '' : b.text))).toEqual(['2023年该项目安排资金共计30万元。']);
    // a paragraph that opens its own sub-section belongs to it
    expect(second.subsections.funding?.map((b) => (b.type === 'table' ? '' : b.text))).toEqual(['资金安排：培训经费10万元。']);
    expect(document.text.slice(first.title.start, first.title.end)).toBe('校舍维修项目');
  });

  it('starts a project at a form and takes its 项目名称 as the name, under a title of the same project', async () => {
    const document = await documentFromText(
      [
        '爱国卫生运动经费情况说明',
        '一、项目概述：组织病媒生物防制。',
        '财政项目支出绩效目标申报表',
        '项目名称 | 爱国卫生运动',
        '主管部门 | 卫生健康委员会 | 实施单位 | 疾病预防控制科',
        '',
        '财政项目支出绩效目标申报表',
        '项目名称 | 家庭医生签约服务',
        '主管部门 | 卫生健康委员会 | 实施单位 | 医政医管股',
      ].join('\n'),
    );
    const names = findStructure(document).projects.map((p) => p.title.name);
    expect(names).toEqual(['爱国卫生运动', '家庭医生签约服务']);
  });

  it('collects the department-level goal list under 分项绩效目标', async () => {
    const document = await documentFromText(
      [
        '二、分项绩效目标',
        '（一）、校舍维修绩效目标：',
        '1、完成校舍维修；',
        '三、工作保障措施',
        '加强领导。',
        '关于校舍维修项目绩效目标指标的说明',
      ].join('\n'),
    );
    const structure = findStructure(document);
    expect(structure.departmentGoals.map((b) => (b.type === 'table' ? '' : b.text))).toEqual([
      '（一）、校舍维修绩效目标：',
      '1、完成校舍维修；',
    ]);
  });
});
