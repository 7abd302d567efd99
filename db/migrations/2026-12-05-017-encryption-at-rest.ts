// Encryption at rest (src/server/security/sealed-fields.ts): each row holding answers, safety
// notes or contact details names the key its values are sealed under (null: written before this
// migration, still plain until start-up or `npm run keys:rotate` seals it). A hand-off also keeps
// keyed hashes of its phone number, email address and name words, so staff can still find it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['handoff', 'assessment_draft', 'advert_interest']) {
    await db.schema.alterTable(table).addColumn('data_key_id', 'text').execute();
  }
  await db.schema.alterTable('handoff').addColumn('contact_phone_hash', 'text').execute();
  await db.schema.alterTable('handoff').addColumn('contact_email_hash', 'text').execute();
  await db.schema.alterTable('handoff').addColumn('contact_name_words', 'text').execute();
  await db.schema.createIndex('handoff_contact_phone_hash').on('handoff').column('contact_phone_hash').execute();
  await db.schema.createIndex('handoff_contact_email_hash').on('handoff').column('contact_email_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('handoff_contact_email_hash').execute();
  await db.schema.dropIndex('handoff_contact_phone_hash').execute();
  for (const column of ['contact_name_words', 'contact_email_hash', 'contact_phone_hash', 'data_key_id']) {
    await db.schema.alterTable('handoff').dropColumn(column).execute();
  }
  await db.schema.alterTable('assessment_draft').dropColumn('data_key_id').execute();
  await db.schema.alterTable('advert_interest').dropColumn('data_key_id').execute();
}
