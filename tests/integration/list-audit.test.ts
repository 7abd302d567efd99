// Opening a list is audited: which list, its filters and page, how many rows it showed; a search
// is kept only as a keyed hash, so the trail (read by administrators) holds nobody's name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { listAudit, recordListView } from '../../src/server/audit/audit.ts';
import { queueRows } from '../../src/server/casework/queue-page.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-24T09:00:00Z');

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('records who opened the queue, with the filters used and a hash of what they searched for', async () => {
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    await insertHandoff(t.db, { name: 'Jordan Ashby', createdAt: now });
    const filter = { text: 'Jordan Ashby', status: 'open', needLevel: '', serviceId: '', assignee: 'me', due: '' };
    const page = await queueRows(t.db, adviser, filter, 1, now, serviceRules, ring);
    await queueRows(t.db, adviser, { ...filter, text: '  jordan ashby ' }, 1, now, serviceRules, ring);
    const [second, first] = await listAudit(t.db, admin, { entityType: 'list' });
    expect(first).toMatchObject({ staffId: adviser.id, action: 'opened a list', entityType: 'list', entityId: 'queue' });
    expect(first!.detail).toEqual({
      status: 'open',
      assignee: 'me',
      searchedFor: expect.stringMatching(/^[0-9a-f]{32}$/),
      page: 1,
      shown: page.rows.length,
    });
    // The same search, however typed, has the same hash; the name itself is nowhere in the trail.
    expect(second!.detail?.searchedFor).toBe(first!.detail?.searchedFor);
    expect(JSON.stringify(await t.db.selectFrom('audit_event').selectAll().execute()).toLowerCase()).not.toContain('jordan');
  });

  it('records a list opened without a search with no search at all', async () => {
    const manager = await insertStaff(t.db, 'manager', 'housing-options');
    await recordListView(
      t.db,
      manager,
      'report export',
      { filters: { table: 'need-levels', from: '2026-01-01', to: '2026-03-31', empty: '' } },
      now,
    );
    const [row] = await listAudit(t.db, await insertStaff(t.db, 'administrator', 'service-management'), { entityId: 'report export' });
    expect(row!.detail).toEqual({ table: 'need-levels', from: '2026-01-01', to: '2026-03-31' });
  });
});
