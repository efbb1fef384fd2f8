import { formatWan, formatYuan, type WanCents } from '../money.js';
import type { FundingNode } from '../plan.js';
import type { Rng } from '../random.js';

/**
 * Amounts and funding lines as running text prints them: mostly 万元, now and then 元 ("安排10000元"),
 * nested lines in brackets or with 其中.
 */

export function proseAmount(rng: Rng, amount: WanCents, yuanShare = 0.05): string {
  return rng.chance(yuanShare) ? `${formatYuan(amount)}元` : `${formatWan(amount)}万元`;
}

/** How a nested line shows its parts: "7万元（供水1万元、供电3万元、取暖3万元）" or "28万元，其中A 8万元，B 20万元". */
export type NestingStyle = 'brackets' | 'qizhong';

export function nestedParts(rng: Rng, node: FundingNode, style: NestingStyle): string {
  const parts = node.children.map((child) => {
    const amount = child.amount === null ? '' : proseAmount(rng, child.amount, 0);
    return style === 'qizhong' ? `${child.label} ${amount}` : `${child.label}${amount}`;
  });
  return style === 'brackets' ? `（${parts.join('、')}）` : `，其中${parts.join('，')}`;
}

/** A line's amount with its parts, or nothing for a line printed without an amount. */
export function lineAmount(rng: Rng, node: FundingNode, style: NestingStyle, yuanShare = 0.05): string {
  if (node.amount === null) return '';
  const amount = proseAmount(rng, node.amount, node.children.length > 0 ? 0 : yuanShare);
  return node.children.length > 0 ? amount + nestedParts(rng, node, style) : amount;
}
