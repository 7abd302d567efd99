// Expressing interest follows Post/Redirect/Get without a cookie: each form carries a random id,
// and the interest it made keeps that id's SHA-256 hash, so going Back to the form after sending
// shows the confirmation again instead of the old errors (src/server/homes/interest-form.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('advert_interest').addColumn('form_id_hash', 'text').execute();
  await db.schema.createIndex('advert_interest_form_id').on('advert_interest').column('form_id_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('advert_interest_form_id').execute();
  await db.schema.alterTable('advert_interest').dropColumn('form_id_hash').execute();
}
