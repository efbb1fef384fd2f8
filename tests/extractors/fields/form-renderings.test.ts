import { describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import type { Extraction } from '../../../src/model/extraction.js';
import { documentFromText } from '../../helpers/document.js';

/**
 * One 项目支出绩效目标表, with labels the sample never uses (项目支出名称, 预算部门, 预算单位, 年度本级预算金额,
 * 本级财政资金, 上级资金, 本年度绩效目标), in the renderings real copies arrive in: a web copy with | between
 * cells, one cell per line, and a PDF text layer that glues each label to its value.
 */
const PIPES = `
项目支出名称 | 城乡供水一体化运维
预算部门 | 临江县水利局 | 预算单位 | 临江县水务服务中心
年度本级预算金额 | 86.50
其中：本级财政资金 | 60.50
上级资金 | 26.00
本年度绩效目标 | 保障全县城乡供水设施正常运行，供水水质达标。
一级指标 | 二级指标 | 三级指标 | 指标值
产出指标 | 数量指标 | 维护供水管网长度 | ≥120公里
产出指标 | 质量指标 | 出厂水水质合格率 | ≥98%
效益指标 | 社会效益指标 | 农村供水保障人口 | ≥3.2万人
满意度指标 | 服务对象满意度指标 | 用水群众满意度 | ≥90%
`;

const ONE_CELL_PER_LINE = `
项目名称
城乡供水一体化运维
主管部门
临江县水利局
实施单位
临江县水务服务中心
年度资金总额
86.50
其中：财政拨款
60.50
其他资金
26.00
年度目标
保障全县城乡供水设施正常运行，供水水质达标。
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
维护供水管网长度
≥120公里
质量指标
出厂水水质合格率
≥98%
效益指标
社会效益指标
农村供水保障人口
≥3.2万人
满意度指标
服务对象满意度指标
用水群众满意度
≥90%
`;

const GLUED = `
项目支出绩效目标表（2026）
项目名称城乡供水一体化运维
主管部门临江县水利局实施单位临江县水务服务中心
项目资金（万元）
年度资金总额 86.50
其中：财政拨款 60.50
其他资金 26.00
绩效目标
保障全县城乡供水设施正常运行，供水水质达标。
绩
效
指
标
一级指标 二级指标 三级指标 指标值
产出指标 数量指标
维护供水管网长度 ≥120 公里
质量指标
出厂水水质合格率 ≥98%
效益指标 社会效益指标 农村供水保障人口 ≥3.2 万人
满意度
指标
服务对象满意
度指标
用水群众满意度 ≥90%
`;

function summary(extraction: Extraction) {
  return extraction.projects.map((p) => ({
    name: p.name,
    department: p.department,
    total: p.total?.wan ?? null,
    parts: p.form_fields.filter((f) => f.role === 'part').map((f) => f.amount.wan),
    goals: p.goals.map((g) => g.text),
    indicators: p.indicators.map((i) => [i.category, i.name, ...i.thresholds.map((t) => `${t.op}${t.value}${t.unit ?? ''}`)].join(' ')),
  }));
}

const expected = {
  name: '城乡供水一体化运维',
  department: '临江县水务服务中心',
  total: '86.5',
  parts: ['60.5', '26'],
  goals: ['保障全县城乡供水设施正常运行，供水水质达标'],
  indicators: [
    '产出 维护供水管网长度 >=120公里',
    '产出 出厂水水质合格率 >=98%',
    '效益 农村供水保障人口 >=3.2万人',
    '满意度 用水群众满意度 >=90%',
  ],
};

describe('one form in every rendering', () => {
  it.each([
    ['a web copy with | between cells, and other labels', PIPES],
    ['one cell per line', ONE_CELL_PER_LINE],
    ['a text layer that glues labels to values', GLUED],
  ])('%s', async (_, text) => {
    const extraction = extractFiling(await documentFromText(text));
    expect(summary(extraction)).toEqual([expected]);
    // every value keeps its place in the text
    const project = extraction.projects[0];
    for (const indicator of project.indicators) expect(indicator.source.quote.replace(/\s+/g, '')).toContain(indicator.name.slice(0, 4));
  });
});
