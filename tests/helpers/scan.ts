import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFParse } from 'pdf-parse';

/**
 * Scans made from a typed PDF, the way a hand-fed office scanner makes them: each page drawn at `dpi`,
 * turned by `rotate` degrees, blurred, with speckle noise, saved as JPEG and wrapped in a PDF of page
 * images with no text layer. Deterministic (a seeded generator), so a test's scan is the same every run.
 */
export interface ScanOptions {
  dpi?: number;
  /** Degrees, clockwise. */
  rotate?: number;
  /** Gaussian blur radius in pixels. */
  blur?: number;
  /** Share of pixels turned to a random grey. */
  noise?: number;
  jpegQuality?: number;
  /** 1-based pages to scan; all by default. */
  pages?: number[];
  seed?: number;
}

export async function scanPdf(pdf: Uint8Array, options: ScanOptions = {}): Promise<Uint8Array> {
  const { dpi = 150, rotate = 1, blur = 0.7, noise = 0.01, jpegQuality = 80, seed = 19 } = options;
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const total = (await parser.getInfo()).total;
    const wanted = options.pages ?? Array.from({ length: total }, (_, i) => i + 1);
    const random = seeded(seed);
    const pages: ScannedPage[] = [];
    for (const page of wanted) {
      const shot = (await parser.getScreenshot({ partial: [page], scale: dpi / 72, imageBuffer: true, imageDataUrl: false })).pages[0];
      const image = await loadImage(Buffer.from(shot.data));
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = 'white';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.filter = blur > 0 ? `blur(${blur}px)` : 'none';
      ctx.translate(canvas.width / 2, canvas.height / 2);
      ctx.rotate((rotate * Math.PI) / 180);
      ctx.translate(-canvas.width / 2, -canvas.height / 2);
      ctx.drawImage(image, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        if (random() >= noise) continue;
        const grey = Math.floor(random() * 256);
        pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = grey;
      }
      ctx.putImageData(pixels, 0, 0);
      const jpeg = await canvas.encode('jpeg', jpegQuality);
      pages.push({
        jpeg,
        width: canvas.width,
        height: canvas.height,
        widthPt: (canvas.width * 72) / dpi,
        heightPt: (canvas.height * 72) / dpi,
      });
    }
    return imagePdf(pages);
  } finally {
    await parser.destroy();
  }
}

interface ScannedPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  widthPt: number;
  heightPt: number;
}

/** A PDF whose pages are each one JPEG drawn over the whole page, and nothing else. */
export function imagePdf(pages: ScannedPage[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (part: string | Uint8Array) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part);
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (id: number, body: () => void) => {
    offsets[id] = length;
    write(`${id} 0 obj\n`);
    body();
    write('\nendobj\n');
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const pageIds = pages.map((_, i) => 3 + i * 3);
  object(1, () => write('<< /Type /Catalog /Pages 2 0 R >>'));
  object(2, () => write(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`));
  pages.forEach((page, i) => {
    const [pageId, imageId, contentId] = [pageIds[i], pageIds[i] + 1, pageIds[i] + 2];
    const w = page.widthPt.toFixed(2);
    const h = page.heightPt.toFixed(2);
    object(pageId, () =>
      write(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
    object(imageId, () => {
      write(
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n`,
      );
      write(page.jpeg);
      write('\nendstream');
    });
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(contentId, () => write(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  write(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) write(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** mulberry32: a small seeded generator, so a scan's noise is the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
