// Secrets have one owner: a member of staff's second-factor key is sealed under the data keys
// like every other secret, so each account row names the key it is under, and
// `npm run keys:rotate` covers it. And start-up finds rows not yet sealed along a partial index
// (empty once every row is sealed), instead of reading each sealed table whole at every start.
import { sql, type Kysely } from 'kysely';

const SEALED_TABLES = ['handoff', 'assessment_draft', 'advert_interest', 'staff_user'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_user').addColumn('data_key_id', 'text').execute();
  for (const table of SEALED_TABLES) {
    await db.schema.createIndex(`${table}_not_sealed`).on(table).column('id').where(sql.ref('data_key_id'), 'is', null).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of SEALED_TABLES) await db.schema.dropIndex(`${table}_not_sealed`).execute();
  await db.schema.alterTable('staff_user').dropColumn('data_key_id').execute();
}
