// npm run db:backup and db:restore: a backup taken while the service runs restores every row
// exactly, on both databases; a damaged backup is refused and changes nothing.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { backupDatabase, restoreDatabase } from '../../src/server/db/backup.ts';
import { startUp } from '../../src/server/startup.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { everything } from '../support/every-row.ts';
import type { AppDatabase } from '../../src/server/db/open-database.ts';
import { ring } from '../support/keys.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let folder: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    folder = mkdtempSync(path.join(tmpdir(), 'ho-backup-'));
    await startUp(t.db, { demoMode: true }, serviceRules, ring);
  }, 120_000);
  afterEach(async () => {
    await t.cleanUp();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores every row of every table exactly as it was backed up', async () => {
    const before = await everything(t.db, dialect);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(JSON.parse(before.handoff!).length).toBeGreaterThan(0);
    const file = path.join(folder, dialect === 'sqlite' ? 'backup.db' : 'backup.dump');
    const made = await backupDatabase(t.location, file);
    expect(made).toMatchObject({ file, check: 'ok' });
    await expect(backupDatabase(t.location, file)).rejects.toThrow('already exists');

    // Life goes on after the backup: a new hand-off, a changed account.
    await t.db.updateTable('staff_user').set({ display_name: 'Changed after the backup' }).execute();
    await t.db
      .deleteFrom('handoff')
      .where('id', 'in', t.db.selectFrom('handoff').select('id').limit(1))
      .execute()
      .catch(() => {});
    expect(await everything(t.db, dialect)).not.toEqual(before);

    if (dialect === 'sqlite') await t.db.destroy(); // the service is stopped for a restore
    const restored = await restoreDatabase(t.location, file);
    expect(restored.check).toBe('ok');
    const again = dialect === 'sqlite' ? await tempReopen(t) : t.db;
    expect(await everything(again, dialect)).toEqual(before);
  }, 120_000);

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const file = path.join(folder, dialect === 'sqlite' ? 'backup.db' : 'backup.dump');
    await backupDatabase(t.location, file);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const before = await everything(t.db, dialect);
    await expect(restoreDatabase(t.location, file)).rejects.toThrow(
      dialect === 'sqlite'
        ? /failed its check, so nothing was restored/
        : /failed its check, so nothing was restored|pg_restore failed, and changed nothing/,
    );
    expect(await everything(t.db, dialect)).toEqual(before);
  }, 120_000);
});

async function tempReopen(t: TempDatabase): Promise<AppDatabase> {
  const { openDatabase } = await import('../../src/server/db/open-database.ts');
  t.db = openDatabase(t.location);
  return t.db;
}
