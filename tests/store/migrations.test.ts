import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FilingStore } from '../../src/store/database.js';
import { Extraction, Indicator } from '../../src/model/extraction.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';

/** A database as an older release left it: the migrations up to `version` only. */
function databaseAt(version: number): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'filings-migrate-')), 'old.sqlite');
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  db.exec(`INSERT INTO filings (id, path, sha256, format, byte_size, page_count, ingested_at, status, normalized_text, source_text, source_map, printed_pages, page_starts, messages)
           VALUES (1, '/a.txt', 'x', 'txt', 1, 1, '2026-01-01', 'ok', '', '', '{}', '[]', '[]', '[]')`);
  db.exec('INSERT INTO copy_buckets (bucket_key, filing_id, block_idx) VALUES (4294967297, 1, 0), (8589934594, 1, 0), (4294967297, 1, 3)');
  db.close();
  return file;
}

describe('migrations', () => {
  it('upgrades a version 4 database: the copy index keeps its rows and gains copy_saturated', () => {
    const file = databaseAt(4);
    FilingStore.open(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT bucket_key, filing_id, block_idx FROM copy_buckets ORDER BY bucket_key, block_idx').all()).toEqual([
        { bucket_key: 4294967297, filing_id: 1, block_idx: 0 },
        { bucket_key: 4294967297, filing_id: 1, block_idx: 3 },
        { bucket_key: 8589934594, filing_id: 1, block_idx: 0 },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM copy_saturated').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('keeps the cascade from a deleted filing to its copy-index rows', () => {
    const file = databaseAt(4);
    FilingStore.open(file).close();
    const db = new Database(file);
    try {
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM filings WHERE id = 1').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM copy_buckets').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('upgrades a version 5 database: projects gain declared_indicator_count', () => {
    const file = databaseAt(5);
    FilingStore.open(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const columns = (db.prepare('PRAGMA table_info(projects)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('declared_indicator_count');
    } finally {
      db.close();
    }
  });

  it('upgrades a version 6 database: indicators gain weight', () => {
    const file = databaseAt(6);
    FilingStore.open(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const columns = (db.prepare('PRAGMA table_info(indicators)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('weight');
    } finally {
      db.close();
    }
  });

  it('upgrades a version 7 database: department_tasks and department_form_goals are created, and a deleted filing takes its rows along', () => {
    const file = databaseAt(7);
    FilingStore.open(file).close();
    const db = new Database(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.pragma('foreign_keys = ON');
      db.exec(`INSERT INTO department_tasks (filing_id, idx, role, name, parts, start, end) VALUES (1, 0, 'task', '河道保洁', '[]', 0, 4)`);
      db.prepare('DELETE FROM filings WHERE id = 1').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM department_tasks').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM department_form_goals').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('reads an extraction stored before department tasks were read: it has none', () => {
    expect(
      Extraction.parse({ department: null, year: null, projects: [], department_goals: [], department_indicators: [], notes: [] }),
    ).toMatchObject({
      department_tasks: [],
      department_tasks_total: null,
      department_form_goals: [],
    });
  });

  it('reads an extraction stored before weights were read: its indicators have none', () => {
    const stored = {
      goal_index: null,
      category: '产出',
      subcategory: null,
      name: '培训人次',
      source: { page: 1, start: 0, end: 4, quote: '培训人次' },
      thresholds: [],
    };
    expect(Indicator.parse(stored).weight).toBeNull();
  });
});
