// The adviser back-office: staff sessions, password-reset links and second factors; casework on
// hand-offs (assignment and stage dates, a timeline, plan versions, referrals, outcomes and
// follow-ups); and an append-only audit trail.
import { sql, type Kysely } from 'kysely';
import { isSqlite, strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // Second factor (optional per person): the TOTP key, encrypted, and the last time-step used,
  // so no code can be used twice.
  await db.schema.alterTable('staff_user').addColumn('totp_key', 'text').execute();
  await db.schema.alterTable('staff_user').addColumn('totp_last_step', 'integer').execute();

  await strict(
    db,
    db.schema
      .createTable('staff_session')
      // The public part of the token; the secret part is stored only as a SHA-256 hash.
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('second_factor_done', 'integer', (c) => c.notNull().check(sql`second_factor_done in (0, 1)`))
      // A short description of the browser, so people can tell their sessions apart.
      .addColumn('device', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('staff_session_user').on('staff_session').column('user_id').execute();

  await strict(
    db,
    db.schema
      .createTable('password_reset')
      .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text'),
  ).execute();

  // Casework on a hand-off: who has it, and when each of Blackpool's referral stages was done.
  for (const column of [
    'assigned_to',
    'acknowledged_at',
    'appointment_arranged_at',
    'information_gathered_at',
    'closed_at',
    'close_reason',
  ]) {
    await db.schema.alterTable('handoff').addColumn(column, 'text').execute();
  }
  // JSON array of client group codes (content/casework/client-groups.json), for breakdowns.
  await db.schema
    .alterTable('handoff')
    .addColumn('client_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await strict(
    db,
    db.schema
      .createTable('case_event')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('note', 'contact', 'status', 'assignment', 'plan', 'referral', 'outcome', 'follow_up')`),
      )
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('case_event_handoff').on('case_event').columns(['handoff_id', 'created_at']).execute();

  await strict(
    db,
    db.schema
      .createTable('case_plan_version')
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      // JSON array of plan items: see src/domain/casework/plan.ts
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_plan_version_pk', ['handoff_id', 'version']),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('referral')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'accepted', 'declined')`))
      .addColumn('decline_reason', 'text')
      .addColumn('result', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('referral_declined_has_reason', sql`status <> 'declined' or decline_reason is not null`),
  ).execute();
  await db.schema.createIndex('referral_handoff').on('referral').column('handoff_id').execute();

  await strict(
    db,
    db.schema
      .createTable('case_outcome')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      // A code from content/casework/outcomes.json, and the detail it asks for (such as "to what").
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('case_outcome_handoff').on('case_outcome').column('handoff_id').execute();

  await strict(
    db,
    db.schema
      .createTable('follow_up')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addColumn('months_after', 'integer', (c) => c.notNull().check(sql`months_after in (3, 6)`))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('still_housed', 'integer', (c) => c.check(sql`still_housed in (0, 1)`))
      .addColumn('in_work_or_training', 'integer', (c) => c.check(sql`in_work_or_training in (0, 1)`))
      .addColumn('notes', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text')
      .addUniqueConstraint('follow_up_once', ['handoff_id', 'months_after']),
  ).execute();
  await db.schema.createIndex('follow_up_due').on('follow_up').columns(['recorded_at', 'due_on']).execute();

  await strict(
    db,
    db.schema
      .createTable('audit_event')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('detail', 'text'),
  ).execute();
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity_type', 'entity_id', 'at']).execute();
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();
  // Nobody edits or deletes the audit trail, not even through a bug in the service.
  if (isSqlite(db)) {
    await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'the audit trail cannot be changed'); end`.execute(
      db,
    );
    await sql`create trigger audit_event_no_delete before delete on audit_event begin select raise(abort, 'the audit trail cannot be changed'); end`.execute(
      db,
    );
  } else {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$ begin raise exception 'the audit trail cannot be changed'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_event_no_change before update or delete on audit_event for each row execute function audit_event_append_only()`.execute(
      db,
    );
    await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) await sql`drop function if exists audit_event_append_only() cascade`.execute(db);
  for (const table of [
    'audit_event',
    'follow_up',
    'case_outcome',
    'referral',
    'case_plan_version',
    'case_event',
    'password_reset',
    'staff_session',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'client_groups',
    'close_reason',
    'closed_at',
    'information_gathered_at',
    'appointment_arranged_at',
    'acknowledged_at',
    'assigned_to',
  ]) {
    await db.schema.alterTable('handoff').dropColumn(column).execute();
  }
  await db.schema.alterTable('staff_user').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('staff_user').dropColumn('totp_key').execute();
}
