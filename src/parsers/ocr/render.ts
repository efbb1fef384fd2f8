import type { PDFParse } from '../pdfjs.js';

/**
 * Page images for OCR, drawn by pdf.js (pdf-parse's getScreenshot, on the @napi-rs/canvas it depends on)
 * rather than poppler's pdftoppm: pdf.js is already loaded to read the text layer, draws the same page
 * the text came from, and needs nothing from the system (pdftoppm is a Debian package a user may not
 * have). A scan is a single image per page, which pdf.js draws as fast as pdftoppm.
 */

/** 200 dpi: PP-OCRv4 reads 10.5 pt CJK text at it as well as at 300 dpi, in half the pixels (the measurement). */
export const OCR_DPI = 200;
/** A large page (A3, a fold-out table) is drawn smaller so that its long side stays at A3's 200 dpi size. */
export const MAX_SIDE_PX = 3400;

/** The scale (pixels per PDF point) for a page of this size in points. */
export function renderScale(widthPt: number, heightPt: number): number {
  const scale = OCR_DPI / 72;
  const longSide = Math.max(widthPt, heightPt) * scale;
  return longSide > MAX_SIDE_PX ? MAX_SIDE_PX / Math.max(widthPt, heightPt) : scale;
}

export interface PageImage {
  page: number;
  png: Uint8Array;
  width: number;
  height: number;
  /** Pixels per PDF point: a box in pixels divided by it is in points. */
  scale: number;
}

export async function renderPage(parser: PDFParse, page: number, widthPt: number, heightPt: number): Promise<PageImage> {
  const scale = renderScale(widthPt, heightPt);
  const shot = await parser.getScreenshot({ partial: [page], scale, imageBuffer: true, imageDataUrl: false });
  const drawn = shot.pages[0];
  if (!drawn) throw new Error(`page ${page} could not be drawn`);
  return { page, png: drawn.data, width: Math.round(drawn.width), height: Math.round(drawn.height), scale };
}
