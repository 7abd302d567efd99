// Languages: the language a hand-off's self-assessment was done in (the website's language), the
// language the person asked to be contacted in, and whether they need an interpreter. Plain
// codes, shown in the queue, on the case, in the team's email and the partner's referral, and
// counted in the managers' report. Hand-offs from before were all made in English.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('handoff')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('contact_language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema
    .alterTable('handoff')
    .addColumn('interpreter_needed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`interpreter_needed in (0, 1)`),
    )
    .execute();
  await db.schema.createIndex('handoff_contact_language').on('handoff').columns(['contact_language', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('handoff_contact_language').execute();
  await db.schema.alterTable('handoff').dropColumn('interpreter_needed').execute();
  await db.schema.alterTable('handoff').dropColumn('contact_language').execute();
  await db.schema.alterTable('handoff').dropColumn('language').execute();
}
