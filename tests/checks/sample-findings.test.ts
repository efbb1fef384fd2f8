import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiling } from '../../extractors/index.js';
import { runChecks } from '../../src/checks/index.js';
import { readDocument } from '../../src/normalize/read-document.js';
import type { Finding } from '../../src/model/finding.js';
import { samplePath } from '../helpers/paths.js';

const formats = ['txt', 'docx', 'pdf'] as const;
const findings = {} as Record<(typeof formats)[number], Finding[]>;

beforeAll(async () => {
  for (const format of formats) {
    const document = await readDocument(format, readFileSync(samplePath(format)));
    findings[format] = runChecks({ document, extraction: extractFiling(document) });
  }
});

const of = (format: (typeof formats)[number], kind: Finding['kind']) => findings[format].filter((f) => f.kind === kind);

describe.each(formats)('findings on the sample (%s)', (format) => {
  it('reports the four sum mismatches with the right numbers and both sides quoted, and none on the other 11 projects', () => {
    const sums = of(format, 'sum_mismatch').filter((f) => f.severity !== 'info');
    expect(sums.map((f) => [f.project, f.expected, f.actual])).toEqual([
      ['综治工作经费项目', '33', '8'],
      ['社区矫正基地维护项目', '14.5', '16'],
      ['群众中心办公楼维护项目', '41.3', '40.6'],
      ['法制工作专项项目', '243.08', '167'],
    ]);
    expect(of(format, 'sum_mismatch')).toHaveLength(4);
    const law = sums[3];
    expect(law.message).toContain('未说明');
    expect(law.message).toContain('其他欠款等');
    expect(law.locations[0]).toMatchObject({ role: 'declared total', quote: '243.08万元' });
    expect(law.locations.map((l) => l.quote)).toContain('其他欠款等');
    expect(sums[0].locations.map((l) => l.quote)).toEqual(['33万元', '8万元']);
  });

  it('reports the declared counts that disagree with what is listed', () => {
    const counts = of(format, 'count_mismatch').map((f) => [f.project, f.expected, f.actual]);
    expect(counts).toContainEqual(['综治工作经费项目', '1', '2']);
    expect(counts).toContainEqual(['交警专项项目', '2', '1']);
    expect(counts).toContainEqual(['法制工作专项项目', '2', '1']);
    expect(counts).toHaveLength(3);
  });

  it('reports section 三 repeating section 一, and the 国安办 goal listed twice', () => {
    const sections = of(format, 'duplicate_section');
    expect(sections).toHaveLength(1);
    expect(sections[0].message).toContain('“三、工作保障措施”重复了“一、总体绩效目标”');
    expect(sections[0].locations.every((l) => l.quote.includes('政法委在区工委的正确领导下'))).toBe(true);
    const items = of(format, 'duplicate_item');
    expect(items.map((f) => [f.project, f.locations.map((l) => l.quote)])).toEqual([
      ['国安办经费', ['1、针对国家安全进行组织宣传；', '2、针对国家安全进行组织宣传。']],
    ]);
  });

  it('reports the department summary disagreeing with the projects', () => {
    const cross = of(format, 'cross_section_mismatch').map((f) => f.project);
    for (const project of ['铁路护路可视化监管项目', '上板城综合楼维护项目', '群众中心办公楼维护项目']) expect(cross).toContain(project);
    const center = of(format, 'cross_section_mismatch').find((f) => f.project === '群众中心办公楼维护项目')!;
    expect(center.message).toContain('保障执法执勤车辆正常运行');
    expect(cross).not.toContain('特殊疑难问题专项项目');
  });

  it('reports the 群众满意度 row without value and the tables the text refers to', () => {
    const missing = of(format, 'missing_value');
    expect(missing.some((f) => f.message.includes('“群众满意度”') && f.message.includes('没有指标值'))).toBe(true);
    expect(missing.some((f) => f.message.includes('详见列表') && f.locations.length === 15)).toBe(true);
  });

  it('reports the 满意度 indicator that measures no satisfaction', () => {
    expect(of(format, 'suspicious_value').some((f) => f.message.includes('完成铁路沿线视频监控建设及联网应用完工使用率'))).toBe(true);
  });
});

describe('printed page-number gaps', () => {
  it('are reported on the TXT, where the printed numbers jump 19 → 22 and 34 → 36', () => {
    expect(
      of('txt', 'suspicious_value')
        .filter((f) => f.message.startsWith('页码'))
        .map((f) => [f.expected, f.actual]),
    ).toEqual([
      ['20', '22'],
      ['35', '36'],
    ]);
    expect(of('pdf', 'suspicious_value').filter((f) => f.message.startsWith('页码'))).toEqual([]);
  });
});
