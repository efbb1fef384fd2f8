import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sampleBase = path.join(repoRoot, 'fixtures', 'seed', '000_96c11c9fa2daaa8c');
export const samplePath = (format: 'txt' | 'docx' | 'pdf') => `${sampleBase}.${format}`;
export const cliPath = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
export const benchPath = path.join(repoRoot, 'dist', 'src', 'dev', 'bench', 'cli.js');

/** ../shared beside the repository: present on the developers' machines and in CI, absent on a user's. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(sharedDir);

export function warnSkipped(what: string): void {
  if (!hasShared) console.warn(`SKIPPED: ${what} — ${sharedDir} is absent (it holds material that is not ours to ship)`);
}
