import type Database from 'better-sqlite3';

/**
 * Versioned schema: migration N brings a database from user_version N-1 to N. Append new migrations;
 * never edit one that has shipped. The README documents the resulting schema.
 */
export const MIGRATIONS: { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'filings, their blocks, ingest errors',
    sql: `
      CREATE TABLE filings (
        id              INTEGER PRIMARY KEY,
        path            TEXT NOT NULL UNIQUE,
        sha256          TEXT NOT NULL,
        format          TEXT NOT NULL CHECK (format IN ('txt', 'docx', 'pdf')),
        byte_size       INTEGER NOT NULL,
        page_count      INTEGER,
        ingested_at     TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('ok', 'warnings')),
        encoding        TEXT,
        normalized_text TEXT NOT NULL,
        source_text     TEXT NOT NULL,
        source_map      TEXT NOT NULL,
        printed_pages   TEXT NOT NULL,
        page_starts     TEXT NOT NULL,
        messages        TEXT NOT NULL
      );
      CREATE INDEX filings_sha256 ON filings (sha256);

      CREATE TABLE blocks (
        filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx       INTEGER NOT NULL,
        type      TEXT NOT NULL CHECK (type IN ('heading', 'paragraph', 'list_item', 'table')),
        level     INTEGER,
        marker    TEXT,
        page      INTEGER,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL,
        text      TEXT,
        cells     TEXT,
        PRIMARY KEY (filing_id, idx)
      );

      CREATE TABLE ingest_errors (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL,
        sha256      TEXT,
        stage       TEXT NOT NULL,
        code        TEXT NOT NULL,
        message     TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      );
      CREATE INDEX ingest_errors_path ON ingest_errors (path, sha256);
    `,
  },
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
