import { serviceRules } from '../../src/config/service-rules.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { addNote, assignCase, claimCase, closeCase, completeStage, recordOutcome } from '../../src/server/casework/case-actions.ts';
import { CaseNotFound, CaseProblem } from '../../src/server/casework/case-access.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { pendingFollowUps, recordFollowUp } from '../../src/server/casework/follow-ups.ts';
import { dueParts } from '../../src/domain/casework/plan.ts';
import { PlanInvalid, savePlan, planVersions } from '../../src/server/casework/plans.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { makeReferral, updateReferral } from '../../src/server/casework/referrals.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

/** The first page's rows. */
/** The queue's rows, as the use case lists them (sealed under the test keys). */
const queueRowsOf = async (
  db: Parameters<typeof listQueue>[0],
  actor: Parameters<typeof listQueue>[1],
  filter: Parameters<typeof listQueue>[2],
  now: Date,
  rules: Parameters<typeof listQueue>[4],
) => (await listQueue(db, actor, filter, now, rules, ring)).rows;

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let colleague: Actor;
  let otherTeam: Actor;
  let manager: Actor;
  let admin: Actor;
  // Wednesday 23 December 2026, 10:00. Christmas Day and Boxing Day (moved to Monday 28th) are bank holidays.
  const received = new Date('2026-12-23T10:00:00Z');
  const at = (iso: string) => new Date(iso);

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, received);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya' });
    colleague = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Colin' });
    otherTeam = await insertStaff(t.db, 'adviser', 'jet-centre');
    manager = await insertStaff(t.db, 'manager', 'service-management');
    admin = await insertStaff(t.db, 'administrator', 'service-management');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  describe('the queue', () => {
    it('shows a team its own open cases, most urgent first, with the time limit across bank holidays', async () => {
      const moderate = await insertHandoff(t.db, { needLevel: 'moderate', createdAt: received });
      const emergency = await insertHandoff(t.db, { needLevel: 'emergency', createdAt: at('2026-12-24T09:00:00Z') });
      const overdue = await insertHandoff(t.db, { needLevel: 'low', createdAt: at('2026-12-10T09:00:00Z') });
      await insertHandoff(t.db, { teamId: 'jet-centre', serviceId: 'jet-centre', createdAt: received });

      const queue = await queueRowsOf(t.db, adviser, {}, at('2026-12-29T12:00:00Z'), serviceRules);
      expect(queue.map((r) => r.id)).toEqual([overdue, emergency, moderate]);
      // Received Wednesday 23rd: 24th is one working day, then 25th, 26th, 27th, 28th do not count: 29th.
      expect(queue[2]!.deadline).toMatchObject({ stage: 'acknowledge', dueOn: '2026-12-29', state: 'due-today', workingDaysLeft: 0 });
      expect(queue[0]!.deadline).toMatchObject({ stage: 'acknowledge', dueOn: '2026-12-14', state: 'overdue' });
      expect(queue[0]!.deadline!.workingDaysLeft).toBeLessThan(0);

      expect((await queueRowsOf(t.db, otherTeam, {}, received, serviceRules)).map((r) => r.teamId)).toEqual(['jet-centre']);
      expect(await queueRowsOf(t.db, manager, {}, received, serviceRules)).toHaveLength(4);
      await expect(queueRowsOf(t.db, admin, {}, received, serviceRules)).rejects.toBeInstanceOf(NotAllowed);
    });

    it('filters by need level, service, status and adviser', async () => {
      const mine = await insertHandoff(t.db, { needLevel: 'high', createdAt: received });
      await insertHandoff(t.db, { needLevel: 'moderate', createdAt: received, serviceId: 'debt-advice' });
      await claimCase(t.db, adviser, mine, received, ring);
      expect((await queueRowsOf(t.db, adviser, { needLevel: 'moderate' }, received, serviceRules)).map((r) => r.serviceId)).toEqual([
        'debt-advice',
      ]);
      expect(await queueRowsOf(t.db, adviser, { serviceId: 'debt-advice' }, received, serviceRules)).toHaveLength(1);
      expect((await queueRowsOf(t.db, adviser, { assignee: 'me' }, received, serviceRules)).map((r) => r.id)).toEqual([mine]);
      expect(await queueRowsOf(t.db, adviser, { assignee: 'unassigned' }, received, serviceRules)).toHaveLength(1);
      expect(await queueRowsOf(t.db, adviser, { status: 'closed' }, received, serviceRules)).toHaveLength(0);
    });

    it('finds a hand-off by its reference however it is typed, or by whole words of the name (encrypted, so not part of a word)', async () => {
      const id = await insertHandoff(t.db, { createdAt: received, reference: 'HO-7KQ2-M9XA', name: 'Casey O’Brien' });
      await insertHandoff(t.db, { createdAt: received, reference: 'HO-ABCD-EFGH', name: 'Dana 100% Smith' });
      expect(await queueRowsOf(t.db, adviser, { text: 'Case' }, received, serviceRules)).toEqual([]);
      for (const text of ['HO-7KQ2-M9XA', 'ho 7kq2 m9xa', 'HO7KQ2M9XA', 'casey', 'O’BRIEN', 'brien casey', "CASEY O'Brien"]) {
        expect(
          (await queueRowsOf(t.db, adviser, { text }, received, serviceRules)).map((r) => r.id),
          text,
        ).toEqual([id]);
      }
      expect(await queueRowsOf(t.db, adviser, { text: 'HO-7KQ2-M9XB' }, received, serviceRules)).toEqual([]);
      expect((await queueRowsOf(t.db, adviser, { text: '100%' }, received, serviceRules)).map((r) => r.contactName)).toEqual([
        'Dana 100% Smith',
      ]);
      expect(await queueRowsOf(t.db, adviser, { text: '%' }, received, serviceRules)).toEqual([]);
    });
  });

  describe('a case from hand-off to follow-up', () => {
    it('is claimed, worked through the stages, planned, referred, given outcomes and closed, with follow-ups', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      await expect(completeStage(t.db, adviser, id, 'acknowledge', '', received, serviceRules, ring)).rejects.toThrow('Take the case');
      await claimCase(t.db, adviser, id, received, ring);
      await expect(claimCase(t.db, colleague, id, received, ring)).rejects.toThrow('Someone else has this case');

      await expect(completeStage(t.db, adviser, id, 'appointment', '', received, serviceRules, ring)).rejects.toBeInstanceOf(CaseProblem);
      await completeStage(t.db, adviser, id, 'acknowledge', 'Texted to say we have it', at('2026-12-24T09:00:00Z'), serviceRules, ring);
      let record = await openCase(t.db, adviser, id, at('2026-12-24T09:30:00Z'), serviceRules, ring);
      expect(record.handoff.status).toBe('acknowledged');
      // Acknowledged Thursday 24th: two working days is Wednesday 30th.
      expect(record.deadline).toMatchObject({ stage: 'appointment', dueOn: '2026-12-30' });
      await completeStage(
        t.db,
        adviser,
        id,
        'appointment',
        'Monday 4 January at 10:00, by phone',
        at('2026-12-29T09:00:00Z'),
        serviceRules,
        ring,
      );
      // Arranged Tuesday 29th: five working days, skipping New Year's Day, is Wednesday 6 January.
      expect((await openCase(t.db, adviser, id, at('2026-12-29T10:00:00Z'), serviceRules, ring)).deadline).toMatchObject({
        stage: 'information',
        dueOn: '2027-01-06',
      });
      await completeStage(t.db, adviser, id, 'information', '', at('2027-01-05T09:00:00Z'), serviceRules, ring);

      const blank = {
        area: 'housing',
        goal: '',
        action: '',
        owner: 'person',
        partner: '',
        dueDay: '',
        dueMonth: '',
        dueYear: '',
        status: 'to_do',
      };
      await expect(
        savePlan(t.db, adviser, id, [{ ...blank, goal: 'Stay put', owner: 'partner', ...dueParts('2027-02-30') }], received, ring),
      ).rejects.toBeInstanceOf(PlanInvalid);
      const row = { ...blank, goal: 'Stay in the flat', action: 'Ask the landlord for a repayment plan', ...dueParts('2027-01-20') };
      expect(await savePlan(t.db, adviser, id, [row, blank], received, ring)).toBe(1);
      expect(
        await savePlan(
          t.db,
          adviser,
          id,
          [
            { ...row, status: 'done' },
            {
              ...blank,
              area: 'work',
              goal: 'More hours',
              action: 'JET appointment',
              owner: 'partner',
              partner: 'JET centre',
              ...dueParts('2027-02-01'),
            },
          ],
          received,
          ring,
        ),
      ).toBe(2);
      const versions = await planVersions(t.db, ring, id);
      expect(versions.map((v) => v.items.length)).toEqual([2, 1]);
      expect(versions[1]!.items[0]).toMatchObject({ goal: 'Stay in the flat', status: 'to_do', partner: null });

      await expect(
        makeReferral(t.db, adviser, id, { serviceId: 'no-such-service', reason: 'x', consentToShare: false }, received, ring),
      ).rejects.toBeInstanceOf(CaseProblem);
      const referral = await makeReferral(
        t.db,
        adviser,
        id,
        { serviceId: 'council-money-advice', reason: 'Rent arrears of £900', consentToShare: true },
        received,
        ring,
      );
      await expect(
        updateReferral(t.db, adviser, id, referral, { status: 'declined', declineReason: '', result: '' }, received, ring),
      ).rejects.toThrow('why the referral was declined');
      // What came of it has the same rules as a note: a million characters, or hidden ones, are refused.
      await expect(
        updateReferral(
          t.db,
          adviser,
          id,
          referral,
          { status: 'accepted', declineReason: '', result: 'x'.repeat(1_000_000) },
          received,
          ring,
        ),
      ).rejects.toThrow('What came of it must be 2,000 characters or fewer');
      await expect(
        updateReferral(t.db, adviser, id, referral, { status: 'declined', declineReason: 'no\u0007', result: '' }, received, ring),
      ).rejects.toThrow('Why it was declined must not include hidden control characters');
      await updateReferral(
        t.db,
        adviser,
        id,
        referral,
        { status: 'accepted', declineReason: '', result: 'Payment plan agreed' },
        received,
        ring,
      );

      await expect(
        recordOutcome(t.db, adviser, id, { code: 'prevented-moved', detail: 'A castle' }, received, ring),
      ).rejects.toBeInstanceOf(CaseProblem);
      await recordOutcome(t.db, adviser, id, { code: 'prevented-stayed', detail: '' }, received, ring);
      await recordOutcome(t.db, adviser, id, { code: 'debt-advice', detail: '' }, received, ring);
      // Notes and reasons are kept clean: hidden or reordering characters are refused, nothing saved.
      const eventsBefore = (await openCase(t.db, adviser, id, received, serviceRules, ring)).events.length;
      await expect(addNote(t.db, adviser, id, { kind: 'note', text: 'pay \u202e0009£' }, received, serviceRules, ring)).rejects.toThrow(
        'The note must not include characters that change the direction of the text',
      );
      await expect(addNote(t.db, adviser, id, { kind: 'note', text: 'ok\u0000' }, received, serviceRules, ring)).rejects.toThrow(
        'The note must not include hidden control characters',
      );
      await expect(addNote(t.db, adviser, id, { kind: 'note', text: '\u200b\u200b' }, received, serviceRules, ring)).rejects.toThrow(
        'Enter the note',
      );
      await expect(
        makeReferral(t.db, adviser, id, { serviceId: 'council-money-advice', reason: 'a\u2066b', consentToShare: true }, received, ring),
      ).rejects.toThrow('The reason must not include');
      expect((await openCase(t.db, adviser, id, received, serviceRules, ring)).events.length).toBe(eventsBefore);
      await addNote(t.db, adviser, id, { kind: 'contact', text: 'Phoned:\r\nagreed plan' }, received, serviceRules, ring);
      expect(
        (await openCase(t.db, adviser, id, received, serviceRules, ring)).events.some((e) => e.detail === 'Phoned:\nagreed plan'),
      ).toBe(true);

      const closed = await closeCase(
        t.db,
        adviser,
        id,
        { reason: 'Plan completed', clientGroups: ['lone-parent'] },
        at('2027-01-29T15:00:00Z'),
        serviceRules,
        ring,
      );
      expect(closed.followUpsDue).toEqual(['2027-04-29', '2027-07-29']);
      await expect(addNote(t.db, adviser, id, { kind: 'note', text: 'late' }, received, serviceRules, ring)).rejects.toThrow('closed');

      record = await openCase(t.db, adviser, id, at('2027-01-30T09:00:00Z'), serviceRules, ring);
      expect(record.handoff.status).toBe('closed');
      expect(record.deadline).toBeNull();
      expect(record.stages.map((s) => [s.stage, s.inTime])).toEqual([
        ['acknowledge', true],
        ['appointment', true],
        ['information', true],
      ]);
      expect(record.referrals[0]).toMatchObject({
        serviceName: 'Money and debt advice',
        status: 'accepted',
        result: 'Payment plan agreed',
      });
      expect(record.outcomes.map((o) => o.code)).toEqual(['prevented-stayed', 'debt-advice']);
      expect(record.clientGroups).toEqual(['lone-parent']);
      expect(record.events.at(-1)!.summary).toBe('Priya took the case');

      const due = (await pendingFollowUps(t.db, adviser, serviceRules, ring)).rows;
      expect(due.map((f) => [f.monthsAfter, f.dueOn])).toEqual([
        [3, '2027-04-29'],
        [6, '2027-07-29'],
      ]);
      await expect(
        recordFollowUp(
          t.db,
          otherTeam,
          due[0]!.id,
          { stillHoused: 'yes', inWorkOrTraining: 'no', financiallySecure: 'yes', notes: '' },
          received,
          ring,
        ),
      ).rejects.toBeInstanceOf(NotAllowed);
      await expect(
        recordFollowUp(
          t.db,
          adviser,
          due[0]!.id,
          { stillHoused: '', inWorkOrTraining: 'no', financiallySecure: 'yes', notes: '' },
          received,
          ring,
        ),
      ).rejects.toThrow('still housed');
      await recordFollowUp(
        t.db,
        adviser,
        due[0]!.id,
        { stillHoused: 'yes', inWorkOrTraining: 'yes', financiallySecure: 'yes', notes: 'Working 20 hours' },
        at('2027-04-29T10:00:00Z'),
        ring,
      );
      expect((await pendingFollowUps(t.db, adviser, serviceRules, ring)).rows.map((f) => f.monthsAfter)).toEqual([6]);
    });
  });

  describe('the adviser’s clock follows the work', () => {
    it('speaking to the person acknowledges the hand-off (status and clock); trying to reach them does not', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      await addNote(
        t.db,
        colleague,
        id,
        { kind: 'attempt', text: 'No answer; did not leave a voicemail' },
        at('2026-12-23T14:00:00Z'),
        serviceRules,
        ring,
      );
      let record = await openCase(t.db, adviser, id, at('2026-12-23T14:00:00Z'), serviceRules, ring);
      expect(record.handoff.status).toBe('new');
      expect(record.deadline?.stage).toBe('acknowledge');

      const outcome = await addNote(
        t.db,
        colleague,
        id,
        { kind: 'contact', text: 'Spoke to them in their safe time' },
        at('2026-12-24T10:00:00Z'),
        serviceRules,
        ring,
      );
      expect(outcome).toEqual({ acknowledged: true });
      record = await openCase(t.db, adviser, id, at('2026-12-24T10:00:00Z'), serviceRules, ring);
      expect(record.handoff.status).toBe('acknowledged');
      expect(record.deadline?.stage).toBe('appointment');
      expect(record.stages[0]).toMatchObject({ stage: 'acknowledge', doneOn: '2026-12-24', inTime: true });
      expect(record.assigneeId).toBe(colleague.id); // whoever made contact takes the unclaimed case
      expect(record.events.map((e) => e.summary)).toEqual(
        expect.arrayContaining(['Spoke to them', 'Acknowledged the hand-off: contact made', 'Tried to contact them']),
      );

      // Later contact is just on the timeline: the next stage is not touched.
      expect(
        await addNote(t.db, adviser, id, { kind: 'contact', text: 'Called back' }, at('2026-12-29T10:00:00Z'), serviceRules, ring),
      ).toEqual({
        acknowledged: false,
      });
      expect((await openCase(t.db, adviser, id, at('2026-12-29T10:00:00Z'), serviceRules, ring)).deadline?.stage).toBe('appointment');
    });
  });

  describe('two instances at once', () => {
    it('two advisers claiming one case at the same moment: exactly one gets it', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      const other = t.secondInstance();
      const results = await Promise.allSettled([
        claimCase(t.db, adviser, id, received, ring),
        claimCase(other, colleague, id, received, ring),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const row = await t.db.selectFrom('handoff').select('assigned_to').where('id', '=', id).executeTakeFirstOrThrow();
      const winner = results[0]!.status === 'fulfilled' ? adviser : colleague;
      expect(row.assigned_to).toBe(winner.id);
      const claims = (await listAudit(t.db, admin, { entityId: id })).filter((a) => a.action === 'claimed');
      expect(claims).toHaveLength(1);
    });
  });

  describe('who may touch a case', () => {
    it('keeps other teams out, lets managers in, and gives assigning to managers only', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      await expect(openCase(t.db, otherTeam, id, received, serviceRules, ring)).rejects.toMatchObject({ permission: 'record' });
      await expect(openCase(t.db, admin, id, received, serviceRules, ring)).rejects.toBeInstanceOf(NotAllowed);
      await expect(openCase(t.db, adviser, 'no-such-case', received, serviceRules, ring)).rejects.toBeInstanceOf(CaseNotFound);
      await expect(claimCase(t.db, otherTeam, id, received, ring)).rejects.toBeInstanceOf(NotAllowed);
      await expect(assignCase(t.db, adviser, id, colleague.id, received, ring)).rejects.toBeInstanceOf(NotAllowed);
      await expect(assignCase(t.db, manager, id, otherTeam.id, received, ring)).rejects.toThrow('in the team');
      await assignCase(t.db, manager, id, colleague.id, received, ring);
      expect((await openCase(t.db, manager, id, received, serviceRules, ring)).assigneeName).toBe('Colin');
    });
  });

  describe('the audit trail', () => {
    it('records every view and change, and cannot be edited or deleted', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      await openCase(t.db, adviser, id, at('2026-12-23T11:00:00Z'), serviceRules, ring);
      await claimCase(t.db, adviser, id, at('2026-12-23T11:01:00Z'), ring);
      await openCase(t.db, manager, id, at('2026-12-23T11:02:00Z'), serviceRules, ring, 'plan');
      const trail = await listAudit(t.db, admin, { entityType: 'case', entityId: id });
      expect(trail.map((r) => [r.staffName, r.action])).toEqual([
        [manager.displayName, 'viewed plan'],
        ['Priya', 'claimed'],
        ['Priya', 'viewed case'],
      ]);
      await expect(listAudit(t.db, adviser)).rejects.toBeInstanceOf(NotAllowed);
      await expect(t.db.updateTable('audit_event').set({ action: 'nothing' }).execute()).rejects.toThrow('cannot be changed');
      await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow('cannot be changed');
    });

    it('leaves no trace of a change that failed', async () => {
      const id = await insertHandoff(t.db, { createdAt: received });
      await expect(completeStage(t.db, adviser, id, 'acknowledge', '', received, serviceRules, ring)).rejects.toThrow();
      expect(await listAudit(t.db, admin, { entityId: id })).toEqual([]);
    });
  });
});
