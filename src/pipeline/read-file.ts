import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { IngestError } from '../parsers/errors.js';
import { notRegular } from './walk.js';

export type ReadOutcome = { bytes: Uint8Array } | { skip: string };

const CHUNK = 1024 * 1024;

/**
 * Read a regular file, at most `maxBytes`, whatever the path turned into since the walk. Opened without
 * blocking (a FIFO's open would wait for a writer forever) and, unless `followSymlinks`, without following
 * a link; the open file is then checked to be a regular file, and read in chunks up to the limit whatever
 * `stat` said (a file that grows, a link to /dev/zero). `deadline` (ms since the epoch) covers the reading.
 */
export async function readRegularFile(filePath: string, maxBytes: number, followSymlinks: boolean, deadline: number): Promise<ReadOutcome> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK | (followSymlinks ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' && !followSymlinks) {
      return { skip: 'symbolic link, not followed (--follow-symlinks follows it)' };
    }
    throw new IngestError('UNREADABLE', (error as Error).message, 'read');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { skip: notRegular(info) };
    if (info.size > maxBytes) throw new IngestError('TOO_LARGE', `${info.size} bytes, limit ${maxBytes}`, 'read');
    // one buffer of the stated size plus one byte, to see the end; grown only for a file that grows
    let buffer = Buffer.allocUnsafeSlow(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (Date.now() > deadline) throw new IngestError('TIMEOUT', `reading took longer than the limit (${total} bytes read)`, 'read');
      if (total === buffer.length) {
        if (total > maxBytes) throw new IngestError('TOO_LARGE', `more than ${maxBytes} bytes (the limit) while reading`, 'read');
        const grown = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, Math.max(total * 2, CHUNK)));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, total, Math.min(CHUNK * 16, buffer.length - total), null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw new IngestError('TOO_LARGE', `more than ${maxBytes} bytes (the limit) while reading`, 'read');
    return { bytes: buffer.subarray(0, total) };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('UNREADABLE', (error as Error).message, 'read');
  } finally {
    await handle.close();
  }
}
