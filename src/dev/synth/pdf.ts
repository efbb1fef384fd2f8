import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * DOCX → PDF with LibreOffice headless. Optional: where LibreOffice is not installed the functions say so
 * instead of failing, and callers skip the PDFs.
 */

const run = promisify(execFile);

export type PdfResult = { path: string; reason: null } | { path: null; reason: string };

/** The LibreOffice binary on PATH (soffice or libreoffice), or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (dir !== '' && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function pdfPathFor(docxPath: string, outDir: string): string {
  return join(resolve(outDir), `${basename(docxPath).replace(/\.docx$/i, '')}.pdf`);
}

/** Largest number of files given to one soffice call; one start-up for many files is what makes batches fast. */
const BATCH_SIZE = 200;

/**
 * Converts many DOCX files with as few soffice start-ups as possible. Each call gets its own throw-away
 * profile directory, so concurrent conversions (other tests, other developers) do not lock each other out.
 */
export async function toPdfBatch(docxPaths: readonly string[], outDir: string): Promise<PdfResult[]> {
  const soffice = findSoffice();
  if (soffice === null) {
    const reason = 'LibreOffice (soffice/libreoffice) is not on PATH; install libreoffice-writer and fonts-noto-cjk to make PDFs';
    return docxPaths.map(() => ({ path: null, reason }));
  }
  const results: PdfResult[] = [];
  for (let start = 0; start < docxPaths.length; start += BATCH_SIZE) {
    const batch = docxPaths.slice(start, start + BATCH_SIZE).map((path) => resolve(path));
    // A PDF left from an earlier run must not pass for this run's output.
    for (const docx of batch) rmSync(pdfPathFor(docx, outDir), { force: true });
    const profile = mkdtempSync(join(tmpdir(), 'synth-soffice-'));
    let failure: string | null = null;
    try {
      await run(
        soffice,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', resolve(outDir), ...batch],
        {
          timeout: 60_000 + batch.length * 10_000,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (error) {
      failure = `soffice failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const docx of batch) {
      const pdf = pdfPathFor(docx, outDir);
      results.push(
        existsSync(pdf) ? { path: pdf, reason: null } : { path: null, reason: failure ?? `soffice produced no ${basename(pdf)}` },
      );
    }
  }
  return results;
}

/** Converts one DOCX; the PDF lands in `outDir` under the DOCX's base name. */
export async function toPdf(docxPath: string, outDir: string): Promise<PdfResult> {
  const [result] = await toPdfBatch([docxPath], outDir);
  return result;
}
