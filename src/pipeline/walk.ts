import type { Dirent, Stats } from 'node:fs';
import { lstat, opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../parsers/index.js';

export interface WalkOptions {
  /** Follow symbolic links met while walking folders (those named on the command line are always followed). */
  followSymlinks?: boolean;
}

export type WalkItem =
  | {
      path: string;
      /** Named on the command line (an unsupported extension is then an error, not silently skipped). */
      explicit: boolean;
    }
  /** Not a regular file, or a link not followed: reported, never read. */
  | { path: string; skip: string }
  | { path: string; error: Error };

/**
 * Stream the files to ingest: named files as they are, folders walked recursively for .txt/.docx/.pdf,
 * in a stable (sorted) order, one directory listing in memory at a time. Only regular files are yielded
 * for reading: a FIFO would block the reader forever and a device never ends, so those (and sockets) are
 * yielded as skips, as are symbolic links inside folders unless `followSymlinks` (a link to /etc/passwd
 * or /dev/zero named `x.txt` is not the filing it claims to be). The reader checks again on the open file.
 */
export async function* walkInputs(inputs: string[], options: WalkOptions = {}): AsyncGenerator<WalkItem> {
  const visited = new Set<string>();
  for (const input of inputs) {
    const resolved = path.resolve(input);
    let info: Stats;
    try {
      info = await stat(resolved);
    } catch (error) {
      yield { path: resolved, error: error as Error };
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(resolved, info, options, visited);
    else if (info.isFile()) yield { path: resolved, explicit: true };
    else yield { path: resolved, skip: notRegular(info) };
  }
}

async function* walkDirectory(dir: string, info: Stats, options: WalkOptions, visited: Set<string>): AsyncGenerator<WalkItem> {
  // a followed link back to a parent folder would otherwise be walked forever
  const key = `${info.dev}:${info.ino}`;
  if (visited.has(key)) return;
  visited.add(key);
  let entries: Dirent[];
  try {
    const handle = await opendir(dir);
    entries = [];
    for await (const entry of handle) {
      if (!entry.name.startsWith('.')) entries.push(entry);
    }
  } catch (error) {
    yield { path: dir, error: error as Error };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      if (!options.followSymlinks) {
        if (formatOf(full) !== null) yield { path: full, skip: 'symbolic link, not followed (--follow-symlinks follows it)' };
        continue;
      }
      let target: Stats;
      try {
        target = await stat(full);
      } catch (error) {
        yield { path: full, error: error as Error };
        continue;
      }
      if (target.isDirectory()) yield* walkDirectory(full, target, options, visited);
      else if (formatOf(full) !== null) yield target.isFile() ? { path: full, explicit: false } : { path: full, skip: notRegular(target) };
    } else if (entry.isDirectory()) {
      let own: Stats;
      try {
        own = await lstat(full);
      } catch (error) {
        yield { path: full, error: error as Error };
        continue;
      }
      yield* walkDirectory(full, own, options, visited);
    } else if (formatOf(full) !== null) {
      yield entry.isFile() ? { path: full, explicit: false } : { path: full, skip: notRegular(entry) };
    }
  }
}

/** Why a path that is not a regular file is not read. */
export function notRegular(info: Stats | Dirent): string {
  if (info.isFIFO()) return 'not a regular file (a FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'not a regular file (a device)';
  if (info.isSocket()) return 'not a regular file (a socket)';
  if (info.isSymbolicLink()) return 'symbolic link, not followed (--follow-symlinks follows it)';
  return 'not a regular file';
}

/** How many entries walkInputs yields, by a walk of its own (directory listings only): a total for progress. */
export async function countInputs(inputs: string[], options: WalkOptions = {}): Promise<number> {
  let count = 0;
  for await (const _entry of walkInputs(inputs, options)) count++;
  return count;
}
