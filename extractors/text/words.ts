import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
 * is derived from nodejieba's own at first use and cached in a private folder of the user's (see privateCacheDir); the keyword
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
  try {
    const dir = privateCacheDir();
    const dict = join(dir, `jieba-${tag}.dict.utf8`);
    const idf = join(dir, 'jieba-idf.utf8');
    const stopWords = join(dir, 'jieba-stop.utf8');
    if (!hasDigest(dict)) writeWithDigest(dict, compact(readFileSync(source, 'utf8')));
    if (!hasContent(idf, IDF_STUB)) writeAtomically(idf, IDF_STUB);
    if (!hasContent(stopWords, STOP_STUB)) writeAtomically(stopWords, STOP_STUB);
    nodejieba.load({ dict, idfDict: idf, stopWordDict: stopWords });
  } catch {
    // no writable temporary folder: the full dictionary segments as well, in more memory
    nodejieba.load();
  }
  loaded = true;
}

const IDF_STUB = '的 1.0\n';
const STOP_STUB = '的\n';

/**
 * The cache folder: `filings-<uid>` in the temporary folder, created with mode 0700 and used only if it is a
 * real folder (not a link) owned by this user that nobody else can write or read. Anyone else's folder of that
 * name (planted in a shared /tmp) is passed over for a new private one of this process.
 */
function privateCacheDir(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `filings-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const info = lstatSync(dir);
  if (info.isDirectory() && !info.isSymbolicLink() && info.uid === uid && (info.mode & 0o077) === 0) return dir;
  return mkdtempSync(join(tmpdir(), `filings-${uid}-`));
}

/**
 * A cached dictionary is used only when its SHA-256 is the one recorded beside it when it was written: an empty,
 * truncated or altered file (nodejieba aborts the process on some, and silently segments differently on others)
 * is rebuilt, never trusted.
 */
function hasDigest(file: string): boolean {
  try {
    return readFileSync(`${file}.sha256`, 'utf8') === sha256(readFileSync(file));
  } catch {
    return false;
  }
}

function writeWithDigest(file: string, content: string): void {
  writeAtomically(file, content);
  writeAtomically(`${file}.sha256`, sha256(Buffer.from(content)));
}

function hasContent(file: string, content: string): boolean {
  try {
    return readFileSync(file, 'utf8') === content;
  } catch {
    return false;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
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
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, path);
}
