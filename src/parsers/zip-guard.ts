import { inflateRawSync } from 'node:zlib';
import { IngestError } from './errors.js';

export interface ZipLimits {
  /** Largest total uncompressed size accepted. */
  maxUncompressedBytes: number;
  /** Largest expansion ratio accepted for an entry bigger than 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 256 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Read a ZIP's central directory, so a zip bomb is refused before mammoth (JSZip) expands it in memory.
 * ZIP64 entries (sizes 0xffffffff) are refused: no real DOCX needs them. The declared sizes are then
 * checked against the data: an entry that claims a small size but inflates to more would otherwise
 * pass, and JSZip only compares sizes after inflating everything.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new IngestError('CORRUPT_DOCX', 'no ZIP end-of-central-directory record (truncated?)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new IngestError('CORRUPT_DOCX', 'the ZIP central directory is damaged (truncated?)');
    }
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      throw new IngestError('ZIP_BOMB', `${name}: ZIP64 entry of undeclared size`);
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new IngestError('ZIP_BOMB', `entries expand to more than ${limits.maxUncompressedBytes} bytes`);
    }
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > limits.maxRatio * Math.max(1, compressedSize)) {
      throw new IngestError(
        'ZIP_BOMB',
        `${name} expands ${Math.round(uncompressedSize / Math.max(1, compressedSize))}× (${uncompressedSize} bytes)`,
      );
    }
    entries.push({ name, compressedSize, uncompressedSize });
    checkInflatedSize(bytes, view, {
      name,
      compressedSize,
      uncompressedSize,
      method: view.getUint16(p + 10, true),
      localHeader: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const DEFLATE = 8;

/**
 * Inflate a deflated entry with its declared size as the ceiling: more output means the directory lies.
 * The output (at most the declared size, which passed the limits above) is dropped at once; for a DOCX
 * of a few dozen KB this costs about half a millisecond. Damaged data is left for mammoth to report.
 */
function checkInflatedSize(bytes: Uint8Array, view: DataView, entry: ZipEntry & { method: number; localHeader: number }): void {
  if (entry.method !== DEFLATE || entry.localHeader + 30 > bytes.length) return;
  const dataStart = entry.localHeader + 30 + view.getUint16(entry.localHeader + 26, true) + view.getUint16(entry.localHeader + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('ZIP_BOMB', `${entry.name} inflates to more than the ${entry.uncompressedSize} bytes it declares`);
    }
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}
