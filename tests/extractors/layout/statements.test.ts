import { describe, expect, it } from 'vitest';
import { STATEMENTS, statementKindOf } from '../../../extractors/layout/statements.js';
import { projectTitleName } from '../../../extractors/layout/structure.js';

describe('the statement lexicon', () => {
  it.each(STATEMENTS.map((entry) => [entry.kind, entry.example] as const))('%s: %s', (kind, example) => {
    expect(statementKindOf(example)).toBe(kind);
  });

  it.each([
    ['公开表1 收支总体情况表', 'income_expenditure'],
    ['表4：2026年市级部门财政拨款收支预算总表', 'fiscal_appropriation'],
    ['附表3 支出总表', 'expenditure'],
    ['2026年一般公共预算“三公”经费支出情况表', 'three_public'],
    ['一、收支总表情况说明', 'income_expenditure'],
    ['五、一般公共预算支出情况说明', 'general_budget'],
    ['预算单位财务收支预算总表', 'income_expenditure'],
    ['一般公共预算支出表（按经济分类）', 'general_budget'],
    ['十一、项目支出预算情况表', 'project_expenditure'],
    ['六、国有资产占有使用情况', 'state_assets'],
    ['一、预算收支增减变化情况说明', 'budget_change'],
  ] as const)('the disclosure title %s names a statement (%s)', (title, kind) => {
    expect(statementKindOf(title)).toBe(kind);
  });

  it.each(['政府采购服务项目', '国有资产清查项目', '社区矫正经费', '城市更新城市体检', '审计业务经费', '基本公共卫生服务'])(
    'the project %s is no statement',
    (name) => {
      expect(statementKindOf(name)).toBeNull();
    },
  );

  it.each([
    '一、收支总表情况说明',
    '四、财政拨款收支总表情况说明',
    '十五、预算绩效目标设置情况说明',
    '（四）重点支出和重大投资项目情况说明',
    '（二）单位预算项目绩效目标表',
  ])('the heading %s is no project title', (heading) => {
    expect(projectTitleName(heading)).toBeNull();
  });

  it.each([
    ['关于信访维稳项目绩效目标指标的说明', '信访维稳项目'],
    ['社区养老服务项目支出绩效目标表', '社区养老服务项目'],
    ['政府采购服务项目情况说明', '政府采购服务'],
    ['爱国卫生运动经费情况说明', '爱国卫生运动经费'],
  ])('the heading %s still names the project %s', (heading, name) => {
    expect(projectTitleName(heading)).toBe(name);
  });
});
