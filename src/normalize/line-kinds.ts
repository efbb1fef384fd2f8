/**
 * What a line's start says about it: a heading, a list item, or running text. Patterns are data,
 * each with an example of what it matches; the layout step decides wrapping from these.
 */

const NUM = '[一二三四五六七八九十]{1,3}';

export interface HeadingPattern {
  level: number;
  pattern: RegExp;
  example: string;
}

export const HEADING_PATTERNS: HeadingPattern[] = [
  { level: 1, pattern: /^第[一二三四五六七八九十百\d]+部分/, example: '第一部分' },
  // a unit name with spaces between its characters
  { level: 2, pattern: /^[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,9}$/, example: '信 访 办' },
  {
    level: 2,
    // the lookaheads change nothing it matches; they fail a long line, or one not ending in 明/表, at once.
    // A pointer to a form (详见单位的项目绩效目标表) is a sentence, not a title
    pattern:
      /^(?=.{2,68}$)(?=.*[明表]$)(?!详见|参见|请见|具体见|见附)(?:关于)?[^。；;，,：:]{2,60}(?:的说明|绩效目标说明|绩效目标表|申报表|情况说明)$/,
    example: '关于信访维稳项目绩效目标指标的说明',
  },
  // a project's title in filings that number their projects; never joined to the line after it
  { level: 2, pattern: new RegExp(`^项目(?:${NUM}|\\d{1,2})[：:]\\s*[^。；;，,：:]{2,30}$`), example: '项目一：农村人居环境整治' },
  { level: 3, pattern: new RegExp(`^${NUM}[、.．]\\s*[^。；;！？]{1,28}$`), example: '一、项目基本情况' },
  { level: 4, pattern: new RegExp(`^[（(]${NUM}[)）]、?\\s*[^。；;！？，,]{1,28}$`), example: '（一）项目概况' },
];

/** What sends the reader to a table elsewhere: "详见下表", "具体见表格", "详见单位的项目绩效目标表". */
export const TABLE_POINTER = '(?:详见|参见|具体见|请见|见)(?:下表|附表|表格|列表|附件|[^。；，]{0,12}?(?:绩效目标表|申报表|指标表))';

/** A form's caption and its year line, above the form: "财政项目支出绩效目标申报表", "（2024年度）". */
export const FORM_CAPTION = /(?:申报表|目标表|绩效表)$|^[（(](?:19|20)\d{2}年度?[)）]$/;

/** Markers that open a list item: "1、" "2." "（一）" "(3)" "一是" "二、" "①" "目标一：". */
export const LIST_MARKER = new RegExp(
  [
    '^\\d{1,2}[、.．](?!\\d)\\s*', // 1、 / 2. (not 1.5万元)
    '^[（(]\\d{1,2}[)）]、?', // (1)
    `^[（(]${NUM}[)）]、?`, // （一）
    `^${NUM}[、是]`, // 一、 / 一是
    '^[①-⑳]',
    `^目标${NUM}[：:]`, // 目标一：
    '^[-•·●▪]\\s*', // bullets
  ].join('|'),
);

export function headingLevelOf(line: string): number | null {
  // "（一）贯彻执行国家和本市有关财政工作的法律、法规、" is a wrapped list item, not a heading
  if (/[，、；;,（(“‘《—]$/.test(line)) return null;
  const found = HEADING_PATTERNS.find(({ pattern }) => pattern.test(line));
  return found ? found.level : null;
}

export function listMarkerOf(line: string): string | null {
  const match = LIST_MARKER.exec(line);
  return match ? match[0].trim() : null;
}

/** Punctuation that ends a paragraph when it ends a line. */
export const TERMINAL = /[。！？!?]$/;
/** Punctuation after which a line clearly goes on. */
export const CONTINUATION = /[，、；;,（(“‘《—：:]$/;
