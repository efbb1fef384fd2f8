import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import type { Project } from '../../src/model/extraction.js';
import { differs, filingTotal, fundingComparison, groupDigits } from '../../src/report/funding-sums.js';
import { assignMarks, highlight, type Mark } from '../../src/report/highlight.js';
import { escapeHtml, html, jsonForScript, raw } from '../../src/report/html.js';

const mark = (id: string, start: number, end: number, classes = 'v'): Mark => ({ id, start, end, classes });

/** The highlighted HTML with tags shortened to [id and ] so that the nesting reads at a glance. */
function brackets(text: string, marks: Mark[], from = 0, to = text.length): string {
  return highlight(text, from, to, marks)
    .value.replace(/<span class="[^"]*" data-id="([^"]*)"[^>]*>/g, '[$1 ')
    .replace(/<\/span>/g, ']');
}

describe('escaping', () => {
  it('escapes text and attribute values, and only Html passes through html`` unescaped', () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;');
    const quote = '<img src=x onerror="alert(1)">';
    expect(html`<p title="${quote}">${quote}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>',
    );
    expect(html`<div>${raw('<b>ours</b>')}${['<', html`<i>${'&'}</i>`]}${null}${false}${3}</div>`.value).toBe(
      '<div><b>ours</b>&lt;<i>&amp;</i>3</div>',
    );
  });

  it('embeds JSON in a script element with < written as \\u003c, so that no text can close the element', () => {
    const embedded = jsonForScript({ path: '</script><script>alert(1)</script>', note: '<!-- a & b > c \u2028' }).value;
    expect(embedded).not.toMatch(/[<>&\u2028]/);
    expect(embedded).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(embedded)).toEqual({ path: '</script><script>alert(1)</script>', note: '<!-- a & b > c \u2028' });
  });
});

describe('highlight: cutting the text at every span boundary', () => {
  const text = '资金共计33万元，其中8万元';

  it('wraps spans, escapes the text between them and leaves unmarked text alone', () => {
    expect(brackets(text, [])).toBe(text);
    expect(brackets(text, [mark('t', 4, 8), mark('i', 11, 14)])).toBe('资金共计[t 33万元]，其中[i 8万元]');
    expect(brackets('a<b>c', [mark('m', 1, 4)])).toBe('a[m &lt;b&gt;]c');
  });

  it('nests contained spans without splitting them; the longer span is outside', () => {
    expect(brackets(text, [mark('inner', 4, 8), mark('outer', 0, 9)])).toBe('[outer 资金共计[inner 33万元]，]其中8万元');
    // equal spans: the first given is outside (values before finding locations)
    expect(brackets(text, [mark('value', 4, 8), mark('finding', 4, 8)])).toBe('资金共计[value [finding 33万元]]，其中8万元');
  });

  it('splits a span that crosses another into pieces sharing its id', () => {
    // a: [2, 6), b: [4, 9): b opens inside a, a closes at 6 — b is closed and reopened there
    expect(brackets('0123456789', [mark('a', 2, 6), mark('b', 4, 9)])).toBe('01[a 23[b 45]][b 678]9');
    expect(brackets('0123456789', [mark('a', 2, 6), mark('b', 4, 9), mark('c', 5, 8)])).toBe('01[a 23[b 4[c 5]]][b [c 67]8]9');
  });

  it('clips spans to the range rendered and keeps points as empty elements', () => {
    expect(brackets('0123456789', [mark('a', 0, 5), mark('p', 7, 7), mark('far', 12, 14)], 3, 9)).toBe('[a 34]56[p ]78');
    expect(brackets('0123', [mark('end', 4, 4)])).toBe('0123[end ]');
  });

  it('always produces balanced markup whose text is the range, for any overlapping spans', () => {
    const sample = '项目总额243.08万元，其中律师费90万元、培训28万元';
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const marks = Array.from({ length: 1 + random(6) }, (_, k) => {
        const start = random(sample.length);
        return mark(`m${k}`, start, start + random(sample.length - start + 1));
      });
      const out = highlight(sample, 0, sample.length, marks).value;
      expect(out.replace(/<[^>]+>/g, '')).toBe(sample);
      let depth = 0;
      for (const tag of out.match(/<\/?span/g) ?? []) {
        depth += tag === '<span' ? 1 : -1;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      // every mark's pieces together cover exactly its span
      for (const m of marks.filter((m) => m.start < m.end)) {
        const covered = piecesOf(out, m.id);
        expect(covered).toBe(sample.slice(m.start, m.end));
      }
    }
  });
});

/** The text inside every element with this data-id, concatenated (a tiny parser for the highlighter's own output). */
function piecesOf(markup: string, id: string): string {
  let out = '';
  const stack: boolean[] = [];
  for (const token of markup.match(/<span[^>]*>|<\/span>|[^<]+/g) ?? []) {
    if (token.startsWith('<span')) stack.push(token.includes(`data-id="${id}"`));
    else if (token === '</span>') stack.pop();
    else if (stack.includes(true)) out += token;
  }
  return out;
}

describe('assignMarks: marks to the blocks and cells they touch', () => {
  const leaves = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 21, end: 30 },
  ];

  it('gives a range to every leaf it touches, and a point to the leaf holding it or the next one', () => {
    const byLeaf = assignMarks(leaves, [
      mark('inFirst', 2, 5),
      mark('across', 8, 25),
      mark('point', 15, 15),
      mark('gapPoint', 10, 10),
      mark('afterAll', 40, 40),
    ]);
    expect(byLeaf.map((list) => list.map((m) => m.id))).toEqual([
      ['inFirst', 'across', 'gapPoint'],
      ['across', 'point'],
      ['across', 'afterAll'],
    ]);
    expect(byLeaf[2].find((m) => m.id === 'afterAll')).toMatchObject({ start: 30, end: 30 });
  });

  it('shows a range that covers only the text between leaves as a point where it starts', () => {
    const [first, second] = assignMarks(
      [
        { start: 0, end: 10 },
        { start: 13, end: 20 },
      ],
      [mark('newline', 10, 11), mark('blank line', 11, 12)],
    );
    expect(first).toEqual([mark('newline', 10, 10)]);
    expect(second).toEqual([mark('blank line', 13, 13)]);
  });
});

describe('funding sums: exact decimals', () => {
  const amount = (wan: string) => ({
    wan,
    text: `${wan}万元`,
    approximate: false,
    printed_decimals: 2,
    source: { page: 1, start: 0, end: 1, quote: '' },
  });
  const item = (wan: string | null) => ({
    label: 'x',
    amount: wan === null ? null : amount(wan),
    source: { page: 1, start: 0, end: 1, quote: '' },
    children: [],
  });
  const project = (total: string | null, items: (string | null)[]) =>
    ({ total: total === null ? null : amount(total), funding_items: items.map(item) }) as unknown as Project;

  it('compares the declared total with the sum of the top-level items that have an amount', () => {
    const law = fundingComparison(project('243.08', ['90', '28', '5', '44', null]));
    expect(law.declared?.toString()).toBe('243.08');
    expect(law.computed?.toString()).toBe('167');
    expect(law.unpricedItems).toHaveLength(1);
    expect(differs(law)).toBe(true);
    expect(differs(fundingComparison(project('0.3', ['0.1', '0.2'])))).toBe(false);
    expect(fundingComparison(project(null, [])).computed).toBeNull();
  });

  it('sums a filing’s totals exactly and groups digits on the decimal text', () => {
    expect(filingTotal([project('0.1', []), project('0.2', []), project(null, [])])?.toString()).toBe('0.3');
    expect(filingTotal([project(null, [])])).toBeNull();
    expect(groupDigits(Decimal.parse('1234567.05'))).toBe('1,234,567.05');
    expect(groupDigits(Decimal.parse('-1000'))).toBe('-1,000');
    expect(groupDigits(Decimal.parse('999'))).toBe('999');
  });
});
