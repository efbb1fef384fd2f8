/**
 * Cases of the Recognizers-Text Chinese specs where our answer deliberately differs.
 * A case is matched by its exact input or by a pattern over the input (the first entry that
 * matches gives the reason). docs/numbers.md summarises these.
 */
export type PeerSuite = 'Number' | 'Percent' | 'Currency';

export interface Difference {
  suite: PeerSuite;
  input?: string;
  pattern?: RegExp;
  reason: string;
}

const LONE_NUMERAL =
  'a lone Chinese numeral between ordinary words is not read (是一流, 目标一对应, 前三名): it must be followed by a measure word (一次, 三个) or stand apart (“一”)';

export const RECOGNIZERS_DIFFERENCES: readonly Difference[] = [
  // Number_NumberModel
  ...['百分之五十五点五七九', '百分之十万零六百五十一', '六千零五十一个百分点', '六百一十一点二五五个百分点'].map(
    (input): Difference => ({
      suite: 'Number',
      input,
      reason: 'inside 百分之… / …个百分点 we report the percentage (isPercent), not the bare number',
    }),
  ),
  {
    suite: 'Number',
    pattern: /分\s*之|[/／]/,
    reason:
      'fractions (三分之一, 一百分之二, 1/2, 3又一千分之23) are not read: most are not exact decimals, a slash is as often a date or ratio, and filings state shares as percentages',
  },
  { suite: 'Number', pattern: /\^/, reason: 'powers (2^5, 1.1^+23) are not read: not exact, and absent from filings' },
  {
    suite: 'Number',
    pattern: /打/,
    reason: '打 as a dozen (一打, 十打苹果) is not read: in filings 打 is the verb of 打击 and campaign names (三打两建)',
  },
  {
    suite: 'Number',
    pattern: /年.*月.*日/,
    reason: 'dates are never numbers: 1991年1月16日 yields nothing (the peer reports 1991, 1 and 16)',
  },
  ...['两百点两', '一点两小时的会议'].map(
    (input): Difference => ({
      suite: 'Number',
      input,
      reason: '一点 and a 两 after 点 are words (一点 = a little); a lone 两 after a Chinese character is not read',
    }),
  ),
  { suite: 'Number', input: '半百', reason: 'idioms for numbers (半百) are not read' },
  { suite: 'Number', input: '-2.5 M', reason: 'M as million is not read: in filings M is mega (100M宽带)' },
  {
    suite: 'Number',
    input: '2222.2222.22222.222',
    reason: 'dotted digit groups are version or section numbers (3.1.2), not numbers',
  },
  { suite: 'Number', input: '五十千', reason: 'a malformed numeral (units rising: 五十千) is skipped whole, as 十四五 must be' },
  { suite: 'Number', input: '第零十刃', reason: 'ordinals (第一, 第3) are not numbers' },
  ...[
    '这不是五这是二百零一',
    '这是五那是四',
    '这不是四川这是五',
    '这不是一这是九台',
    '答案是四不是五',
    '答案不是四而是五',
    '数量不是一却是五',
    '单销量排名前三的品牌',
    '三的另一种写法是叁',
    '戒指一对八千',
  ].map((input): Difference => ({ suite: 'Number', input, reason: LONE_NUMERAL })),

  // Number_PercentModel
  {
    suite: 'Percent',
    pattern: /[对對]折/,
    reason: '对折 (half price) is shop language; only numeric discounts (八折, 7.5折) are read',
  },
  {
    suite: 'Percent',
    input: '7 2 折',
    reason: 'Arabic digits separated by a space are two numbers (table cells), even before 折',
  },
  {
    suite: 'Percent',
    input: '百分之15Ｋ',
    reason: 'only lower-case k means thousand: upper-case K is a resolution or a unit (4K高清)',
  },

  // NumberWithUnit_CurrencyModel
  {
    suite: 'Currency',
    input: '这个手机壳花费你五美元和花费我三块',
    reason: '块 alone is a measure word (展板10块); it is 元 only as 块钱 or before 毛/角 (十块三毛)',
  },
  {
    suite: 'Currency',
    pattern: /^人民币\s*美元$/,
    reason: 'a currency name without a figure is no amount',
  },
];
