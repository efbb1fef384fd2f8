import type { Structure } from '../../extractors/layout/structure.js';
import { locate } from '../model/locate.js';
import type { DocumentModel } from '../model/document.js';
import type { Project, Threshold } from '../model/extraction.js';
import type { Finding } from '../model/finding.js';
import { at, finding, type Check } from './check.js';

/**
 * Values that cannot be right: a percentage above 100, "≥100%" on a rate that cannot exceed it, a
 * 满意度 indicator that measures no satisfaction, template placeholders left in (≥**%), and printed
 * page numbers that jump (pages missing from a conversion).
 */
export const suspiciousValue: Check = ({ document, extraction, structure }) => [
  ...extraction.projects.flatMap((project) => [...impossibleRates(project), ...satisfactionNames(project)]),
  ...placeholders(document, structure),
  ...pageGaps(document),
];

function impossibleRates(project: Project): Finding[] {
  return project.indicators.flatMap((indicator) =>
    indicator.thresholds
      .filter((t) => isImpossible(t, indicator.name))
      .map((t) =>
        finding({
          kind: 'suspicious_value',
          severity: t.value !== null && t.value > 100 ? 'error' : 'warning',
          project: project.name,
          message:
            t.value !== null && t.value > 100
              ? `指标“${indicator.name}”的百分比${t.value}%超过100%`
              : `比率指标“${indicator.name}”要求≥100%，无法超额完成，应为=100%`,
          message_en:
            t.value !== null && t.value > 100
              ? `Indicator "${indicator.name}" has a percentage above 100 (${t.value}%)`
              : `Rate "${indicator.name}" requires ≥ 100%, which it cannot exceed`,
          expected: '100',
          actual: String(t.value),
          locations: [at(indicator.source, 'indicator'), at(t.source, 'threshold')],
        }),
      ),
  );
}

function isImpossible(t: Threshold, name: string): boolean {
  if (t.value === null) return false;
  // a rate or a satisfaction given without its % ("工作人员满意度 | 大于等于150"): a percentage all the same
  const percent = t.unit === '%' || (t.unit === null && RATE_NAME.test(name));
  if (!percent) return false;
  if (t.value > 100 && !/增长|增幅|提高|上升/.test(name)) return true;
  return t.unit === '%' && t.value === 100 && (t.op === '>=' || t.op === '>') && /率$/.test(name);
}

/** Names of indicators measured in percent: 完成率, 覆盖率, 满意度. */
const RATE_NAME = /(?:率|满意度)$/;

function satisfactionNames(project: Project): Finding[] {
  return project.indicators
    .filter((i) => i.category === '满意度' && !/满意|认可|好评|评价|投诉/.test(i.name))
    .map((i) =>
      finding({
        kind: 'suspicious_value',
        severity: 'warning',
        project: project.name,
        message: `满意度指标“${i.name}”并不衡量满意度`,
        message_en: `Satisfaction indicator "${i.name}" measures no satisfaction`,
        locations: [at(i.source, 'indicator')],
      }),
    );
}

/** Template text left in: "≥**%", "最多**万元", "（**）", "XX万元". */
const PLACEHOLDER_UNIT = '(?:万元|元|[%％个次人天项份家户所座株台批辆间期场]|小时|公里|平方米)';
const PLACEHOLDER = new RegExp(
  `[≥≤=><＝]\\s*[*＊]+\\s*%?|[*＊]{2,}\\s*${PLACEHOLDER_UNIT}|[（(]\\s*[*＊]+\\s*[)）]|(?<![A-Za-z])(?:XX|xx|××)${PLACEHOLDER_UNIT}`,
  'g',
);

function placeholders(document: DocumentModel, structure: Structure): Finding[] {
  // the project whose blocks hold the placeholder
  const projectAt = (offset: number) =>
    structure.projects.find((p) => p.blocks.some((b) => b.start <= offset && offset < b.end))?.title.name ?? null;
  return [...document.text.matchAll(PLACEHOLDER)].map((m) =>
    finding({
      kind: 'suspicious_value',
      severity: 'error',
      project: projectAt(m.index!),
      message: `模板占位符未填写：“${m[0]}”`,
      message_en: `A template placeholder was left in: "${m[0]}"`,
      locations: [at(locate(document, m.index!, m.index! + m[0].length), 'placeholder')],
    }),
  );
}

function pageGaps(document: DocumentModel): Finding[] {
  const printed = document.printedPageNumbers;
  return printed.slice(1).flatMap((page, k) => {
    const before = printed[k];
    if (page.number - before.number <= 1) return [];
    const missing = page.number - before.number - 1;
    // the printed number was removed from the text: the location is the empty span where it stood
    const where = (p: typeof page) => ({
      page: p.physicalPage ?? p.number,
      start: offsetNear(document, p.sourceStart),
      end: offsetNear(document, p.sourceStart),
      quote: '',
    });
    return [
      finding({
        kind: 'suspicious_value',
        severity: 'warning',
        project: null,
        message: `页码从${before.number}跳到${page.number}，可能缺少${missing}页`,
        message_en: `Printed page numbers jump from ${before.number} to ${page.number}: ${missing} page(s) may be missing`,
        expected: String(before.number + 1),
        actual: String(page.number),
        locations: [at(where(before), `page number ${before.raw}`), at(where(page), `page number ${page.raw}`)],
      }),
    ];
  });
}

/** The normalized offset nearest to a source offset (a removed page number has none of its own). */
function offsetNear(document: DocumentModel, sourceOffset: number): number {
  const run = document.sourceRuns.find(([, src, len]) => src + len >= sourceOffset);
  if (!run) return document.text.length;
  const [norm, src] = run;
  return Math.max(norm, norm + Math.min(sourceOffset - src, run[2]));
}
