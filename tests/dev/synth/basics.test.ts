import { describe, expect, it } from 'vitest';
import { formatDaxie, formatQianYuan, formatWan, formatYuan, sumAmounts, wanString } from '../../../src/dev/synth/money.js';
import { Rng } from '../../../src/dev/synth/random.js';
import { phraseTargetProse, phraseTargetTable, type Target } from '../../../src/dev/synth/thresholds.js';
import { WanString } from '../../../src/dev/synth/truth.js';

describe('Rng', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('forks streams that depend on the seed and the label only', () => {
    const a = new Rng(7);
    a.next();
    expect(a.fork('plan').next()).toBe(new Rng(7).fork('plan').next());
    expect(new Rng(7).fork('plan').next()).not.toBe(new Rng(7).fork('render').next());
  });

  it('stays within bounds', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const value = rng.int(3, 15);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(15);
    }
  });
});

describe('money', () => {
  it('formats hundredths of 万元 exactly', () => {
    expect(wanString(24308)).toBe('243.08');
    expect(wanString(1450)).toBe('14.5');
    expect(wanString(5000)).toBe('50');
    expect(wanString(7)).toBe('0.07');
    expect(formatWan(1450, 'fixed2')).toBe('14.50');
    expect(formatYuan(1450)).toBe('145000');
    expect(formatYuan(103080, 'grouped2')).toBe('10,308,000.00');
    expect(formatQianYuan(1453)).toBe('145.3');
    expect(sumAmounts([600, 4000, null, 400])).toBe(5000);
  });

  it('writes financial numerals', () => {
    expect(formatDaxie(12000)).toBe('壹佰贰拾万元整');
    expect(formatDaxie(1450)).toBe('壹拾肆万伍仟元整');
    expect(formatDaxie(1005)).toBe('壹拾万零伍佰元整');
    expect(formatDaxie(1000012)).toBe('壹亿零壹仟贰佰元整');
    expect(formatDaxie(610)).toBe('陆万壹仟元整');
  });

  it('produces strings the truth schema accepts', () => {
    for (const amount of [0, 1, 10, 99, 100, 1450, 24308, 100000]) expect(WanString.safeParse(wanString(amount)).success).toBe(true);
    expect(WanString.safeParse('14.50').success).toBe(false);
  });
});

describe('threshold phrasing', () => {
  const rate: Target = { kind: 'numeric', op: '>=', value: 95, unit: '%', period: null, flavor: 'rate', placeholder: false };

  it('reports the threshold the printed phrase expresses', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 50; i++) {
      const prose = phraseTargetProse(rng, rate);
      expect(prose.text).toContain('95');
      expect(prose.threshold).toEqual({ op: '>=', value: 95, unit: '%', period: null });
      const table = phraseTargetTable(rng, rate, 'single');
      expect(table.threshold.op).toBe('>=');
      expect(table.threshold.value).toBe(95);
      // ">=95" loses its unit, and the truth says so.
      expect(table.threshold.unit === null).toBe(!table.cells[0].includes('%'));
    }
  });

  it('writes frequencies with their period', () => {
    const monthly: Target = { kind: 'numeric', op: '=', value: 1, unit: '次', period: '月', flavor: 'frequency', placeholder: false };
    const phrased = phraseTargetProse(new Rng(1), monthly);
    expect(['每月一次', '每月开展一次']).toContain(phrased.text);
    expect(phrased.threshold).toEqual({ op: '=', value: 1, unit: '次', period: '每月' });
  });

  it('prints missing values and placeholders without a value in the truth', () => {
    const placeholder = phraseTargetTable(new Rng(1), { ...rate, placeholder: true }, 'single');
    expect(placeholder.cells[0]).toMatch(/\*\*%$/);
    expect(placeholder.threshold.value).toBeNull();
    const missing = phraseTargetTable(new Rng(1), { ...rate, value: null }, 'split');
    expect(missing.cells[1]).toBe('');
    expect(missing.threshold).toEqual({ op: '>=', value: null, unit: '%', period: null });
  });
});
