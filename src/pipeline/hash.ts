import { createHash } from 'node:crypto';

/** A file's identity: re-runs skip a path whose bytes still have this hash. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
