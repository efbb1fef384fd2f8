import type { Decimal } from '../model/decimal.js';
import { type Html, html } from './html.js';

/**
 * Declared total against computed sum as two horizontal bars, so that a mismatch stands out at a glance
 * in a long list of projects. The bar lengths are the only place figures become floats: pixels.
 */

export interface Bar {
  label: string;
  value: Decimal | null;
  /** Mark ids the bar highlights when clicked (the total, or the items summed). */
  targets: string[];
}

const WIDTH = 300;
const LABEL_WIDTH = 64;
const VALUE_WIDTH = 64;
const BAR_HEIGHT = 14;
const GAP = 6;

export function fundingBars(declared: Bar, computed: Bar, mismatch: boolean): Html {
  const bars = [declared, computed];
  const scale = Math.max(...bars.map((b) => (b.value ? Number(b.value.toString()) : 0)));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const summary = bars.map((b) => `${b.label} ${b.value?.toString() ?? '无'} 万元`).join('，');
  return html`<svg class="bars${mismatch ? ' mismatch' : ''}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${summary}">${bars.map(
    (bar, k) => {
      const y = GAP + k * (BAR_HEIGHT + GAP);
      const length = bar.value && scale > 0 ? Math.max(2, (Number(bar.value.toString()) / scale) * room) : 0;
      const kind = k === 0 ? 'declared' : 'computed';
      return html`<g class="bar bar-${kind}"${bar.targets.length ? html` data-targets="${bar.targets.join(' ')}"` : ''}>
<rect class="bar-hit" x="0" y="${y - GAP / 2}" width="${WIDTH}" height="${BAR_HEIGHT + GAP}" fill="transparent"></rect>
<text class="bar-label" x="0" y="${y + BAR_HEIGHT - 3}">${bar.label}</text>
<rect class="bar-length" x="${LABEL_WIDTH}" y="${y}" width="${length.toFixed(1)}" height="${BAR_HEIGHT}" rx="2"></rect>
<text class="bar-value" x="${(LABEL_WIDTH + length + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}">${bar.value?.toString() ?? '—'}</text>
</g>`;
    },
  )}</svg>`;
}
