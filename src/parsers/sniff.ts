/** What a file's first bytes say it is, whatever its name says. */
export type Sniffed = 'pdf' | 'zip' | 'png' | 'jpeg' | 'gif' | 'ole' | 'unknown';

const SIGNATURES: [Sniffed, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  // legacy Word .doc, Excel .xls (OLE2 compound file)
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

export function sniff(bytes: Uint8Array): Sniffed {
  for (const [kind, signature] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return kind;
  }
  // "%PDF-" may follow a little junk at the start of a real PDF
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return 'unknown';
}

export const SNIFFED_NAMES: Record<Sniffed, string> = {
  pdf: 'a PDF',
  zip: 'a ZIP archive',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  ole: 'a legacy Office file (.doc/.xls)',
  unknown: 'unknown',
};
