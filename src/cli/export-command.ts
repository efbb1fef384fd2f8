import { CSV_BOM, CSV_TABLES, csvHeader, csvLine, csvRows, type CsvTable } from '../store/export.js';
import { dbTarget, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { DB_HELP, UsageError, filingIdsOption, parseCommandArgs, requireFilings, type Command } from './command.js';
import { Output } from './output.js';

const FORMATS = ['json', 'ndjson', 'csv'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the extracted projects, money, indicators and findings as JSON, NDJSON or CSV',
  usage: `filings export --format json|ndjson|csv [--table T] [--filing ID…] [--db PATH|URL] [--out FILE]

  --format json     one array, one object per filing (schema: schema/export.schema.json)
  --format ndjson   the same objects, one per line
  --format csv      one table, UTF-8 with a BOM so that Excel opens it correctly;
                    --table projects (default) | funding_items | indicators | findings
  --filing ID       only these filings (repeatable)
  --out FILE        write to FILE instead of standard output
  ${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      table: { type: 'string' },
      filing: { type: 'string', multiple: true },
      out: { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${format}"`);
    const table = (values.table ?? 'projects') as CsvTable;
    if (!CSV_TABLES.includes(table)) throw new UsageError(`--table takes ${CSV_TABLES.join(', ')}, not "${values.table}"`);
    const ids = filingIdsOption(values.filing);
    const store = await openStore(dbTarget(values.db), { readonly: true });
    try {
      await requireFilings(store, ids);
      const out = await Output.open(values.out);
      try {
        await writeExport(out, store, format as (typeof FORMATS)[number], table, ids);
        await out.commit();
      } catch (error) {
        await out.abort();
        throw error;
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

async function writeExport(out: Output, store: Store, format: (typeof FORMATS)[number], table: CsvTable, ids?: number[]): Promise<void> {
  if (format === 'csv') {
    await out.write(`${CSV_BOM + csvLine(csvHeader(table))}\r\n`);
    for await (const filing of store.exportedFilings(ids)) {
      for (const row of csvRows(table, filing)) await out.write(`${csvLine(row)}\r\n`);
    }
    return;
  }
  if (format === 'ndjson') {
    for await (const filing of store.exportedFilings(ids)) await out.write(`${JSON.stringify(filing)}\n`);
    return;
  }
  let first = true;
  await out.write('[');
  for await (const filing of store.exportedFilings(ids)) {
    await out.write((first ? '\n' : ',\n') + JSON.stringify(filing, null, 2));
    first = false;
  }
  await out.write(first ? ']\n' : '\n]\n');
}
