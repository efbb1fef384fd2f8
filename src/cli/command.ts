import type { Store } from '../store/store.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_DB_PATH } from '../store/database.js';
import { DB_ENV } from '../store/open.js';

/** The --db line of every command's help. */
export const DB_HELP = `--db PATH|URL  a SQLite file, or a PostgreSQL server as postgres://user@host:port/database[?schema=name]
                 (default $${DB_ENV}, else ${DEFAULT_DB_PATH})`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

type OptionValue<T> = T extends { type: 'boolean' } ? boolean : T extends { multiple: true } ? string[] : string;

export interface ParsedCommandArgs<O extends Options> {
  values: { [K in keyof O]?: OptionValue<O[K]> } & { help?: boolean };
  positionals: string[];
}

/** parseArgs with usage mistakes turned into UsageError. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedCommandArgs<O> {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return parsed as unknown as ParsedCommandArgs<O>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} takes a whole number ≥ 1, not "${value}"`);
  return Number(value);
}

export function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new UsageError(`${name} takes a number > 0, not "${value}"`);
  return Number(value);
}

/** The ids given with --filing (repeatable), checked to be ids. */
export function filingIdsOption(values: string[] | undefined): number[] | undefined {
  return values?.map((id) => {
    if (!/^\d+$/.test(id)) throw new UsageError(`--filing takes a filing id, not "${id}"`);
    return Number(id);
  });
}

/** Unknown --filing ids are a usage mistake (exit 2), not an empty result. */
export async function requireFilings(store: Store, ids: number[] | undefined): Promise<void> {
  if (!ids) return;
  const missing: number[] = [];
  for (const id of ids) if ((await store.getFiling(id)) === undefined) missing.push(id);
  if (missing.length > 0) throw new UsageError(`no filing ${missing.map((id) => `#${id}`).join(', ')} in the database`);
}
