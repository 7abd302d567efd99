// An email address waiting in the outbox is sealed under the data keys like every other personal
// detail: each message names the key it is under, so `npm run keys:rotate` covers it, and start-up
// seals messages queued before this along the partial index of rows not yet sealed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').addColumn('data_key_id', 'text').execute();
  await db.schema
    .createIndex('outbox_message_not_sealed')
    .on('outbox_message')
    .column('id')
    .where(sql.ref('data_key_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_message_not_sealed').execute();
  await db.schema.alterTable('outbox_message').dropColumn('data_key_id').execute();
}
