// The adviser's income maximisation health check (Stoke's Target 9): each check a dated version on
// the case, with the answers it was worked out from (sealed), what was found (the benefits to claim
// and their weekly value, whether debts were referred) plain for the managers' figures, and notes
// (sealed). And the follow-up's question for Blackpool's WRS3: is the person financially secure?
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('health_check')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoff.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      // The money check's answers (JSON), sealed.
      .addColumn('answers', 'text', (c) => c.notNull())
      // Codes of the benefits found to claim (JSON array), and their value a week in pence.
      .addColumn('benefits', 'text', (c) => c.notNull())
      .addColumn('weekly_gain_pence', 'integer', (c) => c.notNull().check(sql`weekly_gain_pence >= 0`))
      .addColumn('debts_referred', 'integer', (c) => c.notNull().check(sql`debts_referred in (0, 1)`))
      .addColumn('notes', 'text')
      .addColumn('data_key_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('health_check_version', ['handoff_id', 'version']),
  ).execute();
  await db.schema.createIndex('health_check_created').on('health_check').columns(['created_at']).execute();
  await db.schema
    .createIndex('health_check_not_sealed')
    .on('health_check')
    .column('id')
    .where(sql.ref('data_key_id'), 'is', null)
    .execute();
  await db.schema
    .alterTable('follow_up')
    .addColumn('financially_secure', 'integer', (c) => c.check(sql`financially_secure in (0, 1)`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('follow_up').dropColumn('financially_secure').execute();
  await db.schema.dropTable('health_check').execute();
}
