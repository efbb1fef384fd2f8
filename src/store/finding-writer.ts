import type Database from 'better-sqlite3';
import { Finding } from '../model/finding.js';

/** Writes a filing's findings (validated) in the filing's transaction. */
export class FindingWriter {
  private readonly insert;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO findings (filing_id, kind, severity, project, message, message_en, expected, actual, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Returns the ids of the stored findings, in order. */
  write(filingId: number, findings: Finding[]): number[] {
    return findings.map((raw) => {
      const f = Finding.parse(raw);
      const info = this.insert.run(
        filingId,
        f.kind,
        f.severity,
        f.project,
        f.message,
        f.message_en,
        f.expected,
        f.actual,
        JSON.stringify(f),
      );
      return Number(info.lastInsertRowid);
    });
  }
}
