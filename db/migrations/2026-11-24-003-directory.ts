// The directory of services, shaped after Open Referral UK: organisations, their services, where
// and when they run, and a taxonomy of the help they give.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('directory_organization')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('email', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('directory_service')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('directory_organization.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('eligibility', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('url', 'text')
      .addColumn('referral_self', 'integer', (c) => c.notNull().check(sql`referral_self in (0, 1)`))
      .addColumn('referral_professional', 'integer', (c) => c.notNull().check(sql`referral_professional in (0, 1)`))
      .addColumn('referral_how', 'text', (c) => c.notNull())
      .addColumn('minimum_age', 'integer')
      .addColumn('maximum_age', 'integer')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('active')
          .check(sql`status in ('active', 'inactive')`),
      )
      // When someone last checked the details were right (YYYY-MM-DD).
      .addColumn('last_checked', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('directory_service_organization').on('directory_service').column('organization_id').execute();

  await strict(
    db,
    db.schema
      .createTable('directory_location')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('service_id', 'text', (c) => c.notNull().references('directory_service.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('town', 'text', (c) => c.notNull())
      .addColumn('postcode', 'text', (c) => c.notNull()),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('directory_schedule')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('service_id', 'text', (c) => c.notNull().references('directory_service.id').onDelete('cascade'))
      // iCalendar weekday codes, comma separated: "MO,TU,WE".
      .addColumn('byday', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'text', (c) => c.notNull())
      .addColumn('closes_at', 'text', (c) => c.notNull()),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('directory_taxonomy_term')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('vocabulary', 'text', (c) => c.notNull()),
  ).execute();

  await strict(
    db,
    db.schema
      .createTable('directory_service_taxonomy')
      .addColumn('service_id', 'text', (c) => c.notNull().references('directory_service.id').onDelete('cascade'))
      .addColumn('term_id', 'text', (c) => c.notNull().references('directory_taxonomy_term.id'))
      .addPrimaryKeyConstraint('directory_service_taxonomy_pk', ['service_id', 'term_id']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'directory_service_taxonomy',
    'directory_taxonomy_term',
    'directory_schedule',
    'directory_location',
    'directory_service',
    'directory_organization',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
