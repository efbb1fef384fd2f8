import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';
import { generateFiling, toText } from '../../src/dev/synth/index.js';
import { tempDir } from '../pipeline/helpers.js';
import { runCliBounded } from './cli.js';
import { writeZip } from './zip.js';

describe('names and messages are printed escaped, one line per file', () => {
  it('makes control characters visible', () => {
    expect(printable('a\nb\rc\td\x1b[31me\u0085f\u2028g\\h')).toBe('a\\nb\\rc\\td\\x1b[31me\\x85f\\u2028g\\\\h');
    expect(printable('人均不低于100元.txt')).toBe('人均不低于100元.txt');
  });

  it('cannot be made to forge a line or send a terminal escape by a file name or a parser message', async () => {
    const dir = tempDir('escaped');
    const corpus = path.join(dir, 'corpus');
    const filing = toText(generateFiling(3), { pageNumbers: true });
    const names = ['forged\nok       fake.txt', 'red\x1b[31m.txt', 'carriage\rreturn.txt'];
    mkdirSync(corpus);
    for (const name of names) writeFileSync(path.join(corpus, name), filing);
    writeFileSync(path.join(corpus, 'empty\n.txt'), '');
    // malformed XML: the XML parser's message runs over several lines
    const xml =
      '<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>';
    writeFileSync(path.join(corpus, 'broken.docx'), writeZip([{ name: 'word/document.xml', data: Buffer.from(xml) }]));

    const run = await runCliBounded(['ingest', corpus, '--db', path.join(dir, 'filings.sqlite'), '--workers', '1']);
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    const lines = run.stdout.trimEnd().split('\n');
    // five files, five lines, then the summary
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => /^ok /.test(l))).toHaveLength(3);
    expect(run.stdout).toContain('forged\\nok       fake.txt');
    expect(run.stdout).toContain('red\\x1b[31m.txt');
    expect(run.stdout).toContain('carriage\\rreturn.txt');
    expect(run.stdout).toMatch(/^error +\S*empty\\n\.txt +EMPTY_FILE/m);
    expect(run.stdout).toMatch(/^error +\S*broken\.docx +CORRUPT_DOCX: /m);
  });
});
