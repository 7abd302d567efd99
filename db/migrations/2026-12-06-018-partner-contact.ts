// A partner organisation records that it has made contact with the person it was referred (for
// an emergency, the contact the person was promised): when, and which partner account.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referral').addColumn('contacted_at', 'text').execute();
  await db.schema.alterTable('referral').addColumn('contacted_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referral').dropColumn('contacted_by').execute();
  await db.schema.alterTable('referral').dropColumn('contacted_at').execute();
}
