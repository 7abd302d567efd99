// Cookie-free counting of visits, and the daily figures the managers' reports read.
//
// - analytics_salt: one random salt per week (Monday to Sunday, Europe/London), shared by every
//   instance. A visitor is a keyed hash of it with the address, browser and site; the salt is
//   deleted soon after its week ends, and with it any way to link that week's hashes to anyone.
// - weekly_visitor: the set of visitor hashes seen this week (to count each once); deleted with
//   the salt. weekly_visitor_count keeps only the number.
// - daily_rollup: counts per day by what was counted (pages, entry sources, device class, goals).
//   It takes over assessment_daily_count, whose rows become its 'goal' dimension.
// No raw event, address or browser string is ever stored.
import { sql, type Kysely } from 'kysely';
import { bytesType, strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('analytics_salt')
      .addColumn('week_start', 'text', (c) => c.primaryKey().notNull())
      .addColumn('salt', bytesType(db), (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
  await strict(
    db,
    db.schema
      .createTable('weekly_visitor')
      .addColumn('week_start', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('weekly_visitor_pk', ['week_start', 'visitor']),
  ).execute();
  await strict(
    db,
    db.schema
      .createTable('weekly_visitor_count')
      .addColumn('week_start', 'text', (c) => c.primaryKey().notNull())
      .addColumn('visitors', 'integer', (c) => c.notNull()),
  ).execute();
  await strict(
    db,
    db.schema
      .createTable('daily_rollup')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('daily_rollup_pk', ['day', 'dimension', 'value']),
  ).execute();
  await db.schema.createIndex('daily_rollup_dimension').on('daily_rollup').columns(['dimension', 'day', 'value', 'count']).execute();
  await sql`insert into daily_rollup (day, dimension, value, count) select day, 'goal', metric, count from assessment_daily_count`.execute(db);
  await db.schema.dropTable('assessment_daily_count').execute();

  // The reports count cases by when they were made, when an outcome was recorded and what it was.
  await db.schema.createIndex('handoff_created').on('handoff').columns(['created_at', 'need_level', 'service_id']).execute();
  await db.schema.createIndex('case_outcome_code').on('case_outcome').columns(['code', 'recorded_at', 'handoff_id']).execute();
  await db.schema.createIndex('follow_up_handoff').on('follow_up').columns(['handoff_id', 'months_after']).execute();
  await db.schema.createIndex('handoff_closed').on('handoff').columns(['closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['handoff_created', 'case_outcome_code', 'follow_up_handoff', 'handoff_closed']) await db.schema.dropIndex(index).execute();
  await strict(
    db,
    db.schema
      .createTable('assessment_daily_count')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_daily_count_pk', ['day', 'metric']),
  ).execute();
  await sql`insert into assessment_daily_count (day, metric, count) select day, value, count from daily_rollup where dimension = 'goal'`.execute(db);
  for (const table of ['daily_rollup', 'weekly_visitor_count', 'weekly_visitor', 'analytics_salt']) await db.schema.dropTable(table).execute();
}
