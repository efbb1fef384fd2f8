import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/normalize/read-document.js';
import { hasShared, sharedDir, warnSkipped } from '../helpers/paths.js';

/** A real scanned filing (7 pages, no text layer), refused as NO_TEXT_LAYER before OCR. */
const scanned = path.join(sharedDir, 'real-filings', 'dept-budgets-2026', '015_长沙', '公安局交通警察局_2026年部门预算.pdf');
const present = hasShared && existsSync(scanned);
if (!present) warnSkipped('the real scanned filing (015_长沙/公安局交通警察局)');

describe.skipIf(!present)('a real scanned filing', () => {
  it('is read by OCR, page by page, instead of refused', async () => {
    const document = await readDocument('pdf', readFileSync(scanned));
    const pages = document.messages.filter((m) => m.code === 'OCR_PAGE').map((m) => m.page);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(document.text).toContain('预算');
    expect(document.text.replace(/\s/g, '').length).toBeGreaterThan(7 * 100);
  }, 600_000);
});
