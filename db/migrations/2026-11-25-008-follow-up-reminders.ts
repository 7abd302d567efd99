// When a follow-up's team was reminded that it fell due (the `follow-ups-due` job), so each is
// reminded once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('follow_up').addColumn('reminded_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('follow_up').dropColumn('reminded_at').execute();
}
