/**
 * Test-only encoders for the encodings the TXT parser must read. Node can decode GB18030 but not encode
 * it, so the GBK table is built by decoding every two-byte code once.
 */
let gbkTable: Map<string, number[]> | null = null;

function buildGbkTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  gbkTable ??= buildGbkTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(ch);
    if (!pair) throw new Error(`character ${ch} (U+${code.toString(16)}) has no GBK code`);
    bytes.push(...pair);
  }
  return Uint8Array.from(bytes);
}

export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  const bom = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Uint8Array.from([...bom, ...body]);
}
