import { describe, expect, it } from 'vitest';
import { extractDepartmentGoals, extractDepartmentIndicators } from '../../../extractors/fields/department.js';
import { findStructure } from '../../../extractors/layout/structure.js';
import type { DepartmentIndicator } from '../../../src/model/extraction.js';
import { documentFromText } from '../../helpers/document.js';

const OPENING = [
  '第一部分',
  '部门整体绩效目标',
  '一、总体绩效目标',
  '2023年，本局认真贯彻落实上级决策部署，各项工作取得较好成效。',
  '二、分项绩效目标',
];
const PROJECTS = [
  '第三部分',
  '预算项目绩效目标',
  '关于学生资助项目绩效目标指标的说明',
  '一、项目基本情况',
  '（一）项目概况',
  '学生资助项目是我局为资助困难学生设置的。',
];

async function filing(department: string[]) {
  const document = await documentFromText([...OPENING, ...department, ...PROJECTS].join('\n'));
  return { document, structure: findStructure(document) };
}

describe('extractDepartmentGoals', () => {
  it('reads each project heading of the 分项绩效目标 list with the goals under it', async () => {
    const { document, structure } = await filing([
      '（一）、学生资助专项绩效目标：',
      '1、资助家庭经济困难学生；',
      '2、确保资助资金及时发放。',
      '(二)校舍维修绩效目标',
      '1、完成校舍维修',
      '（三）、教师培训项目费绩效目标:',
      '一是培训教师500人次；二是提升教学能力。',
    ]);
    const lists = extractDepartmentGoals(structure, document);
    expect(lists.map((l) => [l.project, l.goals.map((g) => `${g.index}:${g.text}`)])).toEqual([
      ['学生资助专项', ['1:资助家庭经济困难学生', '2:确保资助资金及时发放']],
      ['校舍维修', ['1:完成校舍维修']],
      ['教师培训项目费', ['1:培训教师500人次', '2:提升教学能力']],
    ]);
    for (const list of lists) {
      expect(list.source.quote).toBe(list.project);
      for (const goal of list.goals) expect(goal.source.quote).toBe(goal.text);
    }
  });

  it('is empty without a 分项绩效目标 list', async () => {
    const document = await documentFromText(PROJECTS.join('\n'));
    expect(extractDepartmentGoals(findStructure(document), document)).toEqual([]);
  });
});

const row = (r: DepartmentIndicator) => [
  r.category,
  r.subcategory,
  r.name,
  r.symbol,
  r.value,
  r.unit,
  r.threshold && `${r.threshold.op} ${r.threshold.value} ${r.threshold.unit}`,
];

describe('extractDepartmentIndicators', () => {
  it('reads the rows of a real table, with thresholds and missing values', async () => {
    const { document, structure } = await filing([
      '（一）、学生资助专项绩效目标：',
      '1、资助家庭经济困难学生。',
      '三、部门绩效文本信息',
      '| 一级指标 | 二级指标 | 三级指标 | 符号 | 值 | 单位 | 指标说明 |',
      '| 产出指标 | 指标1 | 完成资助工作。 |  | 组织健全，工作落实 | 文字描述 | 反映资助工作情况 |',
      '| 产出指标 | 完成率 | 信息采集上报比例 | = | 100 | % | 反映信息上报情况 |',
      '| 效果指标 | 社会稳定水平 | 群众安全感 |  |  |  |  |',
      '| 满意度指标 | 群众满意度 | 群众满意度 | ＝ |  | % | 反映群众满意程度 |',
    ]);
    const rows = extractDepartmentIndicators(structure, document);
    expect(rows.map(row)).toEqual([
      ['产出', '指标1', '完成资助工作', null, '组织健全，工作落实', '文字描述', 'qualitative null null'],
      ['产出', '完成率', '信息采集上报比例', '=', '100', '%', '= 100 %'],
      ['效果', '社会稳定水平', '群众安全感', null, null, null, null],
      ['满意度', '群众满意度', '群众满意度', '＝', null, '%', '= null %'],
    ]);
  });

  it('recovers rows from a table flattened into lines (TXT)', async () => {
    const { document, structure } = await filing([
      '（一）、学生资助专项绩效目标：',
      '1、资助家庭经济困难学生。',
      '三、部门绩效文本信息',
      '符号',
      '值',
      '单位（文字描述）',
      '产出指标',
      '指标1完成资助工作，推进资助政策落地生',
      '根。',
      '文字描述',
      '完成率',
      '信息采集上报比例',
      '=',
      '100',
      '%',
      '反映信息采集数',
      '量和信息上报的情况，信息真实完整。',
      '效果指标',
      '社会稳定水平',
      '已按程序处理信访案',
      '群众安全感',
      '满意度指标',
      '群众满意度',
      '=',
      '%',
      '自身建设、服务保障能力进一步提升',
    ]);
    expect(structure.departmentTables).toEqual([]);
    const rows = extractDepartmentIndicators(structure, document);
    expect(rows.map(row)).toEqual([
      ['产出', '完成率', '信息采集上报比例', '=', '100', '%', '= 100 %'],
      ['效果', '社会稳定水平', '已按程序处理信访案', null, null, null, null],
      ['效果', '社会稳定水平', '群众安全感', null, null, null, null],
      ['满意度', null, '群众满意度', '=', null, '%', '= null %'],
    ]);
    expect(rows[0].source.quote.replace(/\s+/g, '')).toBe('完成率信息采集上报比例=100%');
  });

  it('is empty when the filing has no department indicators', async () => {
    const { document, structure } = await filing(['（一）、学生资助专项绩效目标：', '1、资助家庭经济困难学生。']);
    expect(extractDepartmentIndicators(structure, document)).toEqual([]);
  });
});
