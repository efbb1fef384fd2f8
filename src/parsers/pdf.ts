import path from 'node:path';
import type { Message } from '../model/document.js';
import { splitLines, type SourceItem } from './source-items.js';
import { displayWidth } from '../model/characters.js';
import { IngestError } from './errors.js';
import { joinTablesAcrossPages, placeTables } from './pdf-tables.js';
import { PDFJS_DIR, PDFParse, type LoadParameters } from './pdfjs.js';
import type { ParsedSource } from './parsed-source.js';
import { sniff, SNIFFED_NAMES } from './sniff.js';
import { isScannedPage, MIN_TEXT_CHARS } from './ocr/detect.js';
import { OcrNeeded, type OcrHooks, type OcrMode, type OcrProgress } from './ocr/hooks.js';
import type { OcrPage } from './ocr/index.js';

/** Pages separate in the source text by a form feed. */
export const PDF_PAGE_SEPARATOR = '\f';

/**
 * The CMaps and standard fonts shipped with the pdfjs-dist that pdf-parse uses: without cMapUrl, PDFs
 * whose CJK fonts rely on standard CMaps (no embedded ToUnicode) come out empty. In Node, pdf.js reads
 * them with fs: plain directory paths with a trailing slash, not file:// URLs.
 */
const CMAP_URL = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONTS_URL = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

/** The PDFParse options that give pdf.js its CMaps and fonts (the benchmark's bare-parser reference uses them too). */
export const PDF_ASSETS = { cMapUrl: CMAP_URL, cMapPacked: true, standardFontDataUrl: STANDARD_FONTS_URL } as const;

/**
 * Where pdf.js "loads" fonts: a document that takes its @font-face rules and does nothing with them.
 *
 * In Node pdf.js defaults to `disableFontFace`, which tells it that text is drawn glyph by glyph as paths:
 * getOperatorList (which getTable needs for a table's rules) then compiles the outline of every glyph on
 * the page and copies it to the API side, a quarter of the time of reading a page's text and tables
 * (measured: 60 generated PDFs, text and tables of every page, 8.6 → 6.4 s of CPU, the same output). We
 * never draw, so we let pdf.js load fonts, into this stand-in for `ownerDocument` (a documented option):
 * it receives one <style> rule per font, and nothing reads it. The text, the positions and the tables
 * do not depend on it (tests/parsers/pdf-fonts.test.ts compares them with pdf.js's default).
 */
export const FONT_SINK_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [] as unknown[], insertRule: () => 0 }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
} as unknown as NonNullable<LoadParameters['ownerDocument']>;

/** Options for reading a PDF's text and tables without glyph outlines (see FONT_SINK_DOCUMENT). */
export const PDF_READ_OPTIONS = { ...PDF_ASSETS, disableFontFace: false, ownerDocument: FONT_SINK_DOCUMENT } as const;

export interface PdfLimits {
  maxPages: number;
  ocr: OcrMode;
}

/**
 * A recognised box whose confidence is below this, with a digit in it, is marked for checking: an amount or
 * a threshold read wrong changes a sum. On the sample's clean renders every line read ≥ 0.89.
 */
export const LOW_CONFIDENCE = 0.85;

/** Fewer visible characters than this per page on average: no text layer. */
const MIN_CHARS_PER_PAGE = 8;

export async function parsePdf(
  bytes: Uint8Array,
  limits: PdfLimits = { maxPages: 2000, ocr: 'auto' },
  hooks: OcrHooks = {},
): Promise<ParsedSource> {
  if (bytes.length === 0) throw new IngestError('EMPTY_FILE', 'zero bytes', 'read');
  const kind = sniff(bytes);
  if (kind !== 'pdf')
    throw new IngestError('NOT_PDF', `the content is ${kind === 'unknown' ? 'not a PDF (no %PDF- header)' : SNIFFED_NAMES[kind]}`);

  const warnings = captureWarnings();
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    ...PDF_READ_OPTIONS,
    verbosity: 1,
  });
  try {
    const total = (await parser.getInfo()).total;
    if (total > limits.maxPages) throw new IngestError('TOO_MANY_PAGES', `${total} pages, limit ${limits.maxPages}`);
    warnings.take();
    const pages = await readPages(parser, total, warnings.take);
    const scanned = await pagesToOcr(parser, pages, limits.ocr);
    if (scanned.length > 0 && hooks.defer) throw new OcrNeeded(scanned.length);
    const ocred = scanned.length > 0 ? await runOcr(parser, scanned, hooks.onProgress) : [];
    for (const read of ocred) Object.assign(pages[read.page - 1], { text: read.text, failure: null });
    rejectUnusable(pages);
    const messages: Message[] = pages.flatMap((p) =>
      p.warnings.map((w) => ({ code: 'PDFJS', severity: 'warning' as const, message: w, page: p.page, source: null })),
    );
    const pageTexts = pages.map((p) => p.text);
    messages.push(...ocrMessages(ocred, pageTexts));
    const ocredPages = new Set(ocred.map((p) => p.page));
    const tablePages = pageTexts.map((text, i) => (!ocredPages.has(i + 1) && looksTabular(text) ? i + 1 : 0)).filter((n) => n > 0);
    const tables = tablePages.length ? await parser.getTable({ partial: tablePages }) : { pages: [] };
    return buildSource(pageTexts, tables.pages, messages, total);
  } catch (error) {
    throw error instanceof OcrNeeded ? error : classify(error);
  } finally {
    await parser.destroy();
    warnings.release();
  }
}

/**
 * The pages to OCR and their sizes: none with `never`; every page with `always`; with `auto` the pages
 * whose text layer is (almost) empty and that carry a page-sized image (a blank page has none).
 */
async function pagesToOcr(
  parser: PDFParse,
  pages: PageRead[],
  mode: OcrMode,
): Promise<{ page: number; widthPt: number; heightPt: number }[]> {
  if (mode === 'never') return [];
  const textChars = (p: PageRead) => p.text.replace(/\s/g, '').length;
  const candidates = mode === 'always' ? pages : pages.filter((p) => textChars(p) < MIN_TEXT_CHARS);
  if (candidates.length === 0) return [];
  const sizes = (await parser.getInfo({ parsePageInfo: true })).pages;
  const sized = candidates.map((p) => ({
    page: p.page,
    widthPt: sizes[p.page - 1]?.width ?? 595,
    heightPt: sizes[p.page - 1]?.height ?? 842,
  }));
  if (mode === 'always') return sized;
  const images = await parser.getImage({ partial: sized.map((p) => p.page), imageThreshold: 50, imageBuffer: false, imageDataUrl: false });
  return sized.filter((p) =>
    isScannedPage({
      textChars: textChars(pages[p.page - 1]),
      widthPt: p.widthPt,
      heightPt: p.heightPt,
      images: images.pages.find((i) => i.pageNumber === p.page)?.images ?? [],
    }),
  );
}

async function runOcr(parser: PDFParse, pages: { page: number; widthPt: number; heightPt: number }[], onProgress?: OcrProgress) {
  const { ocrPages } = await import('./ocr/index.js');
  try {
    return await ocrPages(parser, pages, onProgress);
  } catch (error) {
    throw new IngestError('OCR_FAILED', error instanceof Error ? error.message : String(error));
  }
}

/**
 * What OCR says about the pages it read: one note per page (its confidence and the tilt taken out) and a
 * warning on each box with a digit read with low confidence, with its place in the source text and on the
 * page, so the report shows it for checking and the checks know which values rest on it.
 */
function ocrMessages(ocred: OcrPage[], pageTexts: string[]): Message[] {
  const messages: Message[] = [];
  for (const page of ocred) {
    const base = pageTexts.slice(0, page.page - 1).reduce((n, text) => n + text.length + PDF_PAGE_SEPARATOR.length, 0);
    const confidence = page.confidence === null ? 'nothing read' : `confidence ${page.confidence.toFixed(3)}`;
    messages.push({
      code: 'OCR_PAGE',
      severity: 'info',
      message: `page read by OCR (${confidence}, tilt ${page.skew.toFixed(2)}° straightened)`,
      page: page.page,
      source: null,
    });
    for (const box of page.boxes) {
      if (box.confidence >= LOW_CONFIDENCE || !/\d/.test(box.text)) continue;
      const { x, y, width, height } = box.box;
      messages.push({
        code: 'OCR_LOW_CONFIDENCE',
        severity: 'warning',
        message: `"${box.text}" read with confidence ${box.confidence.toFixed(2)} at (${x}, ${y}, ${width}×${height} pt): check it against the scan`,
        page: page.page,
        source: { page: page.page, start: base + box.start, end: base + box.end, quote: box.text },
      });
    }
  }
  return messages;
}

interface PageRead {
  page: number;
  text: string;
  warnings: string[];
  failure: string | null;
}

/** Page by page, so that what pdf.js says while reading a page (or the error it throws) is tied to that page. */
async function readPages(parser: PDFParse, total: number, takeWarnings: () => string[]): Promise<PageRead[]> {
  const pages: PageRead[] = [];
  for (let page = 1; page <= total; page++) {
    let text = '';
    let failure: string | null = null;
    try {
      const result = await parser.getText({ partial: [page], pageJoiner: '' });
      text = result.pages[0]?.text ?? '';
    } catch (error) {
      if (error instanceof Error && error.name === 'PasswordException') throw error;
      failure = error instanceof Error ? error.message : String(error);
    }
    pages.push({ page, text, warnings: takeWarnings(), failure });
  }
  return pages;
}

function classify(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) return new IngestError('ENCRYPTED_PDF', message);
  return new IngestError('CORRUPT_PDF', message || name);
}

/** Characters of running text: CJK, ASCII, CJK punctuation and full-width forms. */
const TEXT_CHAR =
  /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\u0020-\u007e\u2010-\u2027\u2030-\u203b\u00b0-\u00ff\u2160-\u2188\u2460-\u24ff\u25a0-\u25ff]/;

/** Share of a page's visible characters that are not text: pdf.js's output for a page it had to rebuild. */
export function garbageRatio(text: string): number {
  let visible = 0;
  let bad = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (!TEXT_CHAR.test(ch)) bad++;
  }
  return visible === 0 ? 0 : bad / visible;
}

/** What pdf.js says when it reads damaged data: a broken stream, font or cross-reference table. */
const DAMAGE_WARNING =
  /Invalid stream|flate|FCHECK|preEvaluateFont|getHexString|Illegal character|Indexing all PDF objects|XRef|FormatError|Bad (?:encoding|FCHECK)|Unknown command|stream must have data|TT: /i;

/**
 * A PDF with (almost) no text is a scan; a page that fails, decodes to non-text, or comes with damage
 * warnings from pdf.js (which repairs what it can and reads on) is damaged: its text is not trusted.
 */
function rejectUnusable(pages: PageRead[]): void {
  const failed = pages.filter((p) => p.failure !== null);
  if (failed.length === pages.length) throw new IngestError('CORRUPT_PDF', failed[0]?.failure ?? 'no page could be read');
  const visible = pages.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
  const damaged = pages.map((p) => ({ page: p.page, why: damageOf(p) })).filter((p): p is { page: number; why: string } => p.why !== null);
  if (damaged.length > 0) {
    const list = damaged.map((d) => d.page).join(', ');
    throw new IngestError('DAMAGED_PDF', `page(s) ${list} damaged (page ${damaged[0].page}: ${damaged[0].why})`);
  }
  if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    throw new IngestError('NO_TEXT_LAYER', `${pages.length} page(s) with ${visible} characters of text (OCR: see --ocr)`);
  }
}

function damageOf(page: PageRead): string | null {
  if (page.failure !== null) return page.failure;
  if (garbageRatio(page.text) > 0.3) return 'the text decodes to non-text characters';
  const warning = page.warnings.find((w) => DAMAGE_WARNING.test(w));
  return warning ? `pdf.js: ${warning}` : null;
}

/**
 * Is this page worth asking getTable about (which costs as much again as reading the text)? pdf-parse
 * separates cells of one row by a space, which running Chinese text never has between two characters
 * ("项目名称 家庭医生签约服务"), and a flattened table leaves many short lines.
 */
function looksTabular(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const gapped = lines.filter((l) => CELL_GAP.test(l) && !SPACED_NAME.test(l.trim())).length;
  if (gapped >= 2) return true;
  const short = lines.filter((l) => displayWidth(l.trim()) <= 14).length;
  return lines.length >= 8 && short / lines.length >= 0.3;
}

/** Two CJK characters (or a closing and an opening bracket) with a space between. */
const CELL_GAP = /[\u4e00-\u9fff）)%]\s+[\u4e00-\u9fff（(]/;
/** A unit name printed with spaces between its characters ("信 访 办") is not a table row. */
const SPACED_NAME = /^(?:[\u4e00-\u9fff]\s+)+[\u4e00-\u9fff]$/;

interface PageTables {
  num: number;
  tables: string[][][];
}

function buildSource(pageTexts: string[], tablePages: PageTables[], messages: Message[], total: number): ParsedSource {
  const items: SourceItem[] = [];
  let offset = 0;
  pageTexts.forEach((text, i) => {
    const page = i + 1;
    const lines = splitLines(text, offset, page);
    const tables = tablePages.find((t) => t.num === page)?.tables ?? [];
    items.push(...placeTables(lines, tables, page, messages));
    offset += text.length + PDF_PAGE_SEPARATOR.length;
  });
  return {
    items: joinTablesAcrossPages(items),
    sourceText: pageTexts.join(PDF_PAGE_SEPARATOR),
    sourceBlocks: null,
    physicalPageCount: total,
    messages,
    meta: {},
  };
}

/**
 * pdf.js reports what it repaired ("Indexing all PDF objects", "Invalid stream") as "Warning: …" through
 * console.warn (console.log in older builds). Collect those lines while parses run: they explain a
 * damaged file. One hook serves every parse under way in this thread.
 */
const collectors = new Set<string[]>();
let restore: (() => void) | null = null;

function captureWarnings(): { take: () => string[]; release: () => void } {
  const collected: string[] = [];
  if (collectors.size === 0) {
    const { log, warn } = console;
    const hook =
      (original: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        const line = args.map(String).join(' ');
        if (!/^Warning:/.test(line)) return original(...args);
        for (const collector of collectors) collector.push(line.replace(/^Warning:\s*/, ''));
      };
    console.log = hook(log);
    console.warn = hook(warn);
    restore = () => {
      console.log = log;
      console.warn = warn;
    };
  }
  collectors.add(collected);
  return {
    take: () => collected.splice(0),
    release: () => {
      collectors.delete(collected);
      if (collectors.size === 0) {
        restore?.();
        restore = null;
      }
    },
  };
}
