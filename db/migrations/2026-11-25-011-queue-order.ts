// The hand-off queue is sorted and paged in SQL, so each hand-off stores where it stands: its
// band (1 an emergency waiting for contact, 2 a working-day time limit running, 3 open with no
// limit running, 4 closed), its need level as a rank (0 emergency … 3 low), and the stage waiting
// with the date (or, for an emergency, the instant) it is due. Working days and bank holidays are
// applied in TypeScript when a stage changes (src/server/casework/queue-columns.ts), not in SQL.
// Rows made before this migration are filled in at start-up (queue_band is null until then).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('handoff')
    .addColumn('queue_band', 'integer', (c) => c.check(sql`queue_band in (1, 2, 3, 4)`))
    .execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('need_rank', 'integer', (c) => c.check(sql`need_rank between 0 and 3`))
    .execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('stage', 'text', (c) => c.check(sql`stage in ('acknowledge', 'appointment', 'information')`))
    .execute();
  await db.schema.alterTable('handoff').addColumn('stage_due_on', 'text').execute();
  await db.schema.alterTable('handoff').addColumn('stage_due_at', 'text').execute();
  // Band 1, soonest first; bands 2 to 4 by need then due date; "overdue" is a range on the due
  // date. Each index ends with id (the last tie-break, so the order is read whole from the index)
  // then team_id and need_rank (every query filters on the actor's teams, and the need filter is
  // common: neither visits the table).
  await db.schema
    .createIndex('handoff_queue_urgent')
    .on('handoff')
    .columns(['queue_band', 'stage_due_at', 'created_at', 'id', 'team_id', 'need_rank'])
    .execute();
  await db.schema
    .createIndex('handoff_queue_order')
    .on('handoff')
    .columns(['queue_band', 'need_rank', 'stage_due_on', 'created_at', 'id', 'team_id'])
    .execute();
  await db.schema.createIndex('handoff_queue_due').on('handoff').columns(['queue_band', 'stage_due_on', 'team_id', 'need_rank']).execute();
  // The accounts list, by name.
  await db.schema.createIndex('staff_user_display_name').on('staff_user').columns(['display_name', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_user_display_name').execute();
  await db.schema.dropIndex('handoff_queue_due').execute();
  await db.schema.dropIndex('handoff_queue_order').execute();
  await db.schema.dropIndex('handoff_queue_urgent').execute();
  for (const column of ['stage_due_at', 'stage_due_on', 'stage', 'need_rank', 'queue_band'])
    await db.schema.alterTable('handoff').dropColumn(column).execute();
}
