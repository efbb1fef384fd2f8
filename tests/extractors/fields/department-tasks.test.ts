import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { runChecks } from '../../../src/checks/index.js';
import type { DepartmentTask } from '../../../src/model/extraction.js';
import { documentFromText } from '../../helpers/document.js';

/** A department-wide form (部门整体支出绩效目标申报表) as a table: tasks with their budgets, then goals and indicators. */
function form(options: { unit?: string; rows?: string[]; total?: string; subHeader?: boolean } = {}): string {
  const rows = options.rows ?? [
    '| 年度主要任务 | 河道保洁 | 全区河道日常保洁 | 120 | 100 | 20 |',
    '|  | 防汛保障 | 汛期值守与抢险 | 80 | 80 | 0 |',
  ];
  return [
    '部门整体支出绩效目标申报表',
    '（2025年度）',
    '| 部门（单位）名称 | 青浦区水务局 |  |  |  |  |',
    `| 年度主要任务 | 任务名称 | 主要内容 | 预算金额（${options.unit ?? '万元'}） |  |  |`,
    ...(options.subHeader === false ? [] : ['|  |  |  | 总额 | 财政拨款 | 其他资金 |']),
    ...rows,
    `| 金额合计 |  |  | ${options.total ?? '200 | 180 | 20'} |`,
    '| 年度总体目标 | 保障河道环境整洁，确保安全度汛。 |  |  |  |  |',
    '| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |  |',
    '|  | 产出指标 | 数量指标 | 保洁河道长度 | ≥120公里 |  |',
  ].join('\n');
}

const brief = (task: DepartmentTask | null) =>
  task && [task.name, task.content, task.amount?.wan ?? null, task.parts.map((p) => `${p.label}=${p.amount?.wan ?? '-'}`)];

describe('department-wide forms: 年度主要任务', () => {
  it('reads each task with its content, its budget and the budget’s sources, and the 金额合计 row', async () => {
    const document = await documentFromText(form());
    const extraction = extractFiling(document);
    expect(extraction.department).toBe('青浦区水务局');
    expect(extraction.department_tasks.map(brief)).toEqual([
      ['河道保洁', '全区河道日常保洁', '120', ['财政拨款=100', '其他资金=20']],
      ['防汛保障', '汛期值守与抢险', '80', ['财政拨款=80', '其他资金=0']],
    ]);
    expect(brief(extraction.department_tasks_total)).toEqual(['合计', null, '200', ['财政拨款=180', '其他资金=20']]);
    // each figure quotes its cell
    expect(extraction.department_tasks[0].amount?.source.quote).toBe('120');
    expect(extraction.department_tasks[0].parts[1].amount?.source.quote).toBe('20');
    // the indicators after the tasks are the department's, and so is the form's 年度总体目标
    expect(extraction.department_indicators.map((i) => i.name)).toEqual(['保洁河道长度']);
    expect(extraction.department_form_goals.map((g) => [g.kind, g.index, g.text])).toEqual([
      ['annual', 1, '保障河道环境整洁，确保安全度汛'],
    ]);
    expect(extraction.projects).toEqual([]);
  });

  it('reads amounts in the unit the header gives, and a table without sources', async () => {
    const inYuan = extractFiling(
      await documentFromText(
        form({
          unit: '元',
          rows: ['| 年度主要任务 | 河道保洁 | 日常保洁 | 1,200,000.00 | 1,000,000.00 | 200,000.00 |'],
          total: '1,200,000.00 | 1,000,000.00 | 200,000.00',
        }),
      ),
    );
    expect(inYuan.department_tasks.map(brief)).toEqual([['河道保洁', '日常保洁', '120', ['财政拨款=100', '其他资金=20']]]);
    const plain = extractFiling(
      await documentFromText(
        form({ subHeader: false, rows: ['| 年度主要任务 | 河道保洁 | 日常保洁 | 120 |', '|  | 防汛保障 | 汛期值守 | 80 |'], total: '200' }),
      ),
    );
    expect(plain.department_tasks.map(brief)).toEqual([
      ['河道保洁', '日常保洁', '120', []],
      ['防汛保障', '汛期值守', '80', []],
    ]);
  });

  it('finds no task table in a project form', async () => {
    const extraction = extractFiling(
      await documentFromText(
        [
          '| 项目名称 | 河道保洁 |',
          '| 年度资金总额 | 120 |',
          '| 一级指标 | 二级指标 | 三级指标 | 指标值 |',
          '| 产出指标 | 数量指标 | 保洁河道长度 | ≥120公里 |',
        ].join('\n'),
      ),
    );
    expect([extraction.department_tasks, extraction.department_tasks_total]).toEqual([[], null]);
  });

  it('checks the 金额合计 against the tasks, and each budget against its sources', async () => {
    const sums = async (text: string) => {
      const document = await documentFromText(text);
      return runChecks({ document, extraction: extractFiling(document) })
        .filter((f) => f.kind === 'sum_mismatch')
        .map((f) => [f.message.slice(0, f.message.indexOf('与')), f.expected, f.actual]);
    };
    expect(await sums(form())).toEqual([]);
    expect(await sums(form({ total: '210 | 180 | 20' }))).toEqual([
      ['“金额合计”210万元', '210', '200'],
      ['“金额合计”210万元', '210', '200'],
    ]);
    // a source that does not add up to its task's budget, and so not to the 金额合计's figure for that source either
    expect(
      await sums(
        form({
          rows: ['| 年度主要任务 | 河道保洁 | 全区河道日常保洁 | 120 | 100 | 20 |', '|  | 防汛保障 | 汛期值守与抢险 | 80 | 70 | 0 |'],
        }),
      ),
    ).toEqual([
      ['“防汛保障”80万元', '80', '70'],
      ['“金额合计中的财政拨款”180万元', '180', '170'],
    ]);
  });

  it('checks the department’s indicator weights against 100', async () => {
    const weighted = (weights: string[]) =>
      [
        '部门整体支出绩效目标申报表',
        '| 部门（单位）名称 | 青浦区水务局 |  |  |  |',
        '| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 权重 |',
        `|  | 产出指标 | 数量指标 | 保洁河道长度 | ≥120公里 | ${weights[0]} |`,
        `|  | 满意度指标 | 服务对象满意度 | 居民满意度 | ≥90% | ${weights[1]} |`,
      ].join('\n');
    const check = async (text: string) => {
      const document = await documentFromText(text);
      const extraction = extractFiling(document);
      return { extraction, sums: runChecks({ document, extraction }).filter((f) => f.kind === 'sum_mismatch') };
    };
    const wrong = await check(weighted(['60', '30']));
    expect(wrong.extraction.department_indicators.map((i) => i.weight?.value)).toEqual(['60', '30']);
    expect(wrong.sums.map((f) => [f.project, f.expected, f.actual])).toEqual([[null, '100', '90']]);
    expect((await check(weighted(['60', '40']))).sums).toEqual([]);
  });
});
