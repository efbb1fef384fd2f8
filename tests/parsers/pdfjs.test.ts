import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/**
 * src/parsers/pdfjs.ts loads pdf-parse and pdf.js's worker bundle, then puts back the builtins their core-js
 * polyfills replaced (a slower Array.prototype.push on Node 20). Each case runs in a fresh node process, where
 * nothing has loaded pdf.js yet.
 */
function inFreshNode(module: string, body: string): Record<string, unknown> {
  const script = `
    const before = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString };
    const loaded = await import(${JSON.stringify(module)});
    ${body}`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' }));
}

const pdfjsModule = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'parsers', 'pdfjs.js')).href;
const pdfModule = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'parsers', 'pdf.js')).href;

describe('loading pdf.js', () => {
  it('leaves the native builtins in place and keeps what the polyfills add', () => {
    const result = inFreshNode(
      pdfjsModule,
      `console.log(JSON.stringify({
        push: Array.prototype.push === before.push,
        parse: JSON.parse === before.parse,
        toString: Function.prototype.toString === before.toString,
        withResolvers: typeof Promise.withResolvers,
        pdfParse: typeof loaded.PDFParse,
      }));`,
    );
    expect(result).toEqual({ push: true, parse: true, toString: true, withResolvers: 'function', pdfParse: 'function' });
  });

  it('still has them after a PDF is read (pdf.js imports its worker bundle at the first document)', () => {
    const sample = path.join(repoRoot, 'fixtures', 'seed', '000_96c11c9fa2daaa8c.pdf');
    const result = inFreshNode(
      pdfModule,
      `const parsed = await loaded.parsePdf((await import('node:fs')).readFileSync(${JSON.stringify(sample)}));
       console.log(JSON.stringify({ pages: parsed.physicalPageCount, push: Array.prototype.push === before.push, parse: JSON.parse === before.parse }));`,
    );
    expect(result).toEqual({ pages: 24, push: true, parse: true });
  });
});
