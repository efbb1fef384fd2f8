/**
 * Money without floats. An amount is an integer count of hundredths of a 万元 (1 = 0.01万元 = 100元), the finest
 * grain a filing prints in 万元 ("243.08万元"). Sums are integer sums; every printed form is derived from the integer.
 */

/** Hundredths of a 万元: 24308 is 243.08万元 (2,430,800元). */
export type WanCents = number;

function assertWanCents(amount: WanCents): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`not a non-negative integer amount: ${amount}`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The truth's canonical form: "243.08", "14.5", "50" (trailing zeros trimmed). */
export function wanString(amount: WanCents): string {
  assertWanCents(amount);
  const whole = Math.floor(amount / 100);
  const cents = amount % 100;
  if (cents === 0) return String(whole);
  const fraction = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${whole}.${fraction}`;
}

/** Printed in 万元: trimmed ("14.5") or with two decimals as forms print it ("14.50"). */
export function formatWan(amount: WanCents, style: 'trim' | 'fixed2' = 'trim'): string {
  if (style === 'trim') return wanString(amount);
  assertWanCents(amount);
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}

/** Printed in 元 (always a whole number of 元 here): "145000", "145,000", "145,000.00". */
export function formatYuan(amount: WanCents, style: 'plain' | 'grouped' | 'grouped2' = 'plain'): string {
  assertWanCents(amount);
  const digits = String(amount * 100);
  if (style === 'plain') return digits;
  const grouped = groupThousands(digits);
  return style === 'grouped2' ? `${grouped}.00` : grouped;
}

/** Printed in 千元: one 千元 is 10 hundredths of a 万元, so at most one decimal. */
export function formatQianYuan(amount: WanCents): string {
  assertWanCents(amount);
  const whole = Math.floor(amount / 10);
  const tenth = amount % 10;
  return tenth === 0 ? String(whole) : `${whole}.${tenth}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];

/** One group of up to four digits, e.g. 1200 → 壹仟贰佰, 1020 → 壹仟零贰拾. */
function readGroup(group: number): string {
  let out = '';
  let pendingZero = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(group / 10 ** position) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit] + SMALL_UNITS[position];
  }
  return out;
}

/**
 * Financial numerals for the amount in 元, as formal forms write it:
 * 1,200,000元 → "壹佰贰拾万元整", 145,000元 → "壹拾肆万伍仟元整", 100,500元 → "壹拾万零伍佰元整".
 */
export function formatDaxie(amount: WanCents): string {
  assertWanCents(amount);
  let yuan = amount * 100;
  if (yuan === 0) return '零元整';
  const groups: number[] = [];
  while (yuan > 0) {
    groups.push(yuan % 10000);
    yuan = Math.floor(yuan / 10000);
  }
  let out = '';
  let skippedGroup = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index];
    if (group === 0) {
      skippedGroup = out !== '';
      continue;
    }
    // A gap inside the number is read as one 零: 100,500元 "壹拾万零伍佰", 100,001,234元 "壹亿零壹仟…".
    if (out !== '' && (group < 1000 || skippedGroup)) out += '零';
    skippedGroup = false;
    out += readGroup(group) + GROUP_UNITS[index];
  }
  return `${out}元整`;
}

/** Sum of amounts (null amounts do not count: an item printed without an amount adds nothing). */
export function sumAmounts(amounts: ReadonlyArray<WanCents | null>): WanCents {
  return amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
}
