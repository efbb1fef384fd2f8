import { inflateRawSync } from 'node:zlib';
import { formatQianYuan, formatWan, formatYuan, type WanCents } from '../../../src/dev/synth/money.js';
import type { FundingItem } from '../../../src/dev/synth/truth.js';

/** "243.08" → 24308 hundredths of a 万元, without floats. */
export function parseWan(wan: string): WanCents {
  const [whole, fraction = ''] = wan.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Every way the writers may print an amount: 万元 trimmed or with two decimals, 元 plain or grouped, 千元. */
export function printedForms(wan: string): string[] {
  const amount = parseWan(wan);
  return [
    `${formatWan(amount)}万元`,
    `${formatWan(amount)} 万元`,
    formatWan(amount, 'fixed2'),
    `${formatYuan(amount)}元`,
    formatYuan(amount, 'grouped2'),
    formatQianYuan(amount),
  ];
}

export function sumItems(items: readonly FundingItem[]): WanCents {
  return items.reduce((sum, item) => sum + (item.wan === null ? 0 : parseWan(item.wan)), 0);
}

/**
 * One entry of a ZIP archive (DOCX), read from the central directory with node's zlib: enough to compare
 * word/document.xml between two builds without a ZIP dependency.
 */
export function zipEntry(archive: Buffer, name: string): string | null {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a ZIP archive');
  const entries = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  for (let i = 0; i < entries; i++) {
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const entryName = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
      const data = archive.subarray(dataStart, dataStart + compressedSize);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
