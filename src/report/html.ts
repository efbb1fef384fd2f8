/**
 * HTML built from strings, escaped by construction: everything interpolated into `html`…`` is escaped
 * unless it is already `Html`. Filings are untrusted text (a filing may well contain `<script>`), so the
 * only way markup enters a page is through this module.
 */

/** Markup that is already safe: produced by `html`, `raw` (our own constant markup) or the highlighter. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Our own constant markup (CSS, JS, SVG skeletons): never pass document text here. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html`<p title="${quote}">${text}</p>`` escapes quote and text. Arrays are joined; null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((value, k) => {
    out += render(value) + strings[k + 1];
  });
  return new Html(out);
}

/**
 * JSON for a `<script type="application/json">` element. `<` is written as \u003c so that no text can
 * close the element (`</script>`) or open a comment; `>`/`&` and the JS line separators likewise.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new Html(json);
}
