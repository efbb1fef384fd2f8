import { cutWords } from './words.js';
import { findThresholds, type Span, type ThresholdMatch, type ThresholdValue } from './thresholds.js';

/**
 * Linking the targets of 评价标准 prose to the indicators they constrain, by the words a target's clause
 * shares with an indicator's name and by what the target measures (a % a rate, 次 a count). This is the one
 * place that segments words (nodejieba): names and clauses differ in wording, not in characters.
 */

/** One goal's 评价标准 sentence ("目标一对应指标的评价标准是…"), located in the document text. */
export interface CriterionText {
  goalIndex: number | null;
  text: string;
  /** Offset of text[0] in the document text. */
  offset: number;
}

/** An indicator a threshold may constrain. */
export interface LinkTarget {
  name: string;
  goalIndex: number | null;
}

export interface ThresholdLink {
  /** Index into the targets; null when no indicator fits. */
  target: number | null;
  /** Offsets are in the document text. */
  threshold: ThresholdMatch;
}

/** Words too common in 评价标准 prose to tell indicators apart. */
const STOPWORDS = new Set([
  '工作',
  '情况',
  '要求',
  '按照',
  '根据',
  '结合',
  '实际',
  '制定',
  '设定',
  '达到',
  '进行',
  '开展',
  '保障',
  '确保',
  '本年度',
  '年度',
  '指标',
  '以往',
  '经验',
  '效果',
  '应有',
  '相关',
  '上级',
  '通过',
  '做到',
  '必须',
  '保证',
]);

/** Which indicator names fit which targets: a % constrains a rate, 次 a count of times, 满意 a satisfaction. */
export const TARGET_FITS: readonly { fits: (threshold: ThresholdValue) => boolean; name: RegExp; example: string }[] = [
  { fits: (t) => t.unit === '%', name: /率|度|比例|比重|占比/, example: '至少达90% → 案件解决率' },
  { fits: (t) => /^(?:次|场|期|轮|批次)$/.test(t.unit ?? ''), name: /次/, example: '排查至少4次 → 排查专项行动次数' },
  { fits: (t) => /人/.test(t.unit ?? ''), name: /人数|人次|人员|受众/, example: '大学生达5000人 → 宣传受众人数' },
  {
    fits: (t) => /^(?:个工作日|工作日|天|日|小时|分钟|个月)$/.test(t.unit ?? ''),
    name: /时间|时限|天数|时长|周期|用时|及时/,
    example: '≤10天 → 办结时限',
  },
  { fits: (t) => /元$/.test(t.unit ?? ''), name: /金额|资金|成本|费用|经费|标准/, example: '不超过50万元 → 人均成本' },
  { fits: (t) => t.text.includes('满意'), name: /满意/, example: '使大部分群众满意 → 群众满意度' },
];

function contentWords(text: string): Set<string> {
  return new Set(cutWords(text).filter((w) => w.length >= 2 && /\p{Script=Han}/u.test(w) && !STOPWORDS.has(w)));
}

/** How well a threshold's clause fits an indicator name: shared words, plus one for a target that fits the name. */
function fitScore(clauseWords: ReadonlySet<string>, threshold: ThresholdValue, name: string, nameWords: ReadonlySet<string>): number {
  const shared = [...nameWords].filter((w) => clauseWords.has(w)).length;
  return shared + (TARGET_FITS.some((fit) => fit.fits(threshold) && fit.name.test(name)) ? 1 : 0);
}

/** The clause (between commas) around [start, end) of the text. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start).search(/[^，,；;。]*$/);
  const after = text.slice(end).search(/[，,；;。]|$/);
  return text.slice(before, end + after);
}

/**
 * The parts of a criterion sentence, one per indicator as filings write them: split at ；. A 。 inside a
 * part ends a sentence of context ("社区矫正对象中只有80%有劳动、学习能力。对80%…"), not an indicator's clause.
 */
function criterionParts(text: string): Span[] {
  const parts: Span[] = [];
  let start = 0;
  for (const stop of [...text.matchAll(/[；;]/g), null]) {
    const end = stop?.index ?? text.length;
    if (text.slice(start, end).trim()) parts.push({ start, end });
    start = end + 1;
  }
  return parts;
}

/**
 * Link every threshold of the 评价标准 sentences to the indicator it constrains. A goal's sentence covers
 * that goal's indicators, one part (between ；) per indicator in order; a threshold goes to the indicator
 * its part's position gives, unless another of the goal's indicators fits its clause strictly better
 * (shared words by nodejieba, a unit that fits the name). With no indicator in position, the best fitting
 * one takes it; with none fitting at all, it stays unlinked.
 */
export function linkThresholds(criteria: readonly CriterionText[], targets: readonly LinkTarget[]): ThresholdLink[] {
  const links: ThresholdLink[] = [];
  if (criteria.length === 0) return links;
  // each name is cut into words once, not once per threshold it is scored against
  const all = targets.map((t, i) => ({ ...t, i, words: contentWords(t.name) }));
  for (const criterion of criteria) {
    const own = all.filter((t) => criterion.goalIndex !== null && t.goalIndex === criterion.goalIndex);
    const candidates = own.length > 0 ? own : all;
    criterionParts(criterion.text).forEach((part, position) => {
      const partText = criterion.text.slice(part.start, part.end);
      for (const found of findThresholds(partText)) {
        const words = contentWords(clauseAround(partText, found.start, found.end));
        const scored = candidates.map((c) => ({ target: c.i, score: fitScore(words, found, c.name, c.words) }));
        const inOrder = position < scored.length ? scored[position] : null;
        const best = scored.reduce<(typeof scored)[number] | null>((top, s) => (top === null || s.score > top.score ? s : top), null);
        const chosen = inOrder && !(best && best.score > inOrder.score) ? inOrder : best && best.score > 0 ? best : null;
        const shift = criterion.offset + part.start;
        links.push({ target: chosen?.target ?? null, threshold: { ...found, start: found.start + shift, end: found.end + shift } });
      }
    });
  }
  return links;
}
