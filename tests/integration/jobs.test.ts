// The scheduled jobs, each run with the clock passed in, as the server's timers and
// `npm run jobs` run them.
import { publicLimits } from '../../src/server/security/public-limits.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/config/settings.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import { closeCase } from '../../src/server/casework/case-actions.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { JOBS, isJobName, type JobName } from '../../src/server/jobs/registry.ts';
import { SKIPPED, runJob, takeLease } from '../../src/server/jobs/schedule.ts';
import { deliverOutbox } from '../../src/server/notify/outbox.ts';
import { sharedSignInLimits } from '../../src/server/staff/sign-in.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { findDraftBySession, startDraft } from '../../src/server/self-assessment/drafts.ts';
import { createSession, validateSessionToken } from '../../src/server/staff/sessions.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-25T10:00:00Z');
  const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
  const settings = readSettings({ SECRET_KEY: 'k'.repeat(40) });
  const run = (name: JobName, at: Date, overrides: Partial<typeof settings> = {}) =>
    runJob(name, { db: t.db, settings: { ...settings, ...overrides }, rules: serviceRules, reports: reportSettings() }, at);

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(() => t.cleanUp());

  describe('jobs', () => {
    it('are named, and only those names run', () => {
      expect(Object.keys(JOBS).sort()).toEqual([
        'accreditation',
        'analytics-weeks',
        'deliver-outbox',
        'follow-ups-due',
        'purge-drafts',
        'purge-rate-limits',
        'purge-sessions',
        'queue-columns',
        'report-figures',
        'retention',
      ]);
      expect(isJobName('purge-drafts')).toBe(true);
      expect(isJobName('constructor')).toBe(false);
    });

    it('run once at a time across instances: the one holding the lease runs, the others skip', async () => {
      const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
      await startDraft(t.db, now, lifetimes);
      // Someone else holds the lease: this turn is skipped, and nothing is deleted.
      await t.db
        .insertInto('job_lease')
        .values({ name: 'purge-drafts', holder: 'elsewhere', expires_at: hours(5.1).toISOString() })
        .execute();
      expect(await run('purge-drafts', hours(5))).toBe(SKIPPED);
      expect(await t.db.selectFrom('assessment_draft').select('id').execute()).toHaveLength(1);
      // Its lease runs out (that instance died): the job runs again, and lets the lease go after.
      expect(await run('purge-drafts', hours(5.2))).toBe('1 expired drafts deleted');
      expect(await t.db.selectFrom('job_lease').selectAll().execute()).toEqual([]);
      // Two instances taking the lease at the same moment: exactly one gets it.
      const taken = await Promise.all([
        takeLease(t.db, 'purge-sessions', 'one', hours(6)),
        takeLease(t.secondInstance(), 'purge-sessions', 'two', hours(6)),
      ]);
      expect(taken.filter(Boolean)).toHaveLength(1);
    });

    it('deliver-outbox on two instances at once sends each message exactly once', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'ho-mail-'));
      try {
        for (const id of ['a', 'b', 'c', 'd']) {
          await t.db
            .insertInto('outbox_message')
            .values({
              id,
              to_address: `${id}@x.example`,
              subject: id,
              body_text: 'Body',
              related_type: 'test',
              related_id: id,
              created_at: now.toISOString(),
              sent_at: null,
              last_error: null,
            })
            .execute();
        }
        const sent: string[] = [];
        const send = async (m: { to: string }) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          sent.push(m.to);
        };
        await Promise.all([
          deliverOutbox(t.db, ring, send, 'x@x.example', { now: () => now }),
          deliverOutbox(t.secondInstance(), ring, send, 'x@x.example', { now: () => now }),
        ]);
        expect(sent.sort()).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example']);
        expect(await unsentMessages(t.db, ring)).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('purge-drafts deletes expired answers, and only those; starting a draft no longer does it', async () => {
      const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
      const old = await startDraft(t.db, now, lifetimes);
      const fresh = await startDraft(t.db, hours(3), lifetimes);
      await startDraft(t.db, hours(5), lifetimes); // a request after the first expired purges nothing
      expect(await t.db.selectFrom('assessment_draft').select('id').execute()).toHaveLength(3);
      expect(await run('purge-drafts', hours(5))).toBe('1 expired drafts deleted');
      expect(await findDraftBySession(t.db, fresh.token, hours(5), ring)).not.toBeNull();
      expect(await t.db.selectFrom('assessment_draft').select('id').where('id', '=', old.draft.id).execute()).toEqual([]);
    });

    it('purge-sessions deletes sessions past their idle or absolute limit', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const idle = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'a' }, now);
      const active = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'b' }, hours(0.5));
      expect(await run('purge-sessions', hours(0.6))).toBe('1 expired sessions deleted');
      expect(await t.db.selectFrom('staff_session').select('id').execute()).toHaveLength(1);
      expect(await validateSessionToken(t.db, active.token, hours(0.6), { idleMinutes: 30, absoluteHours: 12 })).not.toBeNull();
      expect(idle.token).not.toBe(active.token);
    });

    it('follow-ups-due tells each team once, with nothing about the person', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const caseId = await insertHandoff(t.db, { createdAt: now, name: 'Jo Example' });
      await t.db.updateTable('handoff').set({ assigned_to: adviser.id }).where('id', '=', caseId).execute();
      await closeCase(t.db, adviser, caseId, { reason: 'Plan completed', clientGroups: ['lone-parent'] }, now, serviceRules, ring);
      expect(await run('follow-ups-due', new Date('2027-02-24T10:00:00Z'))).toBe('0 follow-ups reminded');
      expect(await run('follow-ups-due', new Date('2027-02-25T10:00:00Z'))).toBe('1 follow-ups reminded');
      expect(await run('follow-ups-due', new Date('2027-02-26T10:00:00Z'))).toBe('0 follow-ups reminded');
      const mail = (await unsentMessages(t.db, ring)).filter((m) => m.related_type === 'follow_up');
      expect(mail.map((m) => [m.to_address, m.subject])).toEqual([['housingoptions@harrowmere.example', '1 follow-up is due']]);
      expect(mail[0]!.body_text).not.toContain('Jo Example');
    });

    it('report-figures works from the targets it is given, and works every case out again when they change', async () => {
      await insertHandoff(t.db, { createdAt: now });
      await insertHandoff(t.db, { createdAt: now });
      const given = reportSettings();
      const figures = (reports: typeof given) => runJob('report-figures', { db: t.db, settings, rules: serviceRules, reports }, hours(1));
      expect(await figures(given)).toBe("2 cases' figures worked out (all of them: the definitions changed)");
      expect(await figures(given)).toBe("0 cases' figures worked out");
      // A council that drops a target: the job is handed the new list, and nothing reads it behind its back.
      const dropped = given.targets.targets.find((target) => target.definition?.count === 'cases')!;
      const fewer = { ...given, targets: { ...given.targets, targets: given.targets.targets.filter((target) => target !== dropped) } };
      expect(await figures(fewer)).toBe("2 cases' figures worked out (all of them: the definitions changed)");
      expect(await figures(fewer)).toBe("0 cases' figures worked out");
    });

    it('purge-rate-limits deletes buckets once they have filled again, and keeps those still counting', async () => {
      const limits = sharedSignInLimits(t.db, ring, () => now.getTime());
      await limits.address.consume('192.0.2.1');
      // The public limits fill again within the hour (src/server/security/public-limits.ts).
      await publicLimits(t.db, { ...settings, handoffsPerHour: 10, selfAssessmentsPerHour: 120 }, () => now.getTime()).handoffs.consume(
        '192.0.2.1',
      );
      expect(await run('purge-rate-limits', hours(0.1))).toBe('0 full rate-limit buckets deleted');
      expect(await run('purge-rate-limits', hours(0.9))).toBe('0 full rate-limit buckets deleted');
      expect(await run('purge-rate-limits', hours(1.01))).toBe('2 full rate-limit buckets deleted');
      expect(await t.db.selectFrom('rate_limit').selectAll().execute()).toEqual([]);
    });

    it('deliver-outbox sends waiting email when mail is set up, and says so when it is not', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'ho-mail-'));
      try {
        await t.db.transaction().execute((trx) =>
          trx
            .insertInto('outbox_message')
            .values({
              id: 'm1',
              to_address: 'team@x.example',
              subject: 'Hello',
              body_text: 'Body',
              related_type: 'test',
              related_id: 'x',
              created_at: now.toISOString(),
              sent_at: null,
              last_error: null,
            })
            .execute(),
        );
        expect(await run('deliver-outbox', now)).toBe('no mail set up: messages wait in the outbox');
        expect(await run('deliver-outbox', now, { mailDropDir: folder })).toBe('outbox delivered');
        const files = readdirSync(folder);
        expect(files).toHaveLength(1);
        expect(readFileSync(path.join(folder, files[0]!), 'utf8')).toContain('Subject: Hello');
        expect(await unsentMessages(t.db, ring)).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
