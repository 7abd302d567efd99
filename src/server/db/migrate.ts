// Brings a database up to the latest migration with Kysely's migrator.
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { migrations } from '../../../db/migrations/index.ts';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies every pending migration, all in one transaction. On SQLite, foreign keys are off while
 * they run (SQLite's recipe for rebuilding a table needs that), and every reference is checked
 * before they are turned back on: a migration that broke one fails instead of leaving it broken.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await sql`pragma foreign_keys = off`.execute(db);
  // Kysely's migrator takes a lock of its own (an advisory lock on PostgreSQL; on SQLite the one
  // writer at a time does it), so two instances starting together do not both migrate: the second
  // waits, then finds nothing to do.
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    outcome = await migrator.migrateToLatest();
    if (sqlite && !outcome.error) {
      const { rows } = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
      if (rows.length > 0) {
        throw new MigrationError(`Migrations left ${rows.length} broken reference(s), first ${rows[0]!.table} → ${rows[0]!.parent}`);
      }
    }
  } finally {
    if (sqlite) await sql`pragma foreign_keys = on`.execute(db);
  }
  const { error, results = [] } = outcome;
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results;
}
