import { describe, expect, it } from 'vitest';
import { FORM_LABELS, foldLabel, formLabelOf } from '../../src/model/form-labels.js';

describe('the form label lexicon', () => {
  it.each(FORM_LABELS.flatMap((entry) => entry.labels.map((label) => [label, entry.kind] as const)))('%s is a %s label', (label, kind) => {
    expect(formLabelOf(label)).toBe(kind);
  });

  it.each(FORM_LABELS.map((entry) => [entry.kind, entry.example] as const))(
    'the example of %s starts with one of its labels: %s',
    (kind, example) => {
      const prefixes = Array.from({ length: example.length }, (_, n) => example.slice(0, n + 1));
      expect(prefixes.some((prefix) => formLabelOf(prefix) === kind)).toBe(true);
    },
  );

  it.each([
    ['年度预算资金总额：', 'total'],
    ['年 度 资 金 总 额', 'total'],
    ['年\n度\n总\n体\n目\n标', 'goal_annual'],
    ['其中：财政拨款', 'part'],
    ['其中:上年结转', 'part'],
    ['项目资金（万元）', 'total'],
    ['项目资金总额(元)', 'multi_year_total'],
    ['主管部门及代码', 'department'],
    ['项目名称：', 'project_name'],
    ['实施期绩效目标', 'goal_overall'],
    ['指标值及单位', 'value'],
    ['评（扣）分标准', 'standard'],
    ['度量单位', 'measure_unit'],
    ['分值', 'weight'],
  ] as const)('%s, whatever its spacing, brackets and colon, is a %s label', (text, kind) => {
    expect(formLabelOf(text)).toBe(kind);
  });

  it.each(['烟台市审计局', '审计业务经费', '≥95%', '按照审计署相关计划安排，完成指定审计项目', '2200'])('%s is no label', (text) => {
    expect(formLabelOf(text)).toBeNull();
  });

  it('folds a label to its bare words', () => {
    expect(foldLabel(' 其中： 财政拨款（万元）： ')).toBe('财政拨款');
  });
});
