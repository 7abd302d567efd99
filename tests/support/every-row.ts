// Every row of every table of a test database, for tests that compare a whole database or look
// for a value anywhere in it.
import { sql } from 'kysely';
import type { AppDatabase } from '../../src/server/db/open-database.ts';

/** Every row of every table, in a fixed order, as JSON (table name → its rows). */
export async function everything(db: AppDatabase, dialect: string): Promise<Record<string, string>> {
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db)
        ).rows;
  const all: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    all[name] = JSON.stringify(rows.map((row) => JSON.stringify(row)).sort());
  }
  return all;
}
