// The self-assessment: drafts in progress (anonymous), hand-offs to an agency (personal, with
// consent), messages waiting to be sent to teams, and anonymous daily counts for managers.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('assessment_draft')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      // SHA-256 of the session cookie's token: the token itself is never stored.
      .addColumn('session_hash', 'text', (c) => c.unique())
      // SHA-256 of the return code, when the person chose "save and come back".
      .addColumn('return_code_hash', 'text', (c) => c.unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('assessment_draft_expires_at').on('assessment_draft').column('expires_at').execute();

  await strict(
    db,
    db.schema
      .createTable('handoff')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('need_level', 'text', (c) => c.notNull().check(sql`need_level in ('emergency', 'high', 'moderate', 'low')`))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('new')
          .check(sql`status in ('new', 'acknowledged', 'appointment_arranged', 'in_progress', 'closed')`),
      )
      // Every answer as given (JSON), with the plan and domains worked out from them.
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('plan_step_ids', 'text', (c) => c.notNull())
      .addColumn('domains', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('preferred_contact', 'text', (c) => c.notNull().check(sql`preferred_contact in ('phone', 'email')`))
      .addColumn('voicemail_ok', 'integer', (c) => c.notNull().check(sql`voicemail_ok in (0, 1)`))
      .addColumn('safe_times', 'text', (c) => c.notNull())
      .addColumn('safety_notes', 'text')
      .addColumn('consent_text', 'text', (c) => c.notNull())
      .addColumn('consented_at', 'text', (c) => c.notNull())
      .addColumn('retain_until', 'text', (c) => c.notNull())
      .addColumn('acknowledge_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('handoff_has_contact', sql`contact_phone is not null or contact_email is not null`),
  ).execute();
  await db.schema.createIndex('handoff_team_status').on('handoff').columns(['team_id', 'status', 'created_at']).execute();

  await strict(
    db,
    db.schema
      .createTable('outbox_message')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('related_type', 'text', (c) => c.notNull())
      .addColumn('related_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text'),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('assessment_daily_count')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_daily_count_pk', ['day', 'metric']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_daily_count').execute();
  await db.schema.dropTable('outbox_message').execute();
  await db.schema.dropTable('handoff').execute();
  await db.schema.dropTable('assessment_draft').execute();
}
