// The retention job, with the clock moved on: a closed case is deleted when its time comes (24
// months after closing, from the council's data), with everything hanging from it, leaving an
// audit tombstone and the anonymous counts; an open case, or one not yet due, is kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/config/settings.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import { addNote, claimCase, closeCase } from '../../src/server/casework/case-actions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { runJob } from '../../src/server/jobs/schedule.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const settings = readSettings({ SECRET_KEY: 'k'.repeat(40) });
  const closedAt = new Date('2026-11-25T10:00:00Z');
  const run = (at: Date) => runJob('retention', { db: t.db, settings, rules: serviceRules, reports: reportSettings() }, at);
  const count = async (table: 'handoff' | 'case_event' | 'follow_up' | 'case_metric' | 'outbox_message' | 'password_reset') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('deletes a closed case and all it holds once its time has come, leaving a tombstone and the counts', async () => {
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const received = new Date('2026-10-01T09:00:00Z');
    const closing = await insertHandoff(t.db, { createdAt: received, reference: 'HO-AAAA-BBBB', name: 'Robin Closed' });
    const open = await insertHandoff(t.db, { createdAt: received, reference: 'HO-CCCC-DDDD', name: 'Sam Open' });
    await claimCase(t.db, adviser, closing, received, ring);
    await addNote(t.db, adviser, closing, { kind: 'note', text: 'Rang them back' }, received, serviceRules, ring);
    await closeCase(t.db, adviser, closing, { reason: 'Plan completed', clientGroups: [] }, closedAt, serviceRules, ring);
    // The retention date is set on closing, from the council's 24 months.
    const row = await t.db.selectFrom('handoff').select('retain_until').where('id', '=', closing).executeTakeFirstOrThrow();
    expect(row.retain_until).toBe('2028-11-25T10:00:00.000Z');
    await runJob('report-figures', { db: t.db, settings, rules: serviceRules, reports: reportSettings() }, closedAt);
    const countsBefore = await t.db.selectFrom('case_metric_daily').selectAll().orderBy('metric').orderBy('day').execute();
    expect(countsBefore.length).toBeGreaterThan(0);
    expect(await count('follow_up')).toBe(serviceRules.followUpMonths.length);

    expect(await run(new Date('2028-11-25T09:59:59Z'))).toMatch(/^0 cases/);
    expect(await count('handoff')).toBe(2);
    expect(await run(new Date('2028-11-25T10:00:00Z'))).toMatch(/^1 cases/);

    // The case and everything hanging from it are gone; the open case stays, whatever its date.
    expect((await t.db.selectFrom('handoff').select('id').execute()).map((r) => r.id)).toEqual([open]);
    expect(await count('case_event')).toBe(0);
    expect(await count('follow_up')).toBe(0);
    expect(await t.db.selectFrom('case_metric').selectAll().where('handoff_id', '=', closing).execute()).toEqual([]);
    // Nothing of the person is left anywhere.
    for (const table of ['handoff', 'case_event', 'follow_up', 'outbox_message', 'case_metric'] as const)
      expect(JSON.stringify(await t.db.selectFrom(table).selectAll().execute())).not.toContain('Robin');
    // The anonymous counts behind the reports are kept.
    expect(await t.db.selectFrom('case_metric_daily').selectAll().orderBy('metric').orderBy('day').execute()).toEqual(countsBefore);
    // The tombstone: reference, dates and the rule applied.
    const [tombstone] = await listAudit(t.db, admin, { entityId: closing });
    expect(tombstone).toMatchObject({ staffId: null, action: 'deleted under the retention rule', entityType: 'case' });
    expect(tombstone!.detail).toEqual({
      reference: 'HO-AAAA-BBBB',
      receivedAt: received.toISOString(),
      closedAt: closedAt.toISOString(),
      rule: 'deleted 24 months after the case closed (the consent’s promise)'.replace('’', "'"),
    });
    // Run again: nothing more to do.
    expect(await run(new Date('2028-11-26T10:00:00Z'))).toMatch(/^0 cases/);
  });

  it('deletes sent email after 30 days and password links a week after use or expiry, keeping the rest', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const message = (id: string, sentAt: string | null) => ({
      id,
      to_address: 't@x.example',
      subject: 's',
      body_text: 'b',
      related_type: 'test',
      related_id: id,
      created_at: daysAgo(40),
      sent_at: sentAt,
      last_error: null,
    });
    await t.db
      .insertInto('outbox_message')
      .values([message('old', daysAgo(31)), message('recent', daysAgo(29)), message('unsent', null)])
      .execute();
    const user = await insertStaff(t.db, 'adviser', 'housing-options');
    const link = (hash: string, expiresAt: string, usedAt: string | null) => ({
      token_hash: hash,
      user_id: user.id,
      created_by: null,
      created_at: daysAgo(30),
      expires_at: expiresAt,
      used_at: usedAt,
    });
    await t.db
      .insertInto('password_reset')
      .values([
        link('a', daysAgo(8), null),
        link('b', daysAgo(1), null),
        link('c', daysAgo(20), daysAgo(8)),
        link('d', new Date(now.getTime() + 3_600_000).toISOString(), null),
      ])
      .execute();
    expect(await run(now)).toBe(
      '0 cases, 1 sent messages, 2 password links, 0 requests for packs by post and 0 expired share codes deleted',
    );
    expect((await t.db.selectFrom('outbox_message').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['recent', 'unsent']);
    expect((await t.db.selectFrom('password_reset').select('token_hash').orderBy('token_hash').execute()).map((r) => r.token_hash)).toEqual(
      ['b', 'd'],
    );
  });
});
