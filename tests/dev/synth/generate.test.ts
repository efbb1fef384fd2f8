import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/dev/synth/filing.js';
import { generateFiling } from '../../../src/dev/synth/generate.js';
import { Truth, type FundingItem, type ProjectTruth } from '../../../src/dev/synth/truth.js';
import { toText } from '../../../src/dev/synth/write.js';
import { parseWan, printedForms, sumItems } from './helpers.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);

function expectChildrenAddUp(items: readonly FundingItem[]): void {
  for (const item of items) {
    if (item.children.length === 0 || item.wan === null) continue;
    expect(sumItems(item.children), `children of ${item.label}`).toBe(parseWan(item.wan));
    expectChildrenAddUp(item.children);
  }
}

function expectTotalsAddUp(project: ProjectTruth): void {
  expect(project.total).not.toBeNull();
  const total = parseWan(project.total?.wan ?? '0');
  expect(sumItems(project.funding_items), `funding of ${project.name}`).toBe(total);
  if (project.expense_items.length > 0) expect(sumItems(project.expense_items), `expenses of ${project.name}`).toBe(total);
  expectChildrenAddUp(project.funding_items);
  expectChildrenAddUp(project.expense_items);
}

describe('generateFiling', () => {
  it('is deterministic: the same seed and options give the same blocks, text and truth', () => {
    for (const template of TEMPLATES) {
      const a = generateFiling(99, { template, inconsistencies: true });
      const b = generateFiling(99, { template, inconsistencies: true });
      expect(toText(a, { pageNumbers: true, wrapAt: 38 })).toBe(toText(b, { pageNumbers: true, wrapAt: 38 }));
      expect(a.truth).toEqual(b.truth);
      expect(a.id).toBe(b.id);
    }
    expect(toText(generateFiling(99))).not.toBe(toText(generateFiling(100)));
  });

  it('describes the same projects from one seed in every template', () => {
    const departments = TEMPLATES.map((template) => generateFiling(5, { template }).truth);
    expect(new Set(departments.map((truth) => truth.department)).size).toBe(1);
    expect(new Set(departments.map((truth) => truth.projects.map((project) => project.total?.wan).join())).size).toBe(1);
  });

  it('produces truth the zod schema accepts, for every template, with and without planted problems', () => {
    for (const seed of SEEDS) {
      for (const template of TEMPLATES) {
        for (const inconsistencies of [false, true]) {
          const filing = generateFiling(seed, { template, inconsistencies });
          const parsed = Truth.safeParse(filing.truth);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
        }
      }
    }
  });

  it('varies what it draws: departments, years, project counts, templates', () => {
    const filings = SEEDS.map((seed) => generateFiling(seed));
    expect(new Set(filings.map((filing) => filing.template)).size).toBe(3);
    expect(new Set(filings.map((filing) => filing.truth.department)).size).toBeGreaterThan(10);
    const years = filings.map((filing) => filing.year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2018);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    const counts = filings.map((filing) => filing.truth.projects.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(new Set(counts).size).toBeGreaterThan(5);
  });

  it('adds totals up to their items when no problem is planted', () => {
    for (const seed of SEEDS) {
      for (const template of TEMPLATES) {
        const filing = generateFiling(seed, { template });
        expect(filing.truth.planted).toEqual([]);
        filing.truth.projects.forEach(expectTotalsAddUp);
        for (const project of filing.truth.projects) {
          if (project.declared_goal_count !== null) expect(project.declared_goal_count).toBe(project.goals.length);
          for (const indicator of project.indicators) {
            for (const threshold of indicator.thresholds) {
              if (threshold.unit === '%' && threshold.value !== null) expect(threshold.value).toBeLessThanOrEqual(100);
              if (threshold.op !== 'qualitative') expect(threshold.value).not.toBeNull();
            }
          }
        }
      }
    }
  });

  it('prints what the truth says: project names, amounts, goals and indicator names', () => {
    for (const seed of SEEDS.slice(0, 15)) {
      for (const template of TEMPLATES) {
        const filing = generateFiling(seed, { template });
        const text = toText(filing);
        expect(text).toContain(filing.truth.department);
        for (const project of filing.truth.projects) {
          expect(text).toContain(project.name);
          for (const alias of project.aliases) expect(text).toContain(alias);
          const total = project.total?.wan ?? '0';
          expect(
            printedForms(total).some((form) => text.includes(form)),
            `${project.name} total ${total}`,
          ).toBe(true);
          for (const item of [...project.funding_items, ...project.expense_items]) {
            expect(text).toContain(item.label);
            if (item.wan !== null)
              expect(
                printedForms(item.wan).some((form) => text.includes(form)),
                `${item.label} ${item.wan}`,
              ).toBe(true);
          }
          for (const goal of project.goals) expect(text).toContain(goal.text);
          for (const indicator of project.indicators) expect(text).toContain(indicator.name);
        }
        for (const entry of filing.truth.department_goals) for (const goal of entry.goals) expect(text).toContain(goal);
      }
    }
  });

  it('records the problems it plants, and they are really there', () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      for (const template of TEMPLATES) {
        const filing = generateFiling(seed, { template, inconsistencies: true });
        expect(filing.truth.planted.length).toBeGreaterThan(0);
        const text = toText(filing);
        for (const planted of filing.truth.planted) {
          kinds.add(planted.kind);
          const project = filing.truth.projects.find((candidate) => candidate.name === planted.project);
          expect(project, planted.detail).toBeDefined();
          if (project === undefined) continue;
          if (planted.kind === 'sum_mismatch') expect(sumItems(project.funding_items)).not.toBe(parseWan(project.total?.wan ?? '0'));
          if (planted.kind === 'missing_value') {
            expect(
              project.indicators.some((indicator) =>
                indicator.thresholds.some((threshold) => threshold.op !== 'qualitative' && threshold.value === null),
              ),
            ).toBe(true);
          }
          if (planted.kind === 'suspicious_value') {
            expect(
              project.indicators.some((indicator) =>
                indicator.thresholds.some((threshold) => threshold.unit === '%' && (threshold.value ?? 0) > 100),
              ),
            ).toBe(true);
          }
          if (planted.kind === 'duplicate_section') {
            const paragraphs = filing.blocks
              .filter((block) => block.type === 'paragraph')
              .map((block) => (block.type === 'paragraph' ? block.text : ''));
            expect(paragraphs.length).toBeGreaterThan(new Set(paragraphs).size);
          }
          if (planted.kind === 'count_mismatch' && planted.detail.includes('绩效目标')) {
            expect(project.declared_goal_count).not.toBe(project.goals.length);
            expect(text).toContain(`${project.declared_goal_count}`);
          }
        }
      }
    }
    expect([...kinds].sort()).toEqual(['count_mismatch', 'duplicate_section', 'missing_value', 'suspicious_value', 'sum_mismatch'].sort());
  });

  it('honours department and project-count options', () => {
    const filing = generateFiling(3, { department: '司法局', projectCount: 15 });
    expect(filing.truth.department.endsWith('司法局')).toBe(true);
    expect(filing.truth.projects).toHaveLength(15);
    expect(new Set(filing.truth.projects.map((project) => project.name)).size).toBe(15);
  });
});
