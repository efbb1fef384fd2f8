import type { PDFParse } from '../pdfjs.js';
import { cleanPage } from './clean.js';
import type { OcrProgress } from './hooks.js';
import { recogniseImage } from './engine.js';
import { layoutPage, type OcrPageText } from './layout.js';
import { renderPage } from './render.js';

export interface OcrPage extends OcrPageText {
  page: number;
  /** The angle the page image was turned back by before reading (degrees). */
  skew: number;
}

/** Draw, clean and read each of the given pages, one after another (the engine already uses every core). */
export async function ocrPages(
  parser: PDFParse,
  pages: { page: number; widthPt: number; heightPt: number }[],
  onProgress: OcrProgress = () => {},
): Promise<OcrPage[]> {
  const out: OcrPage[] = [];
  for (const { page, widthPt, heightPt } of pages) {
    const image = await renderPage(parser, page, widthPt, heightPt);
    const cleaned = await cleanPage(image.png);
    const lines = await recogniseImage(cleaned.png);
    out.push({ page, skew: cleaned.skew, ...layoutPage(lines, image.scale) });
    onProgress(out.length, pages.length);
  }
  return out;
}
