// Partner organisations answer referrals themselves. A `partner` account belongs to one directory
// organisation and sees only referrals sent to that organisation's services. A referral records
// whether the person agreed to share their details with the partner, and who answered it.
import { sql, type Kysely } from 'kysely';
import { isSqlite } from './support.ts';

const ROLES_BEFORE = `'adviser', 'private_sector_officer', 'manager', 'administrator'`;
const ROLES_AFTER = `'adviser', 'private_sector_officer', 'manager', 'administrator', 'partner'`;

/**
 * staff_user as it was (2026-11-24-001 and -004), with `partner` allowed as a role and the
 * organisation column. SQLite cannot change a CHECK constraint in place, so the table is copied.
 */
function staffUserTable(name: string, roles: string, withOrganisation: boolean) {
  return sql.raw(`create table "${name}" (
    "id" text not null primary key,
    "email" text not null unique check (email = lower(email)),
    "display_name" text not null,
    "role" text not null check (role in (${roles})),
    "team_id" text not null,
    "password_hash" text not null,
    "is_disabled" integer default 0 not null check (is_disabled in (0, 1)),
    "created_at" text not null,
    "updated_at" text not null,
    "totp_key" text,
    "totp_last_step" integer${
      withOrganisation
        ? `,
    "organization_id" text references "directory_organization" ("id"),
    check ((role = 'partner') = (organization_id is not null))`
        : ''
    }
  ) strict`);
}

const COLUMNS = `"id", "email", "display_name", "role", "team_id", "password_hash", "is_disabled", "created_at", "updated_at", "totp_key", "totp_last_step"`;

/**
 * SQLite's own recipe for changing a table (sqlite.org/lang_altertable.html, "other kinds of table
 * schema changes"): make the new table, copy the rows, drop the old one, rename the new one.
 * Foreign keys must be off, so dropping the old table cascades nowhere and other tables'
 * references to "staff_user" stay as they are; migrateToLatest turns them off around migrations
 * and checks every reference afterwards.
 */
async function rebuildStaffUser(db: Kysely<any>, roles: string, withOrganisation: boolean): Promise<void> {
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  if (rows[0]?.foreign_keys !== 0) throw new Error('staff_user can only be rebuilt with foreign keys off (see src/server/db/migrate.ts)');
  await staffUserTable('staff_user_next', roles, withOrganisation).execute(db);
  await sql.raw(`insert into "staff_user_next" (${COLUMNS}) select ${COLUMNS} from "staff_user"`).execute(db);
  await sql`drop table "staff_user"`.execute(db);
  await sql`alter table "staff_user_next" rename to "staff_user"`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await rebuildStaffUser(db, ROLES_AFTER, true);
  } else {
    await sql`alter table staff_user drop constraint if exists staff_user_role_check`.execute(db);
    await sql.raw(`alter table staff_user add constraint staff_user_role_check check (role in (${ROLES_AFTER}))`).execute(db);
    await sql`alter table staff_user add column organization_id text references directory_organization (id)`.execute(db);
    await sql`alter table staff_user add constraint staff_user_partner_organization check ((role = 'partner') = (organization_id is not null))`.execute(
      db,
    );
  }
  await db.schema.createIndex('staff_user_organization').on('staff_user').column('organization_id').execute();

  await db.schema
    .alterTable('referral')
    // 1 when the person agreed to share their details with the service referred to.
    .addColumn('consent_to_share', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`consent_to_share in (0, 1)`),
    )
    .execute();
  // The partner who accepted or declined it, and when (null while it waits, or when staff recorded it).
  await db.schema.alterTable('referral').addColumn('answered_by', 'text').execute();
  await db.schema.alterTable('referral').addColumn('answered_at', 'text').execute();
  await db.schema.createIndex('referral_service').on('referral').column('service_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('referral_service').execute();
  await db.schema.alterTable('referral').dropColumn('answered_at').execute();
  await db.schema.alterTable('referral').dropColumn('answered_by').execute();
  await db.schema.alterTable('referral').dropColumn('consent_to_share').execute();
  await db.schema.dropIndex('staff_user_organization').execute();
  await db.deleteFrom('staff_user').where('role', '=', 'partner').execute();
  if (isSqlite(db)) {
    await rebuildStaffUser(db, ROLES_BEFORE, false);
  } else {
    await sql`alter table staff_user drop constraint staff_user_partner_organization`.execute(db);
    await sql`alter table staff_user drop column organization_id`.execute(db);
    await sql`alter table staff_user drop constraint staff_user_role_check`.execute(db);
    await sql.raw(`alter table staff_user add constraint staff_user_role_check check (role in (${ROLES_BEFORE}))`).execute(db);
  }
}
