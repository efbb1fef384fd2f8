import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import type { Format } from '../../model/document.js';
import { PDF_ASSETS } from '../../parsers/pdf.js';
import { PDFParse } from '../../parsers/pdfjs.js';

const run = promisify(execFile);

export interface ReferenceTime {
  /** What was timed. */
  tool: string;
  files: number;
  seconds: number;
  /** CPU time of this process meanwhile (all threads): less disturbed than wall time by other work on the machine. */
  cpuSeconds: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/**
 * What reading a format costs without the pipeline, file after file on one thread: reading the bytes for
 * TXT, mammoth's convertToHtml for DOCX, pdf-parse's getText for PDF (with the CMaps the pipeline gives
 * it too: without them the CJK text of these PDFs comes out empty, which would be no reference at all).
 */
export async function timeBareParser(format: Format, files: string[]): Promise<ReferenceTime> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const file of files) {
    const bytes = await readFile(file);
    if (format === 'docx') await mammoth.convertToHtml({ buffer: bytes });
    if (format === 'pdf') {
      const parser = new PDFParse({ data: new Uint8Array(bytes), ...PDF_ASSETS });
      try {
        await parser.getText();
      } finally {
        await parser.destroy();
      }
    }
  }
  const tool = { txt: 'readFile', docx: 'mammoth.convertToHtml', pdf: 'pdf-parse getText' }[format];
  return { tool, files: files.length, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu) };
}

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** poppler's pdftotext, one process per file as a user would run it: the native speed mark for PDFs. */
export async function timePdftotext(files: string[]): Promise<ReferenceTime> {
  const started = performance.now();
  for (const file of files) await run('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  // the work is done in child processes: only wall time means anything here
  return { tool: 'pdftotext', files: files.length, seconds: (performance.now() - started) / 1000, cpuSeconds: Number.NaN };
}
