import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

let t: TempDatabase;
beforeEach(async () => {
  t = await tempDatabase('sqlite');
});
afterEach(async () => {
  await t.cleanUp();
});

const staffRow = {
  id: 's1',
  email: 'a@harrowmere.example',
  display_name: 'A',
  role: 'adviser',
  team_id: 'housing-options',
  password_hash: 'x',
  is_disabled: 0,
  created_at: '2026-11-24T09:00:00.000Z',
  updated_at: '2026-11-24T09:00:00.000Z',
} as const;

describe('opening the database', () => {
  it('creates the folder and file, and sets WAL, foreign keys and a busy timeout', async () => {
    const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(t.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
  });
});

describe('migrations', () => {
  it('apply every migration once, in order, and are a no-op the second time', async () => {
    const first = await migrateToLatest(t.db);
    expect(first.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, 'Success']));
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('make STRICT tables that refuse values of the wrong type', async () => {
    await migrateToLatest(t.db);
    const tables = await sql<{
      name: string;
      strict: number;
    }>`select name, strict from pragma_table_list where schema = 'main' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
      t.db,
    );
    expect(tables.rows.length).toBeGreaterThan(0);
    for (const table of tables.rows) expect(table, `${table.name} should be STRICT`).toMatchObject({ strict: 1 });

    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...staffRow, is_disabled: 'no' as unknown as 0 })
        .execute(),
    ).rejects.toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('enforce the checks on staff accounts: known roles, lower-case unique emails', async () => {
    await migrateToLatest(t.db);
    await t.db.insertInto('staff_user').values(staffRow).execute();
    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...staffRow, id: 's2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...staffRow, id: 's3', email: 'B@x.example' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...staffRow, id: 's4', email: 'c@x.example', role: 'superuser' as 'adviser' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it('let a partner belong to one directory organisation, rebuilding staff accounts without losing a row or a reference', async () => {
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-11-25-006-urgent-contact')).error).toBeUndefined();
    await t.db.insertInto('staff_user').values(staffRow).execute();
    const session = {
      id: 'x1',
      user_id: 's1',
      secret_hash: 'h',
      second_factor_done: 1,
      device: 'd',
      created_at: staffRow.created_at,
      last_seen_at: staffRow.created_at,
    } as const;
    await t.db.insertInto('staff_session').values(session).execute();

    await migrateToLatest(t.db);
    // Nothing lost, and the references to staff_user still hold and still cascade.
    expect(await t.db.selectFrom('staff_user').select(['id', 'role', 'organization_id']).execute()).toEqual([
      { id: 's1', role: 'adviser', organization_id: null },
    ]);
    expect(await t.db.selectFrom('staff_session').select('id').execute()).toEqual([{ id: 'x1' }]);
    expect((await sql`pragma foreign_key_check`.execute(t.db)).rows).toEqual([]);
    expect((await sql.raw('pragma foreign_keys').execute(t.db)).rows[0]).toEqual({ foreign_keys: 1 });
    await expect(
      t.db
        .insertInto('staff_session')
        .values({ ...session, id: 'x2', user_id: 'nobody' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);

    await t.db
      .insertInto('directory_organization')
      .values({ id: 'org', name: 'Org', description: 'd', url: null, email: null, updated_at: staffRow.created_at })
      .execute();
    const partner = { ...staffRow, id: 's5', email: 'p@org.example', role: 'partner', team_id: 'partner-organisation' } as const;
    await expect(t.db.insertInto('staff_user').values(partner).execute()).rejects.toThrow(/CHECK/);
    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...partner, organization_id: 'no-such-org' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await t.db
      .insertInto('staff_user')
      .values({ ...partner, organization_id: 'org' })
      .execute();
    await expect(
      t.db
        .insertInto('staff_user')
        .values({ ...staffRow, id: 's6', email: 'q@x.example', organization_id: 'org' })
        .execute(),
    ).rejects.toThrow(/CHECK/);

    await t.db.deleteFrom('staff_user').where('id', '=', 's1').execute();
    expect(await t.db.selectFrom('staff_session').select('id').execute()).toEqual([]);
  });
});
