import { describe, expect, it } from 'vitest';
import { extractWithStructure } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { documentFromText } from '../helpers/document.js';

async function check(lines: string[]) {
  const document = await documentFromText(lines.join('\n'));
  const { extraction, structure } = extractWithStructure(document);
  const findings = runChecks({ document, extraction, structure }).filter(
    (f) => f.kind === 'unrecognised_layout' || f.kind === 'no_project_targets',
  );
  return { extraction, findings };
}

/** A layout none of the extractors know: amounts and targets, but no heading, form or table that says "project". */
const UNKNOWN = [
  '城乡供水保障：安排资金86.5万元，用于管网维护和水质检测。',
  '维护供水管网长度不少于120公里，出厂水水质合格率达到98%以上。',
  '农村公路养护：安排资金120万元，其中省级补助40万元。',
  '养护里程达到350公里，路面完好率不低于九成。',
  '群众满意度达到90%以上。',
];

describe('nothing lost silently', () => {
  it('a filing with amounts and targets but no project it can recognise is reported, quoting what was left over', async () => {
    const { extraction, findings } = await check(UNKNOWN);
    expect(extraction.projects).toEqual([]);
    expect(extraction.coverage?.ratio).toBe(0);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['unrecognised_layout', 'warning']]);
    expect(findings[0].locations.length).toBeGreaterThan(0);
    expect(findings[0].locations[0].quote).toContain('万元');
  });

  it('a disclosure that prints statements and says how many projects have targets is said as such, not as unrecognised', async () => {
    const { findings } = await check([
      '一、收支总表情况说明',
      '2026年收入预算3,558.35万元，支出预算3,558.35万元。',
      '二、一般公共预算支出情况说明',
      '2026年一般公共预算支出2,776.75万元。',
      '三、绩效目标设置情况',
      '2026年度，本单位编报绩效目标的项目共9个，涉及项目预算资金1,887.00万元。',
    ]);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['no_project_targets', 'info']]);
    expect(findings[0].message).toContain('编报绩效目标的项目共9个');
    expect(findings[0].locations[0].quote).toContain('1,887.00万元');
  });

  it('a filing whose projects hold its evidence gets no layout finding, and its coverage says so', async () => {
    const { extraction, findings } = await check([
      '项目一：城乡供水保障',
      '（一）资金安排：安排资金86.5万元，用于管网维护和水质检测。',
      '（二）绩效指标：维护供水管网长度不少于120公里，出厂水水质合格率达到98%以上。',
      '项目二：农村公路养护',
      '（一）资金安排：安排资金120万元。',
      '（二）绩效指标：养护里程达到350公里。',
    ]);
    expect(extraction.projects.map((p) => p.name)).toEqual(['城乡供水保障', '农村公路养护']);
    expect(extraction.coverage?.ratio).toBe(1);
    expect(findings).toEqual([]);
  });

  it('a filing with projects but most of its evidence outside them is reported', async () => {
    const { extraction, findings } = await check([
      '项目一：城乡供水保障',
      '（一）资金安排：安排资金86.5万元。',
      '第二部分',
      ...UNKNOWN,
      ...UNKNOWN.map((line) => line.replace('万元', '万元整')),
      ...UNKNOWN.map((line) => line.replace('万元', '万元左右')),
    ]);
    expect(extraction.projects).toHaveLength(1);
    expect(extraction.coverage!.ratio).toBeLessThan(0.8);
    expect(findings.map((f) => f.kind)).toEqual(['unrecognised_layout']);
  });
});
