import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { compact, cutWords, GENRE_WORD, MIN_FREQUENCY } from '../../../extractors/text/words.js';
import { repoRoot } from '../../helpers/paths.js';

const fullDictionary = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

describe('compact dictionary', () => {
  it('keeps frequent words and the genre vocabulary, and drops other rare words', () => {
    const lines = ['资金 6555 n', '满意率 17 nz', '财政拨款 3 n', '贯彻落实 3 i', '结案率 3 n', '某某 1 n', '指标 2466 n', ''];
    expect(compact(lines.join('\n')).trim().split('\n')).toEqual([
      '资金 6555 n',
      '满意率 17 nz',
      '财政拨款 3 n',
      '结案率 3 n',
      '指标 2466 n',
    ]);
  });

  it('is a small part of nodejieba’s dictionary', () => {
    const full = readFileSync(fullDictionary, 'utf8');
    const all = full.split('\n').filter(Boolean).length;
    const kept = compact(full).split('\n').filter(Boolean);
    expect(kept.length).toBeLessThan(all / 3);
    for (const line of kept) {
      const [word = '', frequency] = line.split(' ');
      expect(Number(frequency) >= MIN_FREQUENCY || GENRE_WORD.test(word)).toBe(true);
    }
  });
});

describe('cutWords', () => {
  it('keeps the genre’s words whole, though the general dictionary counts them rare', () => {
    expect(cutWords('当年财政拨款用于专项资金')).toEqual(expect.arrayContaining(['财政拨款', '专项资金']));
    expect(cutWords('服务对象满意率不低于90%')).toContain('满意率');
    expect(cutWords('案件结案率')).toContain('结案率');
  });

  it('cuts a rare compound outside the genre into common words (the compact dictionary is the one loaded)', () => {
    expect(cutWords('认真贯彻落实上级部署')).toEqual(expect.arrayContaining(['贯彻', '落实']));
  });

  it('cuts the sample filing’s indicator names into the words the threshold linker compares', () => {
    expect(cutWords('群众满意度')).toEqual(['群众', '满意度']);
    expect(cutWords('宣传教育活动次数')).toEqual(['宣传', '教育', '活动', '次数']);
  });

  it('falls back to the full dictionary where the temporary folder cannot be written', () => {
    const script = `const w = await import(${JSON.stringify(path.join(repoRoot, 'dist', 'extractors', 'text', 'words.js'))}); console.log(JSON.stringify(w.cutWords('认真贯彻落实')));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: '/nonexistent/filings-test' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    // the full dictionary knows the rare compound the compact one cuts
    expect(JSON.parse(run.stdout)).toEqual(['认真', '贯彻落实']);
  });
});
