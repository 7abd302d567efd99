// Landlords sign in too: a `landlord` account belongs to one landlord in the accreditation scheme
// and sees only that landlord's homes and adverts. As for partners (migration 007), SQLite cannot
// change a CHECK constraint in place, so staff_user is copied.
import { sql, type Kysely } from 'kysely';
import { isSqlite } from './support.ts';

const ROLES_AFTER = `'adviser', 'private_sector_officer', 'manager', 'administrator', 'partner', 'landlord'`;

const COLUMNS = `"id", "email", "display_name", "role", "team_id", "password_hash", "is_disabled", "created_at", "updated_at", "totp_key", "totp_last_step", "organization_id"`;

/** staff_user as migration 007 left it, with `landlord` allowed and the landlord it belongs to. */
const NEXT_TABLE = sql.raw(`create table "staff_user_next" (
  "id" text not null primary key,
  "email" text not null unique check (email = lower(email)),
  "display_name" text not null,
  "role" text not null check (role in (${ROLES_AFTER})),
  "team_id" text not null,
  "password_hash" text not null,
  "is_disabled" integer default 0 not null check (is_disabled in (0, 1)),
  "created_at" text not null,
  "updated_at" text not null,
  "totp_key" text,
  "totp_last_step" integer,
  "organization_id" text references "directory_organization" ("id"),
  "landlord_id" text references "landlord" ("id"),
  check ((role = 'partner') = (organization_id is not null)),
  check ((role = 'landlord') = (landlord_id is not null))
) strict`);

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    if (rows[0]?.foreign_keys !== 0) throw new Error('staff_user can only be rebuilt with foreign keys off (see src/server/db/migrate.ts)');
    await NEXT_TABLE.execute(db);
    await sql.raw(`insert into "staff_user_next" (${COLUMNS}) select ${COLUMNS} from "staff_user"`).execute(db);
    await sql`drop table "staff_user"`.execute(db);
    await sql`alter table "staff_user_next" rename to "staff_user"`.execute(db);
    // The indexes went with the old table.
    await db.schema.createIndex('staff_user_organization').on('staff_user').column('organization_id').execute();
    await db.schema.createIndex('staff_user_display_name').on('staff_user').columns(['display_name', 'id']).execute();
  } else {
    await sql`alter table staff_user drop constraint if exists staff_user_role_check`.execute(db);
    await sql.raw(`alter table staff_user add constraint staff_user_role_check check (role in (${ROLES_AFTER}))`).execute(db);
    await sql`alter table staff_user add column landlord_id text references landlord (id)`.execute(db);
    await sql`alter table staff_user add constraint staff_user_landlord check ((role = 'landlord') = (landlord_id is not null))`.execute(
      db,
    );
  }
  await db.schema.createIndex('staff_user_landlord').on('staff_user').column('landlord_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_user_landlord').execute();
  if (!isSqlite(db)) {
    await sql`alter table staff_user drop constraint staff_user_landlord`.execute(db);
    await sql`alter table staff_user drop column landlord_id`.execute(db);
  }
}
