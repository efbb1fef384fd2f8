import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportDocument, exportJsonSchema } from '../../src/model/export.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot, sampleBase } from '../helpers/paths.js';

describe('filings export', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-export-'));
  const db = path.join(dir, 'export.sqlite');

  beforeAll(() => {
    expect(runCli(['ingest', path.dirname(sampleBase), '--db', db]).code).toBe(0);
  });

  it('keeps the committed JSON Schema equal to the one generated from the zod schemas', () => {
    const committed = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'export.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(exportJsonSchema())));
    expect(runCli(['schema']).stdout.trim()).toBe(JSON.stringify(committed, null, 2));
  });

  it('writes JSON that the zod schema and the committed JSON Schema both accept', () => {
    const out = path.join(dir, 'export.json');
    expect(runCli(['export', '--db', db, '--format', 'json', '--out', out]).code).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(() => ExportDocument.parse(data)).not.toThrow();
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'export.schema.json'), 'utf8')));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(data).toHaveLength(3);
    const txt = data.find((f: { filing: { format: string } }) => f.filing.format === 'txt');
    expect(txt.projects).toHaveLength(15);
    const law = txt.projects.find((p: { name: string }) => p.name === '法制工作专项项目');
    expect(law.total).toMatchObject({ wan: '243.08', text: '243.08万元', source: { page: 37, quote: '243.08万元' } });
    expect(law.funding_items[1].children.map((c: { amount: { wan: string } }) => c.amount.wan)).toEqual(['8', '20']);
    expect(
      txt.findings.some(
        (f: { kind: string; expected: string; actual: string }) =>
          f.kind === 'sum_mismatch' && f.expected === '243.08' && f.actual === '167',
      ),
    ).toBe(true);
  });

  it('writes one object per line as NDJSON, and only the filings asked for', () => {
    const run = runCli(['export', '--db', db, '--format', 'ndjson', '--filing', '2']);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).filing.id).toBe(2);
  });

  it('writes CSV that Excel opens as UTF-8: a BOM, quoted fields, one row per project or item', () => {
    const projects = runCli(['export', '--db', db, '--format', 'csv']).stdout;
    expect(projects.startsWith('\ufeffpath,') || projects.startsWith('\ufefffiling_id,')).toBe(true);
    const rows = projects.trim().split('\r\n');
    expect(rows).toHaveLength(1 + 3 * 15);
    expect(rows.some((r) => r.includes(',法制工作专项项目,法制工作项目,司法办,2022,243.08,243.08万元,167,5,'))).toBe(true);
    const items = runCli(['export', '--db', db, '--format', 'csv', '--table', 'funding_items']).stdout;
    expect(items).toMatch(/,法制工作专项项目,2\.1,1,北京中伦律师事务所,8,8万元,false,/);
    const findings = runCli(['export', '--db', db, '--format', 'csv', '--table', 'findings']).stdout;
    expect(findings).toMatch(/sum_mismatch,error,综治工作经费项目,/);
  });

  it('refuses unknown formats and tables', () => {
    expect(runCli(['export', '--db', db, '--format', 'xml']).code).toBe(2);
    expect(runCli(['export', '--db', db, '--format', 'csv', '--table', 'nope']).code).toBe(2);
  });
});

/** A text filing written to a fresh folder and ingested into a fresh database there: the database's path. */
function ingestedText(name: string, lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `filings-${name}-`));
  const file = path.join(dir, `${name}.txt`);
  writeFileSync(file, lines.join('\n'));
  const db = path.join(dir, `${name}.sqlite`);
  expect(runCli(['ingest', file, '--db', db, '--quiet']).code).toBe(0);
  return db;
}

describe('indicator weights in the database and the CSV export', () => {
  it('stores each weight in indicators.weight and writes it in the weight column', () => {
    const db = ingestedText('weights', [
      '关于校舍维修项目绩效目标指标的说明',
      '| 一级指标 | 二级指标 | 三级指标 | 指标值 | 权重 |',
      '| 产出指标 | 数量指标 | 维修面积 | ≥500平方米 | 60 |',
      '| 满意度指标 | 服务对象满意度 | 师生满意度 | ≥90% | 40 |',
    ]);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT name, weight FROM indicators ORDER BY idx').all()).toEqual([
        { name: '维修面积', weight: 60 },
        { name: '师生满意度', weight: 40 },
      ]);
    } finally {
      sqlite.close();
    }
    const [header, ...rows] = runCli(['export', '--db', db, '--format', 'csv', '--table', 'indicators'])
      .stdout.replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const column = header.split(',').indexOf('weight');
    expect(rows.map((r) => r.split(',')[column])).toEqual(['60', '40']);
  });
});

describe('department tasks in the database and the CSV export', () => {
  it('stores each task, the 金额合计 row and the form’s goal, and writes the tasks as the department_tasks table', () => {
    const db = ingestedText('tasks', [
      '部门整体支出绩效目标申报表',
      '| 部门（单位）名称 | 青浦区水务局 |  |  |  |  |',
      '| 年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元） |  |  |',
      '|  |  |  | 总额 | 财政拨款 | 其他资金 |',
      '|  | 河道保洁 | 全区河道日常保洁 | 120 | 100 | 20 |',
      '| 金额合计 |  |  | 120 | 100 | 20 |',
      '| 年度总体目标 | 保障河道环境整洁。 |  |  |  |  |',
    ]);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT role, name, content, amount_wan, parts FROM department_tasks ORDER BY idx').all()).toEqual([
        {
          role: 'task',
          name: '河道保洁',
          content: '全区河道日常保洁',
          amount_wan: '120',
          parts: JSON.stringify([
            { label: '财政拨款', wan: '100', text: '100万元' },
            { label: '其他资金', wan: '20', text: '20万元' },
          ]),
        },
        {
          role: 'total',
          name: '合计',
          content: null,
          amount_wan: '120',
          parts: JSON.stringify([
            { label: '财政拨款', wan: '100', text: '100万元' },
            { label: '其他资金', wan: '20', text: '20万元' },
          ]),
        },
      ]);
      expect(sqlite.prepare('SELECT idx, kind, text FROM department_form_goals').all()).toEqual([
        { idx: 1, kind: 'annual', text: '保障河道环境整洁' },
      ]);
    } finally {
      sqlite.close();
    }
    const csv = runCli(['export', '--db', db, '--format', 'csv', '--table', 'department_tasks'])
      .stdout.replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('filing_id,role,name,content,amount_wan,amount_text,parts,page,start,end');
    expect(csv.slice(1).map((row) => row.split(',').slice(1, 5))).toEqual([
      ['task', '河道保洁', '全区河道日常保洁', '120'],
      ['total', '合计', '', '120'],
    ]);
    // the review report lists them under 部门汇总, each budget a mark that leads to its cell in the text
    const out = path.join(path.dirname(db), 'report');
    expect(runCli(['report', '--db', db, '--out', out]).code).toBe(0);
    const page = readdirSync(out).find((name) => name !== 'index.html' && name.endsWith('.html'))!;
    const report = readFileSync(path.join(out, page), 'utf8');
    expect(report).toContain('<h3 class="sub">年度主要任务</h3>');
    expect(report).toContain('<h3 class="sub">部门整体目标</h3>');
    expect(report).toMatch(/data-targets="dt0">120</);
    expect(report).toMatch(/data-id="dt0"[^>]*>120</);
  });
});
