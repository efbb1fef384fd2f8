import pg from 'pg';

/** A PostgreSQL target: `postgres://user@host:port/database?schema=name` (schema default `public`). */
export interface PostgresTarget {
  /** The URL as pg takes it (without our `schema` parameter). */
  url: string;
  schema: string;
  /** The URL without its password, for messages. */
  display: string;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function parsePostgresTarget(target: string): PostgresTarget {
  const url = new URL(target);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`the schema "${schema}" in ${target} is not a plain lower-case identifier`);
  url.searchParams.delete('schema');
  const display = new URL(url);
  if (display.password) display.password = '***';
  if (schema !== 'public') display.searchParams.set('schema', schema);
  return { url: url.toString(), schema, display: display.toString() };
}

/**
 * A pool whose connections work in the target's schema. bigint columns come back as numbers (ids and
 * bucket keys stay below 2^53); numeric comes back as a string, so money stays exact.
 */
export function createPool(target: PostgresTarget, max = 4): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.INT8
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  return new pg.Pool({
    connectionString: target.url,
    max,
    types,
    options: `-c search_path=${target.schema}`,
    application_name: 'filings',
  });
}
