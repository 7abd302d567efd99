// What advisers and partners write about a person is sealed under the data keys like the hand-off's
// answers: the timeline's entries (case notes, contact notes, referral reasons and answers are
// copied there), every version of the plan, referrals' reasons and answers, and follow-up notes.
// Each row names the key it is under, so `npm run keys:rotate` covers it, and start-up seals rows
// written before this along the partial index of rows not yet sealed. A plan version had no id of
// its own (its case and number were its key); it gets one, because a sealed value is bound to its row.
import { sql, type Kysely } from 'kysely';

const TABLES = ['case_event', 'case_plan_version', 'referral', 'follow_up'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_plan_version').addColumn('id', 'text').execute();
  await db
    .updateTable('case_plan_version')
    .set({ id: sql`handoff_id || ':' || cast(version as text)` })
    .execute();
  await db.schema.createIndex('case_plan_version_id').on('case_plan_version').column('id').unique().execute();
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('data_key_id', 'text').execute();
    await db.schema.createIndex(`${table}_not_sealed`).on(table).column('id').where(sql.ref('data_key_id'), 'is', null).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_not_sealed`).execute();
    await db.schema.alterTable(table).dropColumn('data_key_id').execute();
  }
  await db.schema.dropIndex('case_plan_version_id').execute();
  await db.schema.alterTable('case_plan_version').dropColumn('id').execute();
}
