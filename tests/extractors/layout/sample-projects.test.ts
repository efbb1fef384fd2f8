import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiling } from '../../../extractors/index.js';
import { readDocument } from '../../../src/normalize/read-document.js';
import type { Extraction, FundingItem } from '../../../src/model/extraction.js';
import { samplePath } from '../../helpers/paths.js';

const formats = ['txt', 'docx', 'pdf'] as const;
const extractions = {} as Record<(typeof formats)[number], Extraction>;
const texts = {} as Record<(typeof formats)[number], string>;

beforeAll(async () => {
  for (const format of formats) {
    const document = await readDocument(format, readFileSync(samplePath(format)));
    extractions[format] = extractFiling(document);
    texts[format] = document.text;
  }
});

const EXPECTED = [
  ['信访维稳项目', ['信访经费项目'], '信访办', '50'],
  ['王跃强专项医疗专项项目', ['王跃强专项医疗费项目'], '信访办', '120'],
  ['特殊疑难问题专项项目', ['特殊疑难问题信访项目'], '信访办', '200'],
  ['综治工作经费项目', [], '综治办', '33'],
  ['铁路护路可视化监管项目', ['铁路护路联防工作经费项目'], '综治办', '152'],
  ['上板城综合楼维护项目', ['上板城综合楼维护经费项目'], '综治办', '40'],
  ['交警专项项目', [], '国安办', '20'],
  ['普法宣传项目', [], '司法办', '2'],
  ['社区矫正基地维护项目', ['社区矫正基地维护费用项目'], '司法办', '14.5'],
  ['社区矫正经费项目', [], '司法办', '18'],
  ['防范办经费项目', [], '反邪教协调科', '1'],
  ['国安办专项项目', ['国安办经费项目'], '防线办', '1'],
  ['群众中心办公楼维护项目', [], '群众中心', '41.3'],
  ['高新区法庭建设项目', [], '综治办', '489'],
  ['法制工作专项项目', ['法制工作项目'], '司法办', '243.08'],
] as const;

type Tree = [string, string | null, Tree[]?];
const tree = (items: FundingItem[]): Tree[] =>
  items.map((i) => (i.children.length ? [i.label, i.amount?.wan ?? null, tree(i.children)] : [i.label, i.amount?.wan ?? null]));

/** The extraction without offsets and pages, which differ between renderings. */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['page', 'start', 'end'].includes(key))
        .map(([key, v]) => [key, withoutLocations(v)]),
    );
  }
  return value;
}

describe('projects and money of the sample filing', () => {
  it.each(formats)('finds the 15 projects with names, aliases, departments and exact totals (%s)', (format) => {
    const projects = extractions[format].projects;
    expect(projects.map((p) => [p.name, p.aliases, p.department, p.total?.wan ?? null])).toEqual(EXPECTED.map((e) => [...e]));
    expect(projects.every((p) => p.year === 2022)).toBe(true);
  });

  it('reads every breakdown item with its amount and nesting', () => {
    const byName = Object.fromEntries(extractions.txt.projects.map((p) => [p.name, tree(p.funding_items)]));
    expect(byName.王跃强专项医疗专项项目).toEqual([
      ['王跃强每月的住院费', '90'],
      ['王跃强护理费', '19'],
      ['王跃强家属住宿费', '9'],
      ['院外费用及工作组差旅费', '2'],
    ]);
    expect(byName.综治工作经费项目).toEqual([['综治工作', '8']]);
    expect(byName.国安办专项项目).toEqual([['印刷宣传手册、宣传单等', '1']]);
    expect(byName.交警专项项目).toEqual([
      ['车辆租赁费', '12.28'],
      ['其他', '7.72'],
    ]);
    expect(byName.社区矫正基地维护项目.map(([, wan]) => wan)).toEqual(['7.72', '0.2', '0.9', '0.32', '1', '1', '0.86', '4']);
    expect(byName.群众中心办公楼维护项目).toEqual([
      ['房屋租赁', '10'],
      ['保安保洁工资、保险', '10.3'],
      [
        '供水、供电、供热',
        '7',
        [
          ['供水', '1'],
          ['供电', '3'],
          ['取暖', '3'],
        ],
      ],
      ['物业费、垃圾处理费', '2'],
      ['移动电话、移动网', '4'],
      ['办公楼日常维修维护费用', '7.3'],
    ]);
    expect(byName.法制工作专项项目).toEqual([
      ['案件代理费', '90'],
      [
        '常年法律服务费',
        '28',
        [
          ['北京中伦律师事务所', '8'],
          ['河北骥腾律师事务所', '20'],
        ],
      ],
      ['法制培训费', '5'],
      ['偿还河北骥腾律师事务所服务费', '44'],
      ['其他欠款等', null],
    ]);
    expect(byName.高新区法庭建设项目).toEqual([]);
    expect(byName.铁路护路可视化监管项目).toEqual([['购买项目', '152']]);
  });

  it('gives the same projects and money from TXT, DOCX and PDF, apart from pages and offsets', () => {
    const money = (format: (typeof formats)[number]) =>
      withoutLocations(
        extractions[format].projects.map((p) => ({
          name: p.name,
          aliases: p.aliases,
          department: p.department,
          total: p.total,
          items: p.funding_items,
          content: p.content_items,
        })),
      );
    expect(money('docx')).toEqual(money('txt'));
    expect(money('pdf')).toEqual(money('txt'));
  });

  it.each(formats)('locates every value: its quote is the text at its span (%s)', (format) => {
    for (const project of extractions[format].projects) {
      const sources = [
        project.source,
        project.total?.source,
        project.total_phrase,
        ...flatten(project.funding_items).flatMap((i) => [i.source, i.amount?.source]),
      ];
      for (const source of sources) {
        if (!source) continue;
        expect(texts[format].slice(source.start, source.end)).toBe(source.quote);
        if (format !== 'docx') expect(source.page).not.toBeNull();
      }
    }
  });

  it('places values on their printed page (TXT) and physical page (PDF)', () => {
    const txt = extractions.txt.projects.find((p) => p.name === '法制工作专项项目')!;
    const pdf = extractions.pdf.projects.find((p) => p.name === '法制工作专项项目')!;
    // after the last printed number (36) comes the page after it
    expect(txt.total?.source.page).toBe(37);
    expect(pdf.total?.source.page).toBe(24);
  });
});

function flatten(items: FundingItem[]): FundingItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}
