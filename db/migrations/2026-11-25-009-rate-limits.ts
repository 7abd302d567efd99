// Rate limits (sign-in and return-code attempts) kept in the database, so every app instance
// counts against the same limit. A row is one token bucket: its key is a keyed hash (never a
// network address in clear), its tokens, when they were last topped up, and a version for
// optimistic updates.
import type { Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('rate_limit')
      .addColumn('key', 'text', (c) => c.primaryKey().notNull())
      .addColumn('tokens', 'integer', (c) => c.notNull())
      .addColumn('refilled_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rate_limit_refilled_at').on('rate_limit').column('refilled_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
}
