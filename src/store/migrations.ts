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
  {
    version: 2,
    description:
      'extraction: projects, funding items (tree), form fields, content items, goals, indicators, thresholds, department summary',
    sql: `
      CREATE TABLE extractions (
        filing_id        INTEGER PRIMARY KEY REFERENCES filings (id) ON DELETE CASCADE,
        pipeline_version INTEGER NOT NULL,
        department       TEXT,
        year             INTEGER,
        data             TEXT NOT NULL
      );

      CREATE TABLE projects (
        id                     INTEGER PRIMARY KEY,
        filing_id              INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx                    INTEGER NOT NULL,
        name                   TEXT NOT NULL,
        aliases                TEXT NOT NULL,
        department             TEXT,
        year                   INTEGER,
        total_wan              TEXT,
        total_text             TEXT,
        total_approximate      INTEGER,
        declared_content_count INTEGER,
        declared_goal_count    INTEGER,
        page                   INTEGER,
        start                  INTEGER NOT NULL,
        end                    INTEGER NOT NULL,
        total_page             INTEGER,
        total_start            INTEGER,
        total_end              INTEGER,
        UNIQUE (filing_id, idx)
      );

      CREATE TABLE funding_items (
        id          INTEGER PRIMARY KEY,
        project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        parent_id   INTEGER REFERENCES funding_items (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        depth       INTEGER NOT NULL,
        label       TEXT NOT NULL,
        amount_wan  TEXT,
        amount_text TEXT,
        approximate INTEGER,
        page        INTEGER,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        quote       TEXT NOT NULL
      );
      CREATE INDEX funding_items_project ON funding_items (project_id);

      CREATE TABLE form_fields (
        id         INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        field      TEXT NOT NULL,
        role       TEXT NOT NULL,
        amount_wan TEXT NOT NULL,
        amount_text TEXT NOT NULL,
        page       INTEGER,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL
      );

      CREATE TABLE content_items (
        project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        page       INTEGER,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        PRIMARY KEY (project_id, idx)
      );

      CREATE TABLE goals (
        id         INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        text       TEXT NOT NULL,
        page       INTEGER,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL
      );
      CREATE INDEX goals_project ON goals (project_id);

      CREATE TABLE indicators (
        id          INTEGER PRIMARY KEY,
        project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        goal_index  INTEGER,
        category    TEXT NOT NULL,
        subcategory TEXT,
        name        TEXT NOT NULL,
        page        INTEGER,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL
      );
      CREATE INDEX indicators_project ON indicators (project_id);

      CREATE TABLE thresholds (
        id           INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        op           TEXT NOT NULL,
        value        REAL,
        unit         TEXT,
        period       TEXT,
        text         TEXT NOT NULL,
        page         INTEGER,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL
      );
      CREATE INDEX thresholds_indicator ON thresholds (indicator_id);

      CREATE TABLE department_goals (
        filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        project   TEXT NOT NULL,
        idx       INTEGER NOT NULL,
        text      TEXT NOT NULL,
        page      INTEGER,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL
      );
      CREATE INDEX department_goals_filing ON department_goals (filing_id);

      CREATE TABLE department_indicators (
        filing_id   INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        category    TEXT,
        subcategory TEXT,
        name        TEXT NOT NULL,
        symbol      TEXT,
        value       TEXT,
        unit        TEXT,
        page        INTEGER,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        PRIMARY KEY (filing_id, idx)
      );
    `,
  },
  {
    version: 3,
    description: 'findings of the checks stage',
    sql: `
      CREATE TABLE findings (
        id         INTEGER PRIMARY KEY,
        filing_id  INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        project    TEXT,
        message    TEXT NOT NULL,
        message_en TEXT NOT NULL,
        expected   TEXT,
        actual     TEXT,
        data       TEXT NOT NULL
      );
      CREATE INDEX findings_filing ON findings (filing_id, kind);
    `,
  },
  {
    version: 4,
    description: 'cross-filing copy index: MinHash LSH buckets and paragraph fingerprints',
    sql: `
      -- bucket_key = band × 2^32 + the band's 32-bit bucket hash: one indexed column, one look-up per paragraph
      CREATE TABLE copy_buckets (
        bucket_key INTEGER NOT NULL,
        filing_id  INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        block_idx  INTEGER NOT NULL
      );
      CREATE INDEX copy_buckets_key ON copy_buckets (bucket_key);
      CREATE INDEX copy_buckets_filing ON copy_buckets (filing_id);

      CREATE TABLE paragraph_fingerprints (
        fingerprint INTEGER NOT NULL,
        filing_id   INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE
      );
      CREATE INDEX paragraph_fingerprints_key ON paragraph_fingerprints (fingerprint);
      CREATE INDEX paragraph_fingerprints_filing ON paragraph_fingerprints (filing_id);

      -- each indexed paragraph's word shingles as sorted 32-bit hashes, to verify a candidate exactly
      CREATE TABLE copy_shingles (
        filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        block_idx INTEGER NOT NULL,
        shingles  BLOB NOT NULL,
        PRIMARY KEY (filing_id, block_idx)
      );

      -- which buckets a copied_section finding rests on: withdrawn when a bucket turns out to be boilerplate
      CREATE TABLE copy_evidence (
        finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        bucket_key INTEGER NOT NULL
      );
      CREATE INDEX copy_evidence_key ON copy_evidence (bucket_key);
      CREATE INDEX copy_evidence_finding ON copy_evidence (finding_id);
    `,
  },
  {
    version: 5,
    description: 'copy index: buckets keyed by their look-up; saturated (boilerplate) buckets remembered and emptied',
    sql: `
      -- one B-tree keyed by the look-up instead of a table and two indexes
      CREATE TABLE copy_buckets_keyed (
        bucket_key INTEGER NOT NULL,
        filing_id  INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        block_idx  INTEGER NOT NULL,
        PRIMARY KEY (bucket_key, filing_id, block_idx)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO copy_buckets_keyed SELECT bucket_key, filing_id, block_idx FROM copy_buckets;
      DROP TABLE copy_buckets;
      ALTER TABLE copy_buckets_keyed RENAME TO copy_buckets;
      CREATE INDEX copy_buckets_filing ON copy_buckets (filing_id);

      -- a bucket found shared by as many filings as the boilerplate limit: its rows are deleted and it is
      -- never filled again, so look-ups of boilerplate read one row instead of every filing that has it
      CREATE TABLE copy_saturated (
        bucket_key INTEGER PRIMARY KEY
      );
    `,
  },
  {
    version: 6,
    description: 'projects: the count declared for all indicators ("共设置6项绩效指标")',
    sql: `
      ALTER TABLE projects ADD COLUMN declared_indicator_count INTEGER;
    `,
  },
  {
    version: 7,
    description: 'indicators: the weight a table gives each (权重 / 分值 column)',
    sql: `
      ALTER TABLE indicators ADD COLUMN weight REAL;
    `,
  },
  {
    version: 8,
    description:
      'department_tasks and department_form_goals: the 年度主要任务 of a department-wide form with its 金额合计 row, and its 年度总体目标; department_indicators.weight',
    sql: `
      CREATE TABLE department_tasks (
        id          INTEGER PRIMARY KEY,
        filing_id   INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        role        TEXT NOT NULL,
        name        TEXT NOT NULL,
        content     TEXT,
        amount_wan  TEXT,
        amount_text TEXT,
        parts       TEXT NOT NULL,
        page        INTEGER,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL
      );
      CREATE INDEX department_tasks_filing ON department_tasks (filing_id);

      CREATE TABLE department_form_goals (
        filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx       INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        text      TEXT NOT NULL,
        page      INTEGER,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL
      );
      CREATE INDEX department_form_goals_filing ON department_form_goals (filing_id);

      ALTER TABLE department_indicators ADD COLUMN weight REAL;
    `,
  },
  {
    version: 9,
    description:
      'sections (the section tree), statements (the financial statements of a disclosure with their 合计), extractions.coverage and coverage_evidence',
    sql: `
      CREATE TABLE sections (
        filing_id  INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        parent_idx INTEGER,
        level      INTEGER NOT NULL,
        style      TEXT NOT NULL,
        number     TEXT NOT NULL,
        title      TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('project', 'department', 'statement', 'other')),
        page       INTEGER,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        span_end   INTEGER NOT NULL,
        PRIMARY KEY (filing_id, idx)
      );

      CREATE TABLE statements (
        filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        idx       INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        title     TEXT NOT NULL,
        total_wan TEXT,
        rows      INTEGER NOT NULL,
        page      INTEGER,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL,
        PRIMARY KEY (filing_id, idx)
      );

      ALTER TABLE extractions ADD COLUMN coverage REAL;
      ALTER TABLE extractions ADD COLUMN coverage_evidence INTEGER;
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
