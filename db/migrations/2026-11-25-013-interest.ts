// Expressions of interest in an advert (no account needed; one per person per advert), the
// officer's shortlist decisions on each, and the tenancy when a home is let.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('advert_interest')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('advert_id', 'text', (c) => c.notNull().references('advert.id'))
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('preferred_contact', 'text', (c) => c.notNull().check(sql`preferred_contact in ('phone', 'email')`))
      // Contacting them safely, as for a hand-off: whether a voicemail is safe, and when to call.
      .addColumn('voicemail_ok', 'integer', (c) => c.notNull().check(sql`voicemail_ok in (0, 1)`))
      .addColumn('safe_times', 'text')
      .addColumn('household_size', 'integer', (c) => c.notNull().check(sql`household_size between 1 and 20`))
      .addColumn('needs_step_free', 'integer', (c) => c.notNull().check(sql`needs_step_free in (0, 1)`))
      .addColumn('handoff_id', 'text', (c) => c.references('handoff.id'))
      .addColumn('consent_text', 'text', (c) => c.notNull())
      // A keyed hash of the person's email or phone, so the same person cannot register twice for one home.
      .addColumn('person_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('interested', 'viewing', 'offered', 'refused', 'let', 'not_chosen')`),
      )
      .addColumn('status_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('advert_interest_has_contact', sql`phone is not null or email is not null`)
      .addUniqueConstraint('advert_interest_once', ['advert_id', 'person_key']),
  ).execute();
  await db.schema.createIndex('advert_interest_advert').on('advert_interest').columns(['advert_id', 'status']).execute();

  await strict(
    db,
    db.schema
      .createTable('tenancy')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('advert_id', 'text', (c) => c.notNull().unique().references('advert.id'))
      .addColumn('interest_id', 'text', (c) => c.notNull().references('advert_interest.id'))
      .addColumn('handoff_id', 'text', (c) => c.references('handoff.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('rent_pcm', 'integer', (c) => c.notNull().check(sql`rent_pcm > 0`))
      .addColumn('created_by', 'text', (c) => c.notNull().references('staff_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenancy').execute();
  await db.schema.dropTable('advert_interest').execute();
}
