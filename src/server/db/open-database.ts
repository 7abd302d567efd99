// Opens the database for the location in the settings: a SQLite file or a PostgreSQL server.
// Each dialect lives in its own small file under dialects/; callers only see Kysely<Database>,
// and no use case branches on which it is.
import { Kysely } from 'kysely';
import type { DatabaseLocation } from '../../config/settings.ts';
import { postgresDialect } from './dialects/postgres.ts';
import { sqliteDialect } from './dialects/sqlite.ts';
import type { Database } from './schema.ts';

export type AppDatabase = Kysely<Database>;

export function openDatabase(location: DatabaseLocation): AppDatabase {
  const dialect = location.kind === 'postgres' ? postgresDialect(location.url, location.poolSize) : sqliteDialect(location.filename);
  return new Kysely<Database>({ dialect });
}
