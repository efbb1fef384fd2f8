import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { IngestError } from './errors.js';

export interface ZipLimits {
  /** Largest total inflated size of all entries, media included. */
  maxInflatedBytes: number;
  /** Largest total inflated size of the XML parts (.xml, .rels), the ones parsed into memory. */
  maxXmlBytes: number;
  /** Most entries in the archive. */
  maxEntries: number;
}

const MIB = 1024 * 1024;

/** See docs/limits.md. A real filing's DOCX holds a few dozen entries and well under 1 MiB of XML. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 256 * MIB, maxXmlBytes: 64 * MIB, maxEntries: 10_000 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
  /** Where the compressed data starts in the archive. */
  dataStart: number;
}

/** A ZIP whose every entry inflated to exactly its declared size and CRC-32; XML parts kept inflated. */
export interface VerifiedZip {
  entries: ZipEntry[];
  has(name: string): boolean;
  /** An entry's inflated bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null;
}

const STORED = 0;
const DEFLATE = 8;

/** Entries the DOCX reader parses: kept in memory once verified. Media are inflated again if ever read. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Open a ZIP and verify it before anything parses it: the entry count and the declared inflated sizes are
 * held to absolute limits (a ratio says nothing: honest repetitive XML deflates 200×), then every entry is
 * inflated as a stream, counted and checksummed. Damaged data (a flipped bit that still inflates to
 * plausible text) is CORRUPT_DOCX naming the entry; an entry inflating past the absolute limit is ZIP_BOMB
 * whatever it declared. Memory: the XML parts (within maxXmlBytes) and one stream buffer.
 */
export async function openVerifiedZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<VerifiedZip> {
  const entries = readCentralDirectory(bytes, limits);
  const kept = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const keep = isXmlPart(entry.name);
    const data = await inflateVerified(bytes, entry, limits.maxInflatedBytes, keep);
    if (keep) kept.set(entry.name, data);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    has: (name) => byName.has(name),
    read(name) {
      const found = kept.get(name);
      if (found) return found;
      const entry = byName.get(name);
      if (!entry) return null;
      const data = compressedData(bytes, entry);
      return entry.method === STORED ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    },
  };
}

/** The central directory's entries, held to the limits by what they declare. */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new IngestError('CORRUPT_DOCX', 'no ZIP end-of-central-directory record (truncated?)');
  const count = view.getUint16(eocd + 10, true);
  if (count > limits.maxEntries) throw new IngestError('ZIP_BOMB', `${count} entries, limit ${limits.maxEntries}`);
  const dirOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  let xmlTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new IngestError('CORRUPT_DOCX', 'the ZIP central directory is damaged (truncated?)');
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeader = view.getUint32(p + 42, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      throw new IngestError('ZIP_BOMB', `${name}: ZIP64 entry of undeclared size`);
    }
    if (flags & 1) throw new IngestError('CORRUPT_DOCX', `${name} is encrypted`);
    if (method !== STORED && method !== DEFLATE) throw new IngestError('CORRUPT_DOCX', `${name}: unsupported compression method ${method}`);
    total += uncompressedSize;
    if (total > limits.maxInflatedBytes) {
      throw new IngestError('ZIP_BOMB', `entries expand to more than ${limits.maxInflatedBytes} bytes`);
    }
    if (isXmlPart(name)) {
      xmlTotal += uncompressedSize;
      if (xmlTotal > limits.maxXmlBytes) throw new IngestError('ZIP_BOMB', `XML parts expand to more than ${limits.maxXmlBytes} bytes`);
    }
    if (localHeader + 30 > bytes.length || view.getUint32(localHeader, true) !== 0x04034b50) {
      throw new IngestError('CORRUPT_DOCX', `${name}: local header missing (truncated?)`);
    }
    const dataStart = localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new IngestError('CORRUPT_DOCX', `${name}: data truncated`);
    entries.push({ name, method, compressedSize, uncompressedSize, crc, dataStart });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

/**
 * Inflate one entry as a stream, counting and checksumming. Output past the declared size is not kept:
 * it is counted up to `ceiling` to tell a bomb (past the absolute limit) from damage (a few bytes off).
 */
async function inflateVerified(bytes: Uint8Array, entry: ZipEntry, ceiling: number, keep: boolean): Promise<Uint8Array> {
  const data = compressedData(bytes, entry);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  if (entry.method === STORED) {
    size = data.length;
    crc = crc32(data);
    if (keep) chunks.push(data);
  } else {
    const inflater = createInflateRaw();
    inflater.end(data);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > ceiling) {
          inflater.destroy();
          throw new IngestError('ZIP_BOMB', `${entry.name} inflates to more than ${ceiling} bytes (it declares ${entry.uncompressedSize})`);
        }
        if (size <= entry.uncompressedSize) {
          crc = crc32(chunk, crc);
          if (keep) chunks.push(chunk);
        }
      }
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw new IngestError('CORRUPT_DOCX', `${entry.name}: damaged deflate data (${(error as Error).message})`);
    }
  }
  if (size !== entry.uncompressedSize) {
    throw new IngestError('CORRUPT_DOCX', `${entry.name} inflates to ${size} bytes, not the ${entry.uncompressedSize} it declares`);
  }
  if (crc >>> 0 !== entry.crc) throw new IngestError('CORRUPT_DOCX', `${entry.name}: CRC-32 mismatch (damaged data)`);
  return keep ? Buffer.concat(chunks) : new Uint8Array();
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}
