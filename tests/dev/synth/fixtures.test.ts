import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { findFixture, FIXTURES } from '../../../src/dev/synth/corpus.js';
import { Truth } from '../../../src/dev/synth/truth.js';
import { parseWan, sumItems } from './helpers.js';

/** The committed evaluation fixtures (fixtures/templates) must be what the generator makes from their specs. */
const DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'templates');

describe.each(FIXTURES.map((spec) => [spec.name, spec] as const))('fixture %s', (name, spec) => {
  const path = (extension: string) => join(DIR, `${name}${extension}`);

  it('has its text, DOCX, PDF and expected truth committed', () => {
    for (const extension of ['.txt', '.docx', '.pdf', '.expected.json'])
      expect(existsSync(path(extension)), `${name}${extension}`).toBe(true);
  });

  it('matches what the generator makes from its spec', () => {
    const { filing, text } = findFixture(spec);
    expect(readFileSync(path('.txt'), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(path('.expected.json'), 'utf8'))).toEqual(filing.truth);
  });

  it('has a valid truth without planted problems, whose totals add up', () => {
    const truth = Truth.parse(JSON.parse(readFileSync(path('.expected.json'), 'utf8')));
    expect(truth.planted).toEqual([]);
    expect(truth.projects.length).toBeGreaterThanOrEqual(3);
    expect(truth.projects.length).toBeLessThanOrEqual(6);
    for (const project of truth.projects) expect(sumItems(project.funding_items)).toBe(parseWan(project.total?.wan ?? '0'));
  });

  it('has real tables in its DOCX where the template has tables', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(path('.docx')) });
    expect(html.includes('<table>')).toBe(spec.template === 'table');
  });
});

describe('the fixtures show their template', () => {
  const text = (name: string) => readFileSync(join(DIR, `${name}.txt`), 'utf8');

  it('table: 项目支出绩效目标表 forms with 二级 categories, ≥95%-style values and funding fields', () => {
    const table = text('table_01');
    expect(table).toMatch(/项目支出绩效目标(申报)?表/);
    expect(table).toMatch(/数量指标|质量指标|时效指标/);
    expect(table).toMatch(/≥\d+%/);
    for (const field of ['年度资金总额', '财政拨款', '其他资金']) expect(table).toContain(field);
  });

  it('inline: another heading style and ；-separated breakdowns', () => {
    const inline = text('inline_01');
    expect(inline).toMatch(/^项目一：/m);
    expect(inline).toMatch(/万元；[^；\n]+万元/);
  });

  it('prose: not the sample filing’s wording', () => {
    const prose = text('prose_01');
    for (const phrase of ['是我部门为履行', '主要设置了', '对应目标']) expect(prose).not.toContain(phrase);
    expect(prose).toMatch(/第三部分/);
  });
});
