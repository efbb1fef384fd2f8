/**
 * A page image made ready for PP-OCR: grayscale and straightened. Deskewing matters most: on a page fed
 * ≈1° askew, the detector merges neighbouring lines into one box and the recogniser reads half of each.
 * OpenCV (ppu-ocv's opencv.js) measures the angle on the binarised page; the canvas rotates it on white.
 * Images cross between the two canvas builds (pdf-parse's and ppu-ocv's @napi-rs/canvas) as PNG bytes
 * only: a canvas object of one build handed to the other has crashed the process.
 */

/** Below this the page is left as it is: a rotation blurs the glyphs more than such a tilt hurts. */
const MIN_SKEW_DEGREES = 0.15;
/** Beyond this the measure is not a tilt but something else (a rotated table, a photo): leave the page alone. */
const MAX_SKEW_DEGREES = 5;

export interface CleanedImage {
  png: Uint8Array;
  /** The angle the page was turned back by (degrees, clockwise positive as measured); 0 when it was not. */
  skew: number;
}

export async function cleanPage(png: Uint8Array): Promise<CleanedImage> {
  const { CanvasProcessor, DeskewService, ImageProcessor, createCanvas, cv } = await import('ppu-ocv');
  await ImageProcessor.initRuntime();
  const canvas = await CanvasProcessor.prepareCanvas(arrayBufferOf(png));
  const gray = new ImageProcessor(canvas);
  const grayCanvas = gray.grayscale().toCanvas();
  const binary = gray.threshold({ lower: 0, upper: 255, type: cv.THRESH_BINARY_INV + cv.THRESH_OTSU }).toCanvas();
  gray.destroy();
  const angle = await new DeskewService().calculateSkewAngle(binary);
  const skew = Math.abs(angle) >= MIN_SKEW_DEGREES && Math.abs(angle) <= MAX_SKEW_DEGREES ? angle : 0;
  const out = createCanvas(grayCanvas.width, grayCanvas.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, out.width, out.height);
  if (skew !== 0) {
    ctx.translate(out.width / 2, out.height / 2);
    ctx.rotate((-skew * Math.PI) / 180);
    ctx.translate(-out.width / 2, -out.height / 2);
  }
  ctx.drawImage(grayCanvas as unknown as Parameters<typeof ctx.drawImage>[0], 0, 0);
  return { png: new Uint8Array(await out.encode('png')), skew };
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
