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
 * Read a ZIP's central directory without inflating anything, so a zip bomb is refused before mammoth
 * (JSZip) expands it in memory. ZIP64 entries (sizes 0xffffffff) are refused: no real DOCX needs them.
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
      throw new IngestError('ZIP_BOMB', `${name} expands ${Math.round(uncompressedSize / Math.max(1, compressedSize))}× (${uncompressedSize} bytes)`);
    }
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}
