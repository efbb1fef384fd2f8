import { FORM_LABELS, type FormLabelKind } from '../model/form-labels.js';

/**
 * Forms whose text layer glues each cell to the next (pdf.js on a form drawn without rulings, a copy that
 * lost its tabs):
 *
 *   项目名称会展业发展专项资金 / 主管部门烟台市商务局实施单位烟台市商务局 / 年度资金总额2200 / 其中：财政拨款2200 /
 *   一级指标二级指标三级指标指标值 / 成本指标经济成本指标 / 项目总成本 ≤2200万元 / 时效指标补贴发放及时率 =100%
 *
 * Each line is cut where the form's own words say a cell ends — a label of the lexicon, an indicator level,
 * the header's column names, the blank before a value — so that the one-cell-per-line reader (cell-lines)
 * reads the form as it reads a web copy. Only offsets are returned: the cells stay tied to their characters.
 */

/** Labels that open a cell in a form's upper part; short ones (单位, 说明) are left out, they occur inside values. */
const FIELD_KINDS: FormLabelKind[] = [
  'project_name',
  'department',
  'unit',
  'total',
  'multi_year_total',
  'part',
  'period',
  'goal_annual',
  'goal_overall',
];
const FIELD_LABELS = FORM_LABELS.filter((e) => FIELD_KINDS.includes(e.kind))
  .flatMap((e) => e.labels)
  .filter((label) => label.length >= 3)
  .sort((a, b) => b.length - a.length);

/** A label, with the 其中： before a part and the unit in brackets after a group label (项目资金（万元）). */
const FIELD = new RegExp(`(?:其中[：:])?(?:${FIELD_LABELS.join('|')})(?:[（(](?:万元|元)[)）])?[：:]?`, 'g');

/** The indicator table's column names, glued into one header line. */
const HEADER_WORDS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标名称',
  '指标值',
  '指标性质',
  '计量单位',
  '度量单位',
  '权重',
  '分值',
  '指标值及单位',
];
const HEADER_LINE = /^(?:一级指标|二级指标)(?:二级指标|三级指标|指标值|指标名称)/;
const HEADER = new RegExp(HEADER_WORDS.sort((a, b) => b.length - a.length).join('|'), 'g');

/** Indicator levels that open a row: 一级 then 二级, each at most once (成本指标 is both; as a second word it is the 二级). */
export const LEVEL_WORDS = [
  '服务对象满意度指标',
  '生态环境成本指标',
  '可持续影响指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '经济成本指标',
  '社会成本指标',
  '满意度指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '产出指标',
  '效益指标',
  '效果指标',
];
const LEVELS = new RegExp(`^(?:${LEVEL_WORDS.join('|')})`);
/** A 二级 written without its 指标 (经济成本, 社会效益), read only right after an 一级. */
const SHORT_SECOND = /^(?:经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)(?!指标)/;
/** The group label some forms print at the start of every indicator row (绩效指标 | 成本指标 | 经济成本 | …). */
const ROW_GROUP = /^绩效指标(?=\s*(?:产出|效益|效果|满意度|成本)指标)/;

/** The last blank-separated word of a row is its value when it reads as one (≥95%, =1个, 有效促进, 12月前完成). */
const VALUE =
  /^(?:[≥≤＞＜＝=<>]|>=|<=|\d|[一二三四五六七八九十百千]+[个项次件人家户场天月年%]|(?:定性|有效|及时|按时|完成|明显|显著|良好|合格|满意|达标|持续|稳定|全部|逐步|不断|提升|提高|降低|减少|增加|优|好))/;

/** A form's caption glued after the last cell of the form above it: "≥90%项目支出绩效目标表（2026）". */
const TRAILING_CAPTION = /(?:项目支出|政策和项目预算|项目|专项资金)?绩效目标(?:申报)?表[（(]?(?:\d{4}年?度?)?[)）]?$/;

/** Opens a glued form: 项目名称 (or a synonym) with the name right after it, on one line. */
export function opensGluedForm(text: string): boolean {
  const match = /^(?:项目名称|项目支出名称|预算项目名称|专项资金名称|二级项目名称)[：:]?\s*(\S.{1,40})$/.exec(text.replace(/\s+$/, ''));
  return match !== null && !/[。；]/.test(match[1]) && !/^(?:项目类别|项目类型|合计|金额|单位|项目编码)/.test(match[1]);
}

/** Opens a glued indicator table: its column names on one line (一级指标二级指标三级指标指标值). */
export function opensGluedIndicators(text: string): boolean {
  const flat = text.replace(/\s+/g, '');
  return HEADER_LINE.test(flat) && flat.replace(HEADER, '') === '';
}

export type Piece = [from: number, to: number];

export const isLevelWord = (text: string): boolean => LEVEL_WORDS.includes(text);
export const isValueCell = (text: string): boolean => VALUE.test(text);

/** The level a line starts and the next line ends (满意度 + 指标…), when the line alone is only its beginning. */
export function levelWrappedAt(text: string, next: string): string | null {
  if (text.length === 0 || text.length > 8 || isLevelWord(text)) return null;
  const joined = text + next;
  return LEVEL_WORDS.find((word) => word.length > text.length && word.startsWith(text) && joined.startsWith(word)) ?? null;
}

/** Where each cell of one glued line starts and ends, in the line's text; `inIndicators` once the header was met. */
export function gluedPieces(text: string, inIndicators: boolean): { pieces: Piece[]; header: boolean } {
  const pieces: Piece[] = [];
  let end = text.length;
  const caption = TRAILING_CAPTION.exec(text);
  if (caption && caption.index > 0) end = caption.index;
  const body = text.slice(0, end);
  if (HEADER_LINE.test(body.replace(/\s+/g, ''))) {
    pushSplit(pieces, body, 0, HEADER);
    if (end < text.length) pieces.push([end, text.length]);
    return { pieces, header: true };
  }
  if (!inIndicators) pushSplit(pieces, body, 0, FIELD);
  else pushRow(pieces, body);
  if (end < text.length) pieces.push([end, text.length]);
  return { pieces, header: false };
}

/** Cut at every match of `words`: the words are cells, and so is the text between them. */
function pushSplit(pieces: Piece[], text: string, base: number, words: RegExp): void {
  let at = 0;
  for (const match of text.matchAll(words)) {
    const index = match.index ?? 0;
    if (index > at) pushTrimmed(pieces, text, base + at, base + index);
    pieces.push([base + index, base + index + match[0].length]);
    at = index + match[0].length;
  }
  if (at < text.length) pushTrimmed(pieces, text, base + at, base + text.length);
}

/** An indicator row: its leading levels, its name, and the value after the last blank. */
function pushRow(pieces: Piece[], text: string): void {
  let at = 0;
  const group = ROW_GROUP.exec(text);
  if (group) at = skipBlanks(text, group[0].length);
  for (let k = 0; k < 2; k++) {
    const rest = text.slice(at);
    const level = LEVELS.exec(rest) ?? (k === 1 ? SHORT_SECOND.exec(rest) : null);
    if (!level) break;
    pieces.push([at, at + level[0].length]);
    at = skipBlanks(text, at + level[0].length);
  }
  const value = valueStart(text, at);
  if (value > at) {
    pushTrimmed(pieces, text, at, value);
    pushTrimmed(pieces, text, value, text.length);
  } else pushTrimmed(pieces, text, at, text.length);
}

/**
 * Where a row's value starts: at the first blank-separated word after the name that reads as a value
 * ("重点会展活动举办分项成本 ≤1300 万元": the unit may stand apart), or at an operator glued to the name with a
 * figure after it ("培育产业融合发展示范典型数量＝5个"); `from` where there is none.
 */
function valueStart(text: string, from: number): number {
  for (const blank of text.slice(from).matchAll(/\s+/g)) {
    const at = from + (blank.index ?? 0) + blank[0].length;
    if (at > from && VALUE.test(text.slice(at))) return at;
  }
  const glued = /[≥≤＞＜＝=<>](?=\s*\d)[^≥≤＞＜＝=<>]*$/.exec(text.slice(from));
  return glued && glued.index > 0 ? from + glued.index : from;
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

function pushTrimmed(pieces: Piece[], text: string, from: number, to: number): void {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to > from) pieces.push([from, to]);
}
