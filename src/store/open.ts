import { DEFAULT_DB_PATH } from './database.js';
import { isPostgresUrl } from './postgres/connection.js';
import { PostgresStore } from './postgres/store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Where the database is when --db is not given: a path (SQLite) or a postgres:// URL (PostgreSQL). */
export const DB_ENV = 'FILINGS_DB';

/** The database a command uses: --db, else $FILINGS_DB, else the default SQLite file. */
export function dbTarget(option?: string): string {
  return option ?? (process.env[DB_ENV] || DEFAULT_DB_PATH);
}

export function isPostgres(target: string): boolean {
  return isPostgresUrl(target);
}

/**
 * Open the store a target names: a postgres:// (or postgresql://) URL is a PostgreSQL server, anything
 * else a SQLite file. `readonly` opens an existing SQLite file without writing (PostgreSQL ignores it).
 */
export async function openStore(target: string, options: { readonly?: boolean } = {}): Promise<Store> {
  return isPostgresUrl(target) ? PostgresStore.open(target) : SqliteStore.open(target, options);
}
