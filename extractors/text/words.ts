import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';

/**
 * Chinese word segmentation, by nodejieba with a compact dictionary.
 *
 * nodejieba's `load` reads its 349,000-word dictionary twice (once for the segmenter, once for the
 * TextRank keyword extractor it always builds), ≈235 MB in every thread that segments. The words this
 * project compares (indicator names, clauses, paragraphs) are common ones, so the dictionary is cut to the
 * words of frequency ≥ MIN_FREQUENCY, plus the genre's own vocabulary however rare
 * (GENRE_WORD: rates, degrees, fees, funds, budget and performance terms, such as 满意率, 财政拨款, 专项资金,
 * which the general dictionary counts as rare). Another rare compound is cut into its common parts
 * (贯彻落实 → 贯彻/落实), which keyword overlap and shingles treat as well. The compact dictionary
 * is derived from nodejieba's own at first use and cached in the system's temporary folder; the keyword
 * extractor's IDF and stop-word lists, which nothing here uses, are replaced by one-line files.
 */
/** ≈56,000 words in all and ≈42 MB per thread (with 20: ≈83,000 and ≈71 MB; the tests and the eval pass with both). */
export const MIN_FREQUENCY = 50;

/** Dictionary words kept whatever their frequency: indicator names end in 率/度/性, money terms in 费/金/款. */
export const GENRE_WORD = /(?:率|度|性|费|金|款|效益|指标|目标)$|财政|预算|资金|绩效|拨款|结转|专项/;

let loaded = false;

/** The words of `text`, in order (punctuation and spaces included, as nodejieba returns them). Never for numbers: it splits digits. */
export function cutWords(text: string): string[] {
  if (!loaded) loadCompactDictionary();
  return nodejieba.cut(text);
}

function loadCompactDictionary(): void {
  // nodejieba exports the path of its dictionary, though its type declarations leave it out
  const source = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
  const { size, mtimeMs } = statSync(source);
  const tag = createHash('sha1').update(`${source}|${size}|${mtimeMs}|${MIN_FREQUENCY}|${GENRE_WORD.source}`).digest('hex').slice(0, 12);
  const dir = tmpdir();
  const dict = join(dir, `filings-jieba-${tag}.dict.utf8`);
  const idf = join(dir, 'filings-jieba-idf.utf8');
  const stopWords = join(dir, 'filings-jieba-stop.utf8');
  try {
    if (!existsSync(dict)) writeAtomically(dict, compact(readFileSync(source, 'utf8')));
    if (!existsSync(idf)) writeAtomically(idf, '的 1.0\n');
    if (!existsSync(stopWords)) writeAtomically(stopWords, '的\n');
    nodejieba.load({ dict, idfDict: idf, stopWordDict: stopWords });
  } catch {
    // no writable temporary folder: the full dictionary segments as well, in more memory
    nodejieba.load();
  }
  loaded = true;
}

/** The dictionary's lines ("word frequency tag") whose frequency reaches MIN_FREQUENCY or whose word is the genre's. */
export function compact(dictionary: string): string {
  const kept: string[] = [];
  for (const line of dictionary.split('\n')) {
    const [word = '', frequency] = line.split(' ');
    if (Number(frequency) >= MIN_FREQUENCY || (word !== '' && GENRE_WORD.test(word))) kept.push(line);
  }
  return `${kept.join('\n')}\n`;
}

/** Several worker threads may build the file at once: each writes its own temporary file, then renames it. */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
