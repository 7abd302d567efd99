// Cookie-free counting of visits, and the daily figures the managers' reports read.
//
// - analytics_salt: one random salt per week (Monday to Sunday, Europe/London), shared by every
//   instance. A visitor is a keyed hash of it with the address, browser and site; the salt is
//   deleted soon after its week ends, and with it any way to link that week's hashes to anyone.
// - weekly_visitor: the set of visitor hashes seen this week (to count each once); deleted with
//   the salt. weekly_visitor_count keeps only the number.
// - daily_rollup: counts per day by what was counted (pages, entry sources, device class, goals).
//   It takes over assessment_daily_count, whose rows become its 'goal' dimension.
// - case_metric: for each case, each figure of the managers' reports it counts in, and the day
//   (England) it first did; case_metric_daily keeps the same as counts per day, so a report reads
//   a few hundred rows whatever the number of cases. report_refresh says how far the
//   `report-figures` job has brought them, and for which definitions.
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
  await sql`insert into daily_rollup (day, dimension, value, count) select day, 'goal', metric, count from assessment_daily_count`.execute(
    db,
  );
  await db.schema.dropTable('assessment_daily_count').execute();

  await strict(
    db,
    db.schema
      .createTable('case_metric')
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('case_metric_pk', ['metric', 'day', 'handoff_id']),
  ).execute();
  await db.schema.createIndex('case_metric_handoff').on('case_metric').column('handoff_id').execute();
  await strict(
    db,
    db.schema
      .createTable('case_metric_daily')
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_metric_daily_pk', ['metric', 'day']),
  ).execute();
  await strict(
    db,
    db.schema
      .createTable('report_refresh')
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('refreshed_through', 'text', (c) => c.notNull())
      .addColumn('refreshed_at', 'text', (c) => c.notNull())
      .addColumn('definitions', 'text', (c) => c.notNull()),
  ).execute();
  // The job finds the cases changed since it last ran by their timeline.
  await db.schema.createIndex('case_event_created').on('case_event').columns(['created_at', 'handoff_id']).execute();
  await db.schema.createIndex('handoff_created').on('handoff').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['handoff_created', 'case_event_created']) await db.schema.dropIndex(index).execute();
  for (const table of ['report_refresh', 'case_metric_daily', 'case_metric']) await db.schema.dropTable(table).execute();
  await strict(
    db,
    db.schema
      .createTable('assessment_daily_count')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_daily_count_pk', ['day', 'metric']),
  ).execute();
  await sql`insert into assessment_daily_count (day, metric, count) select day, value, count from daily_rollup where dimension = 'goal'`.execute(
    db,
  );
  for (const table of ['daily_rollup', 'weekly_visitor_count', 'weekly_visitor', 'analytics_salt'])
    await db.schema.dropTable(table).execute();
}
