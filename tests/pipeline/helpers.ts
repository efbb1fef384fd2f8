import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import Database from 'better-sqlite3';
import { generateFiling, toText } from '../../src/dev/synth/index.js';
import { cliPath, repoRoot } from '../helpers/paths.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `filings-bulk-${prefix}-`));
}

/** `count` generated filings as TXT with printed page numbers in `dir` (seeds from `seed`), named in seed order. */
export function writeTextCorpus(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `filing-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, toText(generateFiling(seed + i), { pageNumbers: true }));
    return file;
  });
}

export interface FilingRowKey {
  path: string;
  sha256: string;
}

/** The stored filings by path and content, sorted: what two runs must agree on. */
export function storedFilings(dbPath: string): FilingRowKey[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT path, sha256 FROM filings ORDER BY path').all() as FilingRowKey[];
  } finally {
    db.close();
  }
}

export function integrityOf(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

export interface CliProcess {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI asynchronously (so that two can run at once), with pipes: standard output and error are
 * not terminals. `onStdout` sees the output as it comes and may kill the child.
 */
export function runCliAsync(
  args: string[],
  options: { env?: Record<string, string>; onStdout?: (soFar: string, kill: (signal: NodeJS.Signals) => void) => void } = {},
): Promise<CliProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(stdout, (signal) => child.kill(signal));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * A DOCX-like ZIP whose word/document.xml is `megabytes` MB of zeros, deflated chunk by chunk (the
 * zeros are never all in memory, and nothing big is written to disk: the archive is ~1/1000 of that).
 * `declared`: the headers give the true inflated size, or claim 1000 bytes (a lie JSZip finds out only after inflating).
 */
export async function zipBomb(megabytes: number, declared: 'truthful' | 'lying'): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  const data = Buffer.concat(compressed);
  const size = declared === 'truthful' ? megabytes * 1024 * 1024 : 1000;
  return zipOf('word/document.xml', data, size);
}

/** A one-entry ZIP (deflate method) with the given sizes in its local header and central directory. */
function zipOf(name: string, data: Buffer, uncompressedSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(uncompressedSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(uncompressedSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}
