// Assisted help: a self-assessment an adviser takes someone through (by phone, at an outreach
// surgery, at an office visit) is a draft held for that adviser (`assisted_by`), not for a
// browser; the case it becomes says how it came (`channel`, web for every hand-off before), who
// helped, at which surgery, who had the screen and how the privacy notice was given. And packs
// by post: a request to have information packs posted, its name and address sealed, kept until
// `delete_after` (the period the person agreed to) and then deleted by the retention job.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessment_draft').addColumn('assisted_by', 'text').execute();
  await db.schema.createIndex('assessment_draft_assisted_by').on('assessment_draft').columns(['assisted_by', 'updated_at']).execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('web')
        .check(sql`channel in ('web', 'phone', 'surgery', 'office')`),
    )
    .execute();
  await db.schema.alterTable('handoff').addColumn('assisted_by', 'text').execute();
  await db.schema.alterTable('handoff').addColumn('surgery_id', 'text').execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('filled_in_by', 'text', (c) => c.check(sql`filled_in_by in ('person', 'adviser')`))
    .execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('privacy_notice', 'text', (c) => c.check(sql`privacy_notice in ('read-aloud', 'shown')`))
    .execute();
  await strict(
    db,
    db.schema
      .createTable('posted_pack_request')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      // The name and the address (JSON: lines, town), sealed; the postcode, sealed.
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('postcode', 'text', (c) => c.notNull())
      .addColumn('data_key_id', 'text')
      // Pack ids (JSON array): nothing about the person.
      .addColumn('packs', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'posted')`))
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('posted_at', 'text')
      .addColumn('posted_by', 'text')
      .addColumn('delete_after', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('posted_pack_request_queue').on('posted_pack_request').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('posted_pack_request_delete').on('posted_pack_request').columns(['delete_after']).execute();
  await db.schema
    .createIndex('posted_pack_request_not_sealed')
    .on('posted_pack_request')
    .column('id')
    .where(sql.ref('data_key_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('posted_pack_request').execute();
  await db.schema.alterTable('handoff').dropColumn('privacy_notice').execute();
  await db.schema.alterTable('handoff').dropColumn('filled_in_by').execute();
  await db.schema.alterTable('handoff').dropColumn('surgery_id').execute();
  await db.schema.alterTable('handoff').dropColumn('assisted_by').execute();
  await db.schema.alterTable('handoff').dropColumn('channel').execute();
  await db.schema.dropIndex('assessment_draft_assisted_by').execute();
  await db.schema.alterTable('assessment_draft').dropColumn('assisted_by').execute();
}
