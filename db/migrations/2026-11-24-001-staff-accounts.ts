// Staff accounts: advisers, private sector officers, managers and administrators.
// Sign-in and sessions come later; the table is here so demo accounts exist from the start.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('staff_user')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      // Stored lower-case so uniqueness works the same on SQLite and PostgreSQL.
      .addColumn('email', 'text', (c) =>
        c
          .notNull()
          .unique()
          .check(sql`email = lower(email)`),
      )
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('adviser', 'private_sector_officer', 'manager', 'administrator')`))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_disabled', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`is_disabled in (0, 1)`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_user').execute();
}
