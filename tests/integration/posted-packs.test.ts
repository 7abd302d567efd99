// Packs by post on both databases: a request is kept with its name and address sealed and a
// reference, counted; one network address is limited (what was typed is not lost: the refusal is
// a form problem); the print queue lists it for those allowed; marking it posted is one
// conditional update (of two at once, one wins), audited and counted; the retention job deletes
// each request when its time is up, posted or not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packsByPost } from '../../src/config/outreach.ts';
import { readSettings } from '../../src/config/settings.ts';
import { ENGLISH_PACK_REQUEST_WORDS } from '../../src/domain/posted-packs/pack-request.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { goalCounts } from '../../src/server/analytics/goals.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { markPacksPosted, packRequestToPrint, printQueue, requestPacksByPost } from '../../src/server/posted-packs/pack-requests.ts';
import { applyRetention } from '../../src/server/retention/retention.ts';
import { publicLimits } from '../../src/server/security/public-limits.ts';
import { FormProblems, UserProblem } from '../../src/server/web/problems.ts';
import { insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-12-08T10:00:00Z');
const PACKS = ['eviction-notice', 'rent-arrears', 'domestic-abuse'];
const FORM = {
  name: 'Bethan Crowe',
  address1: '4 Tanner’s Yard',
  address2: '',
  town: 'Harrowmere',
  postcode: 'hm1 3ab',
  packs: ['rent-arrears', 'eviction-notice'],
  consent: 'yes',
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let officer: Actor;
  const settings = readSettings({ SECRET_KEY: 'k'.repeat(40), PACK_REQUESTS_PER_HOUR: '2' });

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya Shah' });
    officer = await insertStaff(t.db, 'private_sector_officer', 'private-sector', { name: 'Tom Ellery' });
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  const ask = (form: Record<string, string | string[]> = FORM, address = '192.0.2.7', at = now) =>
    requestPacksByPost(
      t.db,
      { form, packIds: PACKS, locale: 'en', words: ENGLISH_PACK_REQUEST_WORDS, tooManyMessage: (s) => `Wait ${s} seconds` },
      publicLimits(t.db, settings, () => at.getTime()),
      address,
      at,
      ring,
    );

  it('keeps a request sealed, with a reference, for the print queue; marking it posted is audited and counted once', async () => {
    const made = await ask();
    expect(made.reference).toMatch(/^P-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(made.deleteAfter).toBe(new Date(now.getTime() + packsByPost.keepDays * 86_400_000).toISOString());
    const dump = JSON.stringify(await everything(t.db, dialect));
    for (const secret of ['Bethan', 'Tanner', 'HM1 3AB']) expect(dump).not.toContain(secret);

    const queue = await printQueue(t.db, adviser, now, ring);
    expect(queue.waiting.map((r) => [r.reference, r.name, r.addressLines, r.town, r.postcode, r.packs])).toEqual([
      [made.reference, 'Bethan Crowe', ['4 Tanner’s Yard'], 'Harrowmere', 'HM1 3AB', ['eviction-notice', 'rent-arrears']],
    ]);
    const id = queue.waiting[0]!.id;
    expect((await packRequestToPrint(t.db, officer, id, now, ring)).status).toBe('waiting');

    // Two people press "Mark as posted" at once: one posts it, the other is told.
    const results = await Promise.allSettled([markPacksPosted(t.db, adviser, id, now), markPacksPosted(t.db, officer, id, now)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(UserProblem);
    expect((refused.reason as UserProblem).message).toBe('These packs have already been marked as posted');

    const after = await printQueue(t.db, adviser, now, ring);
    expect(after.waiting).toEqual([]);
    expect(after.posted.map((r) => [r.status, r.postedAt])).toEqual([['posted', now.toISOString()]]);
    const goals = await goalCounts(t.db, '2026-12-01', '2026-12-31');
    expect(goals.map((g) => [g.goal, g.count])).toEqual([
      ['packs_posted', 1],
      ['packs_requested_by_post', 1],
    ]);
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const audit = await listAudit(t.db, admin, { entityId: id });
    expect(audit.map((a) => a.action).sort()).toEqual(['marked packs posted', 'viewed']);
  });

  it('names every field that is wrong, keeping nothing', async () => {
    const problem = await ask({ name: '', postcode: 'nope', packs: [] }).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(FormProblems);
    expect((problem as FormProblems).errors.map((e) => e.field)).toEqual(['name', 'address1', 'town', 'postcode', 'packs', 'consent']);
    expect(await t.db.selectFrom('posted_pack_request').selectAll().execute()).toEqual([]);
  });

  it('limits one network address, and tells them how long to wait', async () => {
    await ask();
    await ask();
    const refused = await ask().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserProblem);
    expect((refused as UserProblem).status).toBe(429);
    expect((refused as UserProblem).message).toMatch(/^Wait \d+ seconds$/);
    // Another address is not held up.
    await ask(FORM, '198.51.100.4');
    expect(await t.db.selectFrom('posted_pack_request').select('id').execute()).toHaveLength(3);
  });

  it('is deleted by the retention job when its time is up, posted or not', async () => {
    await ask();
    const second = await ask(FORM, '198.51.100.4', new Date(now.getTime() + 86_400_000));
    const queue = await printQueue(t.db, adviser, now, ring);
    await markPacksPosted(t.db, adviser, queue.waiting[0]!.id, now);
    const dayAfterFirstEnds = new Date(now.getTime() + packsByPost.keepDays * 86_400_000);
    expect((await applyRetention(t.db, dayAfterFirstEnds, { retentionMonths: 24 })).packRequests).toBe(1);
    expect((await t.db.selectFrom('posted_pack_request').select('reference').execute()).map((r) => r.reference)).toEqual([
      second.reference,
    ]);
    expect((await applyRetention(t.db, new Date(second.deleteAfter), { retentionMonths: 24 })).packRequests).toBe(1);
    expect(await t.db.selectFrom('posted_pack_request').select('id').execute()).toEqual([]);
  });

  it('is for advisers, officers and managers only', async () => {
    const landlord = { ...adviser, role: 'landlord' as const };
    const partner = { ...adviser, role: 'partner' as const };
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    for (const actor of [landlord, partner, admin]) await expect(printQueue(t.db, actor, now, ring)).rejects.toThrow(NotAllowed);
  });
});
