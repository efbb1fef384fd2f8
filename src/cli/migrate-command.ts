import Database from 'better-sqlite3';
import { DEFAULT_DB_PATH, FilingStore } from '../store/database.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { UsageError, parseCommandArgs, type Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring a database written by an older release to the current schema',
  usage: `filings migrate [--db PATH]

Upgrades the database's schema to version ${SCHEMA_VERSION}, keeping every filing (ingest does the same before
it writes; show, diff, export and report only read, and ask for this first). A database of another
application, or of a newer release, is refused and left untouched.

  --db PATH   database file (default ${DEFAULT_DB_PATH})`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const dbPath = values.db ?? DEFAULT_DB_PATH;
    const before = versionOf(dbPath);
    const store = FilingStore.open(dbPath);
    const after = store.schemaVersion();
    store.close();
    console.log(before === after ? `${dbPath}: schema version ${after}, nothing to do` : `${dbPath}: schema version ${before} → ${after}`);
    return 0;
  },
};

function versionOf(dbPath: string): number {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch {
    throw new UsageError(`no database at ${dbPath}`);
  }
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
