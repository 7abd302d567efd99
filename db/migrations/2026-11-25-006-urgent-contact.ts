// An emergency hand-off (danger, nowhere to sleep tonight, bailiffs) has a shorter time limit:
// contact within a few office hours, stored as the instant it falls due when the hand-off is made
// (office hours and bank holidays cannot be worked out in SQL).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handoff').addColumn('urgent_contact_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handoff').dropColumn('urgent_contact_by').execute();
}
