// Share codes (issue 31): a summary the person chose to share, found by the hash of a short code
// and opened only after one check (their date of birth or postcode, kept as a hash salted with the
// row's id). The summary is sealed like the rest of a person's words (DATA_KEYS). Each view is
// kept with when it happened and, optionally, who the viewer said they were, so the person can see
// who looked. When the person asks to be sent the code by email, the code is kept sealed until the
// message goes (the outbox holds only a placeholder). All of it is deleted by the retention job once the code's 30 days are up.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('share_code')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('check_kind', 'text', (c) => c.notNull().check(sql`check_kind in ('birth-date', 'postcode')`))
      .addColumn('check_hash', 'text', (c) => c.notNull())
      .addColumn('parts', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('code_for_sending', 'text')
      .addColumn('data_key_id', 'text')
      .addColumn('handoff_id', 'text', (c) => c.references('handoff.id').onDelete('set null'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text'),
  ).execute();
  await db.schema.createIndex('share_code_expiry').on('share_code').column('expires_at').execute();
  await db.schema.createIndex('share_code_handoff').on('share_code').column('handoff_id').execute();
  await strict(
    db,
    db.schema
      .createTable('share_view')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('share_code_id', 'text', (c) => c.notNull().references('share_code.id').onDelete('cascade'))
      .addColumn('viewed_at', 'text', (c) => c.notNull())
      .addColumn('viewer', 'text')
      .addColumn('data_key_id', 'text'),
  ).execute();
  await db.schema.createIndex('share_view_code').on('share_view').columns(['share_code_id', 'viewed_at']).execute();
  // What start-up seals (rows written before DATA_KEYS was set): found along an index of just those rows.
  for (const table of ['share_code', 'share_view'])
    await db.schema.createIndex(`${table}_not_sealed`).on(table).column('id').where(sql.ref('data_key_id'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('share_view').execute();
  await db.schema.dropTable('share_code').execute();
}
