// Certificates checked, not typed: a landlord renewing a home's gas safety certificate, electrical
// report or energy certificate sends the document itself (a PDF or a photo, kept here privately),
// and the home's date changes only when an officer accepts it; an officer can send it back with a
// reason. An advert a landlord adds or changes says since when it has waited for an officer.
import { sql, type Kysely } from 'kysely';
import { bytesType, strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('certificate_submission')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('home_id', 'text', (c) => c.notNull().references('home.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('gas', 'electrical', 'energy')`))
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('epc_rating', 'text', (c) => c.check(sql`epc_rating is null or epc_rating in ('A', 'B', 'C', 'D', 'E', 'F', 'G')`))
      .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('application/pdf', 'image/jpeg')`))
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('document', bytesType(db), (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'accepted', 'returned', 'replaced')`))
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('return_reason', 'text')
      .addCheckConstraint('certificate_energy_rating', sql`(kind = 'energy') = (epc_rating is not null)`),
  ).execute();
  await db.schema.createIndex('certificate_submission_home').on('certificate_submission').columns(['home_id', 'submitted_at']).execute();
  await db.schema.createIndex('certificate_submission_status').on('certificate_submission').columns(['status', 'submitted_at']).execute();
  await db.schema.alterTable('advert').addColumn('awaiting_approval_since', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('advert').dropColumn('awaiting_approval_since').execute();
  await db.schema.dropTable('certificate_submission').execute();
}
