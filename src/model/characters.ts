/** Character classes and the 1:1 width folding used before matching. */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** CJK punctuation and full-width forms that behave like CJK when deciding about spaces. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

export function isCjkLike(ch: string): boolean {
  return CJK.test(ch) || CJK_PUNCT.test(ch);
}

export function isAsciiAlnum(ch: string): boolean {
  return /[0-9A-Za-z]/.test(ch);
}

/**
 * Fold one character to its half-width form for matching: full-width digits and letters, ％ and ．
 * (０-９Ａ-Ｚａ-ｚ are U+FF10..U+FF5A, 0xFEE0 above ASCII). One character in, one out, so offsets survive.
 * Full-width CJK punctuation (，。：；（）) is kept: it carries meaning in Chinese text.
 */
export function foldWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
    return String.fromCharCode(code - 0xfee0);
  }
  if (ch === '％') return '%';
  if (ch === '．') return '.';
  if (ch === '\u3000' || ch === '\u00a0') return ' ';
  return ch;
}

export function isHorizontalSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * A space between a CJK character and a digit or letter is a conversion artifact ("2022 年", "共 58 条");
 * between two Latin words it is real ("PPP project").
 */
export function isRemovableSpace(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return true;
  const cjkBefore = isCjkLike(before);
  const cjkAfter = isCjkLike(after);
  if (cjkBefore && cjkAfter) return true;
  if (cjkBefore && (isAsciiAlnum(after) || after === '%' || after === '(')) return true;
  if (cjkAfter && (isAsciiAlnum(before) || before === '%' || before === ')')) return true;
  // "90 %" and "100 %" in PDF table cells
  if (/[0-9]/.test(before) && after === '%') return true;
  return false;
}

/** Display width: CJK and full-width characters take two columns, as on a printed page. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isCjkLike(ch) ? 2 : 1;
  return width;
}
