// Helpers for migration files. Like the migrations themselves, this file is frozen in time:
// it never imports application code.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { SqliteAdapter } from 'kysely';

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Adds SQLite's STRICT keyword (type-checked columns); other dialects are strict already. */
export function strict<T extends string, C extends string>(db: Kysely<any>, table: CreateTableBuilder<T, C>) {
  return isSqlite(db) ? table.modifyEnd(sql`strict`) : table;
}

/** A column of bytes: BLOB on SQLite, bytea on PostgreSQL (which has no BLOB). */
export function bytesType(db: Kysely<any>): 'blob' | 'bytea' {
  return isSqlite(db) ? 'blob' : 'bytea';
}
