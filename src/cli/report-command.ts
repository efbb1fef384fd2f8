import { existsSync } from 'node:fs';
import path from 'node:path';
import { UnknownFilingError, writeReport } from '../report/report.js';
import { dbTarget, isPostgres, openStore } from '../store/open.js';
import { DB_HELP, UsageError, filingIdsOption, parseCommandArgs, type Command } from './command.js';

const DEFAULT_OUT = path.join('output', 'report');
/** Without a terminal, one progress line per this many filings (a log stays short). */
const PLAIN_EVERY = 100;
const LIVE_EVERY_MS = 200;

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a static HTML review report: every finding with both sides highlighted in the text',
  usage: `filings report [--db PATH|URL] [--filing ID…] [--out DIR]

Writes index.html (every filing with its department, year, projects, total funding and findings;
sortable, filterable by kind of finding) and one page per filing (filing-<id>.html: the text by page
with amounts, indicators, thresholds and goals highlighted, findings marked, and a side panel of
findings, projects and indicators). Static files with inline CSS and JS: open index.html from disk.

Options:
  --out DIR    output folder (default ${DEFAULT_OUT})
  --filing ID  only these filings (repeatable)
  ${DB_HELP}
  -h, --help   show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      filing: { type: 'string', multiple: true },
      out: { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const filingIds = filingIdsOption(values.filing);
    const dbPath = dbTarget(values.db);
    if (!isPostgres(dbPath) && !existsSync(dbPath)) throw new UsageError(`no database at ${dbPath} (run filings ingest first)`);
    const started = performance.now();
    const progress = progressLine(process.stderr);
    const store = await openStore(dbPath, { readonly: true });
    try {
      const summary = await writeReport(store, {
        outDir: values.out ?? DEFAULT_OUT,
        filingIds,
        displayPath,
        onFiling: progress.update,
      });
      progress.done();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${summary.filings} filing page(s) and index.html in ${seconds} s → ${path.relative(process.cwd(), summary.index) || summary.index}`,
      );
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof UnknownFilingError) throw new UsageError(error.message);
      throw error;
    } finally {
      await store.close();
    }
  },
};

/** Stored paths are absolute; under the working directory they read better relative to it. */
function displayPath(stored: string): string {
  const relative = path.relative(process.cwd(), stored);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : stored;
}

/** On a terminal one line redrawn in place (throttled); in a log a plain line every PLAIN_EVERY filings. */
function progressLine(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; done: () => void } {
  const live = Boolean(stream.isTTY);
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const text = `report: ${done}/${total} filing pages`;
      if (live) {
        const now = performance.now();
        if (now - last < LIVE_EVERY_MS && done < total) return;
        last = now;
        stream.write(`\r\x1b[2K${text}`);
        shown = true;
      } else if (done % PLAIN_EVERY === 0 || done === total) {
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
