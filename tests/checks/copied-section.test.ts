import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/pipeline/hash.js';
import { processFile } from '../../src/pipeline/process.js';
import { FilingStore } from '../../src/store/database.js';
import { generateFiling } from '../../src/dev/synth/generate.js';
import { toText } from '../../src/dev/synth/write.js';
import type { Finding } from '../../src/model/finding.js';

const COUNT = 1000;
const SOURCE = 10;
const TARGET = 990;
/** A sentence every filing of the corpus ends with: long enough to be compared, shared by all. */
const BOILERPLATE = '本单位将严格按照预算绩效管理要求，加强绩效运行监控，及时纠正偏差，确保年度绩效目标如期实现。';
const COPIED =
  '为切实做好农村饮水安全工程运行管护工作，本单位结合辖区实际，建立健全县乡村三级管护责任体系，落实管护经费和管护人员，定期开展水质检测和设施巡查，确保农村群众喝上放心水。';
const EDITED = COPIED.replace('定期开展水质检测', '每季度开展水质检测');

function filingText(k: number): string {
  let text = toText(generateFiling(9000 + k));
  if (k === SOURCE) text += `\n${COPIED}`;
  if (k === TARGET) text += `\n${EDITED}`;
  return `${text}\n${BOILERPLATE}\n`;
}

describe(`copied sections across ${COUNT} filings`, () => {
  it('finds the paragraph copied between two filings, not the sentence they all share, at a flat cost per filing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'filings-copies-'));
    const store = FilingStore.open(path.join(dir, 'copies.sqlite'));
    const ids: number[] = [];
    let findings = new Map<number, Finding[]>();
    const verified: number[] = [];
    const bucketRows: number[] = [];
    const millis: number[] = [];
    const checkMillis: number[] = [];
    try {
      for (let k = 0; k < COUNT; k++) {
        const bytes = new TextEncoder().encode(filingText(k));
        const record = await processFile(
          { path: `/corpus/${k}.txt`, sha256: sha256Of(bytes), byteSize: bytes.length, format: 'txt' },
          bytes,
        );
        const started = performance.now();
        const id = store.saveFiling(record);
        millis.push(performance.now() - started);
        verified.push(store.copyIndex.lastStats.verified);
        bucketRows.push(store.copyIndex.lastStats.bucketRows);
        checkMillis.push(store.copyIndex.lastStats.ms);
        ids.push(id);
      }
      // read at the end: findings resting on a sentence that later proved boilerplate have been withdrawn
      findings = new Map(ids.map((id, k) => [k, store.findingsOf(id).filter((f) => f.kind === 'copied_section')]));
    } finally {
      store.close();
    }
    const planted = findings.get(TARGET)!.filter((f) => f.locations.some((l) => l.quote.includes('农村饮水安全工程运行管护')));
    expect(planted).toHaveLength(1);
    expect(planted[0].locations.find((l) => l.role === 'other filing')?.quote).toBe(COPIED);
    const all = [...findings.values()].flat();
    expect(all.filter((f) => f.locations.some((l) => l.quote.includes('及时纠正偏差')))).toEqual([]);
    const decile = COUNT / 10;
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    const firstVerified = mean(verified.slice(0, decile));
    const lastVerified = mean(verified.slice(-decile));
    const firstRows = mean(bucketRows.slice(0, decile));
    const lastRows = mean(bucketRows.slice(-decile));
    // the work per filing (candidates verified, bucket rows read) does not grow with the corpus; time is reported, not asserted
    expect(lastVerified).toBeLessThanOrEqual(firstVerified * 2 + 5);
    // saturated buckets are emptied: before, their rows were read again by every later filing (445 → 828 rows here)
    expect(lastRows).toBeLessThanOrEqual(firstRows * 1.5 + 20);
    console.log(
      `copy index over ${COUNT} filings: candidates verified per filing ${firstVerified.toFixed(1)} (first 10%) → ${lastVerified.toFixed(1)} (last 10%); ` +
        `bucket rows read per filing ${firstRows.toFixed(1)} → ${lastRows.toFixed(1)}; ` +
        `copy check ms per filing ${mean(checkMillis.slice(0, decile)).toFixed(2)} → ${mean(checkMillis.slice(-decile)).toFixed(2)}; ` +
        `whole store ms per filing ${mean(millis.slice(0, decile)).toFixed(2)} → ${mean(millis.slice(-decile)).toFixed(2)}; ` +
        `other copied_section findings: ${all.length - planted.length}`,
    );
  }, 300_000);
});
