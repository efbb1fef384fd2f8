import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The targets are stated for filings of the sample's size; generated filings are smaller (3 to 15 shorter
 * projects). Text size, compared on the TXT renderings, turns "generated filings/s" into "sample-sized
 * filings/s" (the work per filing grows with its text: every stage reads every character).
 */
export interface SizeComparison {
  generated_text_kb: number;
  sample_text_kb: number;
  /** A generated filing's text over the sample's: sample-sized filings/s = filings/s × ratio. */
  ratio: number;
}

/** Mean size of the generated TXT files against the bundled sample's (fixtures/seed); null without either. */
export function compareWithSample(generatedTxt: readonly string[], sampleDir = defaultSampleDir()): SizeComparison | null {
  const samples =
    sampleDir && existsSync(sampleDir)
      ? readdirSync(sampleDir)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => path.join(sampleDir, f))
      : [];
  if (generatedTxt.length === 0 || samples.length === 0) return null;
  const generated = meanBytes(generatedTxt);
  const sample = meanBytes(samples);
  return { generated_text_kb: round(generated / 1000), sample_text_kb: round(sample / 1000), ratio: round(generated / sample) };
}

function meanBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0) / files.length;
}

/** fixtures/seed of the package this code belongs to (the first folder upwards holding package.json). */
function defaultSampleDir(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return path.join(dir, 'fixtures', 'seed');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
