import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../parsers/index.js';

export interface WalkEntry {
  path: string;
  /** Named on the command line (an unsupported extension is then an error, not silently skipped). */
  explicit: boolean;
}

/**
 * Stream the files to ingest: named files as they are, folders walked recursively for .txt/.docx/.pdf,
 * in a stable (sorted) order, one directory listing in memory at a time.
 */
export async function* walkInputs(inputs: string[]): AsyncGenerator<WalkEntry | { path: string; error: Error }> {
  for (const input of inputs) {
    const resolved = path.resolve(input);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(resolved);
    } catch (error) {
      yield { path: resolved, error: error as Error };
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(resolved);
    else yield { path: resolved, explicit: true };
  }
}

async function* walkDirectory(dir: string): AsyncGenerator<WalkEntry | { path: string; error: Error }> {
  let names: { name: string; dir: boolean }[];
  try {
    const handle = await opendir(dir);
    names = [];
    for await (const entry of handle) {
      if (entry.name.startsWith('.')) continue;
      names.push({ name: entry.name, dir: entry.isDirectory() });
    }
  } catch (error) {
    yield { path: dir, error: error as Error };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    if (entry.dir) yield* walkDirectory(full);
    else if (formatOf(full) !== null) yield { path: full, explicit: false };
  }
}

/** How many entries walkInputs yields, by a walk of its own (directory listings only): a total for progress. */
export async function countInputs(inputs: string[]): Promise<number> {
  let count = 0;
  for await (const _entry of walkInputs(inputs)) count++;
  return count;
}
