import path from 'node:path';
import { ingest, type FileEvent } from '../pipeline/ingest.js';
import { DEFAULT_DB_PATH } from '../store/database.js';
import { UsageError, parseCommandArgs, type Command } from './command.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read TXT, DOCX and PDF filings into the database',
  usage: `filings ingest <files or folders…> [--db PATH] [--force]

Folders are walked recursively for .txt, .docx and .pdf files. Each file is parsed, normalized and
stored in its own transaction; one line per file says ok, skipped (unchanged) or error with the reason.

Options:
  --db PATH   database file (default ${DEFAULT_DB_PATH})
  --force     re-ingest files whose content has not changed, and retry files that failed before
  -h, --help  show this help

Exit code: 0 when every file was ingested or skipped, 1 when any file failed, 2 on a usage error.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
    const summary = await ingest(positionals, {
      db: values.db,
      force: values.force,
      onFile: (event) => console.log(describe(event)),
    });
    const seconds = (summary.elapsedMs / 1000).toFixed(1);
    console.log(
      `${summary.total} file(s): ${summary.ok} ingested, ${summary.skipped} skipped, ${summary.failed} failed in ${seconds} s → ${summary.db}`,
    );
    return summary.failed > 0 ? 1 : 0;
  },
};

export function relative(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return rel.startsWith('..') ? filePath : rel;
}

function describe(event: FileEvent): string {
  const where = relative(event.path);
  switch (event.status) {
    case 'ok': {
      const pages = event.pages === null ? '' : `${event.pages} pages, `;
      const warnings = event.warnings ? `, ${event.warnings} warning(s)` : '';
      return `ok       ${where}  (#${event.filingId}: ${pages}${event.blocks} blocks${warnings})`;
    }
    case 'skipped':
      return `skipped  ${where}  (${event.reason})`;
    case 'error':
      return `error    ${where}  ${event.code}: ${event.message}`;
  }
}
