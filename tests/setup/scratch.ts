import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every test writes its scratch files under os.tmpdir(); this global setup points TMPDIR (inherited by the
 * test workers and the CLI processes they start) at one folder of its own for the run, and removes it
 * afterwards, so a test run leaves nothing behind in the system's temporary folder.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'filings-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
