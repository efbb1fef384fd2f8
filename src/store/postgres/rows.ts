import type { PoolClient } from 'pg';

type Value = string | number | boolean | null | Buffer;

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 65_535;

/** Insert many rows in as few statements as the parameter limit allows: one round trip per table, not per row. */
export async function insertRows(client: PoolClient, table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const names = columns.map((c) => (c === 'end' ? '"end"' : c)).join(', ');
  for (let first = 0; first < rows.length; first += perStatement) {
    const chunk = rows.slice(first, first + perStatement);
    const values: Value[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** Take `count` ids from a table's identity sequence, so that rows referring to each other go in together. */
export async function allocateIds(client: PoolClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id FROM generate_series(1, $1::integer)`,
    [count],
  );
  return rows.map((r) => r.id);
}
