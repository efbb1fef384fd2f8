import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Format } from '../../src/model/document.js';
import { findSoffice, toPdf } from '../../src/dev/synth/pdf.js';

export interface Rendering {
  format: Format;
  bytes: Uint8Array;
}

/** A DOCX as it is, and rendered to PDF by LibreOffice where it is installed (say so once with `warnWithoutPdf`). */
export async function docxAndPdf(docx: Uint8Array, name: string): Promise<Rendering[]> {
  const out: Rendering[] = [{ format: 'docx', bytes: docx }];
  if (findSoffice() === null) return out;
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const file = path.join(dir, `${name}.docx`);
  writeFileSync(file, docx);
  const pdf = await toPdf(file, dir);
  expect(pdf.path, pdf.reason ?? '').not.toBeNull();
  out.push({ format: 'pdf', bytes: readFileSync(pdf.path!) });
  return out;
}

export function warnWithoutPdf(what: string): void {
  if (findSoffice() === null) console.warn(`SKIPPED: ${what} rendered to PDF — LibreOffice is not installed (the DOCX is still read)`);
}
