import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * pdf-parse and the pdf.js it runs on, loaded so that they do not slow down the rest of the thread.
 *
 * pdf-parse uses pdf.js's legacy build (the one that runs on Node 20), whose two bundles (the API and the
 * "worker", which runs in the same thread in Node) carry core-js polyfills. Besides adding what Node 20
 * lacks (Promise.withResolvers, Uint8Array.prototype.toBase64…), which pdf.js needs, they replace builtins
 * Node already has with JavaScript versions, for every line of code run in the thread afterwards:
 * Array.prototype.push (forced on V8 before 12.2 over an edge case, a push onto an array whose length is
 * read-only) and JSON.parse (for a reviver argument nothing here uses). The polyfilled push was the single
 * costliest function of a PDF worker (14% of its time, measured with --cpu-prof) and slowed the extractors
 * as much as pdf.js. So both bundles are loaded here, first the API and then the worker bundle (which pdf.js
 * would otherwise import at the first document, installing its polyfills then), and every builtin that
 * existed before and was replaced is put back; what was added stays.
 */

/** Where the builtins that the polyfills may replace live (globalThis is left alone: Node defines some of its properties lazily). */
const BUILTIN_HOLDERS: object[] = [
  Array,
  Array.prototype,
  ArrayBuffer.prototype,
  Function.prototype,
  JSON,
  Map.prototype,
  Math,
  Number,
  Object,
  Promise,
  Reflect,
  RegExp.prototype,
  Set.prototype,
  String.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object, // %TypedArray%.prototype
  Uint8Array.prototype,
];

type Snapshot = { holder: object; key: string | symbol; descriptor: PropertyDescriptor }[];

function snapshotBuiltins(): Snapshot {
  return BUILTIN_HOLDERS.flatMap((holder) =>
    Reflect.ownKeys(holder).map((key) => ({ holder, key, descriptor: Object.getOwnPropertyDescriptor(holder, key)! })),
  );
}

/** Put back every builtin of the snapshot whose value a load replaced. */
function restoreBuiltins(snapshot: Snapshot): void {
  for (const { holder, key, descriptor } of snapshot) {
    const now = Object.getOwnPropertyDescriptor(holder, key);
    if (now && Object.is(now.value, descriptor.value) && now.get === descriptor.get && now.set === descriptor.set) continue;
    Object.defineProperty(holder, key, descriptor);
  }
}

/** The pdfjs-dist that pdf-parse depends on (its CMaps, standard fonts and worker bundle). */
export const PDFJS_DIR = (() => {
  const require = createRequire(import.meta.url);
  const fromPdfParse = createRequire(require.resolve('pdf-parse'));
  return path.dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
})();

const snapshot = snapshotBuiltins();
const pdfParse = await import('pdf-parse');
// the minified build of the same bundle: V8 keeps a module's source for as long as the thread lives, and
// the plain one (2 MB, held as a 4 MB two-byte string) was the largest thing in a PDF worker's heap
const workerBundle = pathToFileURL(path.join(PDFJS_DIR, 'legacy', 'build', 'pdf.worker.min.mjs')).href;
await import(workerBundle);
// pdf.js imports its worker bundle from here at the first document: the module already loaded, not a second copy
pdfParse.PDFParse.setWorker(workerBundle);

restoreBuiltins(snapshot);

export const PDFParse = pdfParse.PDFParse;
export type PDFParse = InstanceType<typeof PDFParse>;
export type { LoadParameters } from 'pdf-parse';
