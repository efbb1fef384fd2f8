import { lineAt, whereLabel } from '../model/locate.js';
import { dbTarget, openStore } from '../store/open.js';
import { layoutOf } from '../store/store.js';
import { DB_HELP, UsageError, parseCommandArgs, type Command } from './command.js';
import { printable } from './printable.js';
import { drawTable } from './table-text.js';

export const showCommand: Command = {
  name: 'show',
  summary: "print a stored filing's section tree and blocks with their pages: what the parser saw",
  usage: `filings show <id or path> [--db PATH|URL]

Prints the filing's coverage and section tree (numbered headings, their levels as the filing nests
them, and what each is: project, department, statement or other), then its blocks in order, each with
its page (or line, where the format has no pages) and its span in the normalized text; tables are drawn
as tables.

Options:
  ${DB_HELP}
  -h, --help  show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('show needs exactly one filing id or path');
    const store = await openStore(dbTarget(values.db), { readonly: true });
    try {
      const filing = await store.getFiling(positionals[0]);
      if (!filing) throw new UsageError(`no filing "${positionals[0]}" in ${store.location}`);
      const document = await store.loadDocument(filing.id);
      const pages = document.printedPageNumbers.map((p) => p.number).join(', ');
      console.log(`#${filing.id} ${printable(filing.path)}`);
      console.log(`${filing.format}, ${filing.byte_size} bytes, ${filing.page_count ?? '?'} pages, sha256 ${filing.sha256.slice(0, 12)}…`);
      if (pages) console.log(`printed page numbers: ${pages}`);
      for (const message of document.messages) console.log(`${message.severity}: ${printable(message.message)}`);
      const layout = await layoutOf(store, filing.id);
      if (layout.coverage !== null)
        console.log(
          `coverage: ${Math.round(layout.coverage.ratio * 100)}% of ${layout.coverage.evidence} passages with amounts, indicators or goals`,
        );
      if (layout.sections.length > 0) {
        console.log('\nsections:');
        for (const s of layout.sections) {
          const where = whereLabel(s.source.page, () => lineAt(document.text, s.source.start));
          console.log(`${'  '.repeat(s.level)}${s.number} ${printable(s.title)}  [${s.kind}, ${where}]`);
        }
      }
      console.log('');
      for (const block of document.blocks) {
        const where = `[${whereLabel(block.page, () => lineAt(document.text, block.start))} ${block.start}-${block.end}]`;
        if (block.type === 'table') {
          console.log(`${where} table, ${block.rows.length} rows`);
          console.log(drawTable(block.rows.map((row) => row.map((cell) => (cell.merged ? '〃' : cell.text)))));
        } else if (block.type === 'heading') {
          console.log(`${where} ${'#'.repeat(block.level)} ${block.text}`);
        } else {
          console.log(`${where} ${block.text}`);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
