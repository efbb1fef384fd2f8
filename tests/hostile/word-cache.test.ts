import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../pipeline/helpers.js';

const words = path.join(repoRoot, 'dist', 'extractors', 'text', 'words.js');
const SENTENCE = '项目资金用于贯彻落实财政专项资金绩效目标，群众满意率不低于90%。';

/** Segment SENTENCE in a fresh process whose temporary folder is `tmp`: what a worker does at its first filing. */
function segmentWith(tmp: string): { code: number | null; words: string[] } {
  const script = `import(${JSON.stringify(words)}).then((m) => console.log(JSON.stringify(m.cutWords(${JSON.stringify(SENTENCE)}))))`;
  const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' });
  return { code: run.status, words: run.status === 0 ? JSON.parse(run.stdout) : [] };
}

const uid = process.getuid?.() ?? 0;

describe.runIf(process.platform !== 'win32')('the compact word-list cache', () => {
  it('lives in a private folder (0700), and an empty or altered cached list is rebuilt, never trusted', () => {
    const tmp = tempDir('words');
    const reference = segmentWith(tmp);
    expect(reference.code).toBe(0);
    const dir = path.join(tmp, `filings-${uid}`);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const dict = readdirSync(dir).find((name) => name.endsWith('.dict.utf8'))!;
    const file = path.join(dir, dict);
    const good = readFileSync(file, 'utf8');

    // an empty list used to abort the process (exit 134)
    writeFileSync(file, '');
    expect(segmentWith(tmp)).toEqual(reference);
    expect(readFileSync(file, 'utf8')).toBe(good);

    // a subtly altered one used to change the segmentation silently
    writeFileSync(file, good.replace(/^落实 .*$/m, '').replace(/^满意率 .*$/m, '满意 1 n'));
    expect(segmentWith(tmp)).toEqual(reference);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('passes over a folder of that name that others can write, and writes nothing in it', () => {
    const tmp = tempDir('words-planted');
    const planted = path.join(tmp, `filings-${uid}`);
    mkdirSync(planted);
    chmodSync(planted, 0o777);
    const run = segmentWith(tmp);
    expect(run.code).toBe(0);
    expect(run.words.length).toBeGreaterThan(5);
    expect(readdirSync(planted)).toEqual([]);
  });
});
