/**
 * Which pages of a PDF are scans: a page with (almost) no text of its own that carries a page-sized image.
 * A page with neither (a blank page, a separator) is left alone; a filing can mix typed and scanned pages.
 */

/** Fewer visible characters than this on a page: it has no text layer worth reading. */
export const MIN_TEXT_CHARS = 8;

export interface PageFacts {
  /** Visible characters of the page's text layer. */
  textChars: number;
  /** The page's size in PDF points. */
  widthPt: number;
  heightPt: number;
  /** The pixel sizes of the images drawn on the page. */
  images: { width: number; height: number }[];
}

/**
 * A scanner's image: at least 72 dpi across the page (a logo or a seal is smaller) with the page's shape
 * (within 20 %: a scanner crops a little, a landscape scan of a portrait page does not fit).
 */
export function isPageImage(image: { width: number; height: number }, widthPt: number, heightPt: number): boolean {
  const shape = image.width / image.height / (widthPt / heightPt);
  return image.width >= widthPt * 0.9 && shape > 0.8 && shape < 1.25;
}

export function isScannedPage(page: PageFacts): boolean {
  return page.textChars < MIN_TEXT_CHARS && page.images.some((image) => isPageImage(image, page.widthPt, page.heightPt));
}
