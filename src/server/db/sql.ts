// SQL fragments more than one module needs, written once so they read the same on every database.
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

/**
 * "column contains text", ignoring case: lower() on both sides (LIKE ignores case on SQLite
 * only), with %, _ and \ in the text matched literally.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** How many rows a query matches, as a number on both databases (PostgreSQL's count is a bigint, which pg returns as text). */
export async function countOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number((row as { n: number | string }).n);
}

/** True when a write failed on a unique key: SQLite's and PostgreSQL's ways of saying so. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
