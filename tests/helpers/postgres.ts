import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: the machine's (127.0.0.1:5432, trust authentication, database
 * `test`; .ci/run starts it), or FILINGS_TEST_PG. Each test file works in schemas of its own, dropped
 * afterwards, so runs do not interfere.
 */
export const PG_SERVER = process.env.FILINGS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the server answers; when it does not, say so visibly (the caller skips its PostgreSQL tests). */
export async function postgresReachable(what: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    console.warn(`SKIPPED: ${what} — no PostgreSQL server at ${PG_SERVER} (${(error as Error).message})`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name and the --db URL that points the tool at it. */
export function scratchSchema(label: string): { schema: string; url: string } {
  const schema = `t_${label}_${randomBytes(4).toString('hex')}`;
  return { schema, url: `${PG_SERVER}?schema=${schema}` };
}

/** Drop a scratch schema and the job queue's schema beside it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
  } finally {
    await client.end();
  }
}

/** Run SQL against the server in a schema. */
export async function query<T extends pg.QueryResultRow>(schema: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_SERVER, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

interface ExportedLike {
  filing: { id: number; path: string };
  findings: { message: string; message_en: string; locations: { filing_id: number | null }[] }[];
}

/** An export with ids aside: each filing id (in locations and in messages' "#12") replaced by that filing's path. */
export function withoutIds(filings: ExportedLike[]): unknown[] {
  const pathOf = new Map(filings.map((f) => [f.filing.id, f.filing.path]));
  const name = (id: number) => pathOf.get(id) ?? `#${id}`;
  return filings
    .map((f) => ({
      ...f,
      filing: { ...f.filing, id: undefined },
      findings: f.findings.map((finding) => ({
        ...finding,
        message: finding.message.replace(/#(\d+)/g, (_, id) => name(Number(id))),
        message_en: finding.message_en.replace(/#(\d+)/g, (_, id) => name(Number(id))),
        locations: finding.locations.map((l) => ({ ...l, filing_id: l.filing_id === null ? null : name(l.filing_id) })),
      })),
    }))
    .sort((a, b) => (a.filing.path < b.filing.path ? -1 : 1));
}
