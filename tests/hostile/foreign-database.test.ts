import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { runCli } from '../helpers/cli.js';
import { sampleBase } from '../helpers/paths.js';
import { tempDir } from '../pipeline/helpers.js';

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function database(setup: (db: Database.Database) => void): string {
  const file = path.join(tempDir('foreign-db'), 'db.sqlite');
  const db = new Database(file);
  setup(db);
  db.close();
  return file;
}

/** A database at an older schema version: the migrations up to `version` only. */
function databaseAt(version: number): string {
  return database((db) => {
    for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
    db.pragma(`user_version = ${version}`);
  });
}

describe('databases that are not this release’s', () => {
  it('refuses another application’s database and writes nothing to it', () => {
    const file = database((db) => {
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')");
    });
    const before = digest(file);
    const run = runCli(['ingest', `${sampleBase}.txt`, '--db', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not a filings database \(it holds the tables notes, schema version 0\); nothing was written/);
    expect(digest(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database from a newer release, to write and to read', () => {
    const file = database((db) => {
      for (const migration of MIGRATIONS) db.exec(migration.sql);
      db.pragma('user_version = 99');
    });
    const before = digest(file);
    for (const args of [['ingest', `${sampleBase}.txt`], ['export'], ['migrate']]) {
      const run = runCli([...args, '--db', file]);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr, args[0]).toMatch(
        new RegExp(`newer release of filings \\(schema version 99; this one knows up to ${SCHEMA_VERSION}\\)`),
      );
    }
    expect(digest(file)).toBe(before);
  });

  it('asks for filings migrate when a read-only command meets an older schema, and migrate upgrades it', () => {
    const file = databaseAt(4);
    for (const args of [['export'], ['diff'], ['show', '1'], ['report', '--out', path.join(path.dirname(file), 'r')]]) {
      const run = runCli([...args, '--db', file]);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr, args[0]).toMatch(
        new RegExp(`has schema version 4, this release reads ${SCHEMA_VERSION}: run filings migrate --db `),
      );
      expect(run.stderr, args[0]).not.toMatch(/no such table/);
    }
    const migrated = runCli(['migrate', '--db', file]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(new RegExp(`schema version 4 → ${SCHEMA_VERSION}`));
    expect(runCli(['export', '--db', file]).stdout.trim()).toBe('[]');
  });
});
