// Opens the database: better-sqlite3 through Kysely, with the pragmas the service relies on.
// Callers only see Kysely<Database>, so a PostgreSQL dialect can be added here later.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Settings } from '../../config/settings.ts';
import type { Database } from './schema.ts';

export type AppDatabase = Kysely<Database>;

export function openDatabase(location: Settings['database']): AppDatabase {
  if (location.filename !== ':memory:') {
    mkdirSync(path.dirname(location.filename), { recursive: true });
  }
  const sqlite = new SQLite(location.filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
