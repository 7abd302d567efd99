// Downsizing (Stoke Target 5): the chain on a case, both halves: the move to a smaller home (the
// date, the size of the home left and of the new one, the incentive paid) and, later, the re-let
// of the home that was freed (the date, and whether it went to a household that needed that size).
// One move a case. Nothing here identifies the person beyond the case it hangs from.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('downsizing_move')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().unique().references('handoff.id').onDelete('cascade'))
      .addColumn('moved_on', 'text', (c) => c.notNull())
      .addColumn('bedrooms_left', 'integer', (c) => c.notNull().check(sql`bedrooms_left between 1 and 12`))
      .addColumn('bedrooms_new', 'integer', (c) => c.notNull().check(sql`bedrooms_new between 0 and 12`))
      .addColumn('incentive_paid_pence', 'integer', (c) => c.notNull().check(sql`incentive_paid_pence >= 0`))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('relet_on', 'text')
      .addColumn('relet_to_needed_size', 'integer', (c) => c.check(sql`relet_to_needed_size in (0, 1)`))
      .addColumn('relet_recorded_by', 'text')
      .addColumn('relet_recorded_at', 'text')
      .addCheckConstraint('downsizing_move_smaller', sql`bedrooms_new < bedrooms_left`)
      .addCheckConstraint('downsizing_move_relet_whole', sql`(relet_on is null) = (relet_to_needed_size is null)`),
  ).execute();
  await db.schema.createIndex('downsizing_move_waiting').on('downsizing_move').columns(['relet_on', 'moved_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('downsizing_move').execute();
}
