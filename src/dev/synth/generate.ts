import { TEMPLATES, type SynthFiling, type Template } from './filing.js';
import { planFiling } from './plan.js';
import { plantDuplicate, plantInPlan, type PlantRecord } from './plant.js';
import { Rng } from './random.js';
import { renderInline } from './templates/inline.js';
import { renderProse } from './templates/prose.js';
import type { Rendered } from './templates/shared.js';
import { renderTable } from './templates/table.js';
import type { Truth } from './truth.js';
import type { DepartmentName } from './vocab/specs.js';

export interface GenerateOptions {
  /** Drawn from the seed when absent. */
  template?: Template;
  /** Plant known problems (recorded in `truth.planted`). Default false. */
  inconsistencies?: boolean;
  /** Drawn from the seed when absent. */
  department?: DepartmentName;
  /** 3–15 drawn from the seed when absent. */
  projectCount?: number;
  /** Project themes (by name) the filing must not use; copies.ts keeps filings apart with it. */
  excludeThemes?: ReadonlySet<string>;
}

const RENDERERS: Record<Template, (plan: ReturnType<typeof planFiling>, rng: Rng) => Rendered> = {
  prose: renderProse,
  table: renderTable,
  inline: renderInline,
};

/**
 * One synthetic filing and its ground truth, fully determined by the seed and the options.
 * Each concern draws from its own stream (`fork`), so the same seed gives the same projects in every
 * template, and planting problems does not change which projects are drawn.
 */
export function generateFiling(seed: number, options: GenerateOptions = {}): SynthFiling {
  const root = new Rng(seed);
  const template = options.template ?? root.fork('template').pick(TEMPLATES);
  const plan = planFiling(root.fork('plan'), {
    department: options.department,
    projectCount: options.projectCount,
    excludeThemes: options.excludeThemes,
  });
  const planted: PlantRecord[] = options.inconsistencies ? plantInPlan(root.fork('plant'), plan, template) : [];
  const rendered = RENDERERS[template](plan, root.fork(`render-${template}`));
  const duplicating = root.fork('duplicate');
  if (options.inconsistencies && duplicating.chance(0.6)) {
    const duplicate = plantDuplicate(duplicating, rendered.blocks);
    if (duplicate !== null) planted.push(duplicate);
  }
  const truth: Truth = {
    department: plan.department,
    year: plan.year,
    projects: rendered.projects,
    department_goals: rendered.departmentGoals,
    planted: planted.map((record) => ({ kind: record.kind, project: rendered.projects[record.project].name, detail: record.detail })),
  };
  return {
    id: `synth-${template}-${(seed >>> 0).toString(16).padStart(8, '0')}`,
    seed,
    template,
    department: plan.department,
    year: plan.year,
    blocks: rendered.blocks,
    truth,
    themes: plan.projects.map((project) => project.theme.name),
  };
}
