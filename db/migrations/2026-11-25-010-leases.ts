// Work that must happen once across app instances: a lease per scheduled job (whoever holds an
// unexpired lease runs it; the others skip), and a claim on each outbox message while one
// instance sends it (so no message goes twice).
import type { Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('job_lease')
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.alterTable('outbox_message').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox_message').addColumn('claimed_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').dropColumn('claimed_until').execute();
  await db.schema.alterTable('outbox_message').dropColumn('claimed_by').execute();
  await db.schema.dropTable('job_lease').execute();
}
