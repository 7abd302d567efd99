import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { goalCounts } from '../../src/server/analytics/goals.ts';
import {
  discardDraft,
  findDraftBySession,
  purgeExpiredDrafts,
  resumeDraft,
  saveDraftForLater,
  startDraft,
  updateDraft,
  type DraftRecord,
} from '../../src/server/self-assessment/drafts.ts';
import { getHandoffByReference } from '../../src/server/handoffs/handoff-record.ts';
import { createHandoff, HandoffNotReady } from '../../src/server/self-assessment/send-handoff.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { insertStaff } from '../support/casework.ts';
import { confirmAnswers, progressOf, recordCompletion, submitAnswer } from '../../src/server/self-assessment/questionnaire.ts';
import { unsentMessages, deliverOutbox } from '../../src/server/notify/outbox.ts';
import { ring } from '../support/keys.ts';
import { MODERATE_RENTER } from '../support/answers.ts';
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
  const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
  // Thursday 24 December 2026, 10:00 in London: two working days later is Wednesday 30 December
  // (Friday 25 and Monday 28 December are bank holidays).
  const now = new Date('2026-12-24T10:00:00Z');
  const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  async function answerAll(draft: DraftRecord, pairs: Array<[string, string | string[]]>, at = now): Promise<DraftRecord> {
    let current = draft;
    for (const [step, raw] of pairs) {
      const outcome = await submitAnswer(t.db, current, { step, raw, changing: false }, at, lifetimes);
      if (!outcome.ok) throw new Error(`${step}: ${outcome.error}`);
      current = outcome.draft;
    }
    return current;
  }

  const moderateRenter = MODERATE_RENTER;

  describe('self-assessment drafts', () => {
    it('are found only by their session token, which is stored hashed', async () => {
      const { token, draft } = await startDraft(t.db, now, lifetimes);
      expect((await findDraftBySession(t.db, token, now, ring))?.id).toBe(draft.id);
      expect(await findDraftBySession(t.db, 'not-the-token', now, ring)).toBeNull();
      const row = await t.db.selectFrom('assessment_draft').selectAll().executeTakeFirstOrThrow();
      expect(row.session_hash).not.toContain(token);
      expect(row.session_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('keep a bad answer out, remember the error for the next page, and lose nothing saved', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      const first = await submitAnswer(t.db, draft, { step: 'danger', raw: 'no', changing: false }, now, lifetimes);
      expect(first).toMatchObject({ ok: true, next: 'tonight' });
      const bad = await submitAnswer(t.db, first.draft, { step: 'tonight', raw: undefined, changing: false }, now, lifetimes);
      expect(bad).toMatchObject({ ok: false, error: 'Select yes if you have somewhere safe to sleep tonight' });
      expect(bad.draft.state.answers).toEqual({ danger: 'no' });
      expect(bad.draft.state.flash).toEqual({
        page: 'tonight',
        errors: [{ field: 'answer', message: 'Select yes if you have somewhere safe to sleep tonight' }],
        submitted: { answer: [] },
      });
    });

    it('refuse to skip ahead: an answer to a question not yet reached just sends the person back', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      const outcome = await submitAnswer(t.db, draft, { step: 'arrears', raw: 'yes', changing: false }, now, lifetimes);
      expect(outcome).toMatchObject({ ok: true, next: 'danger' });
      expect(outcome.draft.state.answers).toEqual({});
    });

    it('expire after the idle time, and are purged', async () => {
      const { token } = await startDraft(t.db, now, lifetimes);
      expect(await findDraftBySession(t.db, token, later(3), ring)).not.toBeNull();
      expect(await findDraftBySession(t.db, token, later(5), ring)).toBeNull();
      await startDraft(t.db, now, lifetimes);
      expect(await purgeExpiredDrafts(t.db, later(5))).toBe(1);
    });

    it('can be saved with a return code, unlinked from the browser, and picked up within 7 days', async () => {
      const { token, draft } = await startDraft(t.db, now, lifetimes);
      const answered = await answerAll(draft, [
        ['danger', 'no'],
        ['tonight', 'yes'],
      ]);
      const { code } = await saveDraftForLater(t.db, answered, now, lifetimes);
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(await findDraftBySession(t.db, token, now, ring)).toBeNull();

      expect(await resumeDraft(t.db, 'WRON-GCOD-EXXX', later(1), lifetimes)).toEqual({ kind: 'not-found' });
      const resumed = await resumeDraft(t.db, code.toLowerCase().replaceAll('-', ' '), later(24 * 6), lifetimes);
      expect(resumed.kind).toBe('resumed');
      const back = await findDraftBySession(t.db, resumed.kind === 'resumed' ? resumed.token : '', later(24 * 6), ring);
      expect(back?.state.answers).toEqual({ danger: 'no', tonight: 'yes' });
      expect(back?.savedWithCode).toBe(false);
    });

    it('open with a code once: a second use is told the code was used, and saving again gives a new code', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      const answered = await answerAll(draft, [['danger', 'no']]);
      const { code } = await saveDraftForLater(t.db, answered, now, lifetimes);
      const first = await resumeDraft(t.db, code, later(1), lifetimes);
      expect(first.kind).toBe('resumed');
      expect(await resumeDraft(t.db, code, later(2), lifetimes)).toEqual({ kind: 'already-used' });
      const holder = (await findDraftBySession(t.db, first.kind === 'resumed' ? first.token : '', later(2), ring))!;
      expect(holder.state.answers).toEqual({ danger: 'no' });
      const again = await saveDraftForLater(t.db, holder, later(2), lifetimes);
      expect(again.code).not.toBe(code);
      expect(await resumeDraft(t.db, code, later(3), lifetimes)).toEqual({ kind: 'already-used' });
      expect((await resumeDraft(t.db, again.code, later(3), lifetimes)).kind).toBe('resumed');
    });

    it('of two browsers using one code at once, exactly one gets the answers', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      const { code } = await saveDraftForLater(t.db, await answerAll(draft, [['danger', 'no']]), now, lifetimes);
      // Both start before either finishes, from two instances (on PostgreSQL, two connection
      // pools; on SQLite one connection, see TempDatabase.secondInstance). tests/e2e/self-assessment.spec.ts
      // races two browsers against the server too.
      const outcomes = await Promise.all([
        resumeDraft(t.db, code, later(1), lifetimes),
        resumeDraft(t.secondInstance(), code, later(1), lifetimes),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-used', 'resumed']);
    });

    it('saved with a code are gone after the saved lifetime', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      const { code } = await saveDraftForLater(t.db, await answerAll(draft, [['danger', 'no']]), now, lifetimes);
      expect(await resumeDraft(t.db, code, later(24 * 8), lifetimes)).toEqual({ kind: 'not-found' });
    });

    it('are deleted by quick exit', async () => {
      const { token } = await startDraft(t.db, now, lifetimes);
      expect(await discardDraft(t.db, token)).toBe(true);
      expect(await findDraftBySession(t.db, token, now, ring)).toBeNull();
    });
  });

  describe('finishing and handing off', () => {
    it('an emergency is promised contact within office hours and goes to the top of the queue with that deadline', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      // An ordinary hand-off first, overdue by the time the emergency arrives.
      const ordinary = await handOff(moderateRenter, 'housing-options', new Date('2026-12-01T10:00:00Z'));
      // Thursday 24 December 2026, 6pm: the office has closed for Christmas until Tuesday 29th.
      const evening = new Date('2026-12-24T18:00:00Z');
      const emergency = await handOff([['danger', 'yes']], 'housing-options', evening);
      expect(emergency.handoff.urgentContactBy).toBe('2026-12-29T11:00:00.000Z');
      expect(emergency.draft.state.handedOff).toMatchObject({ urgentContactBy: '2026-12-29T11:00:00.000Z', sentAt: evening.toISOString() });
      const mail = await unsentMessages(t.db, ring);
      expect(mail.find((m) => m.subject.includes(emergency.handoff.reference))!.subject).toMatch(
        /^URGENT: new hand-off .* contact by 11am on Tuesday 29 December \(emergency\)$/,
      );

      const queue = await queueRowsOf(t.db, adviser, {}, new Date('2026-12-29T09:30:00Z'), serviceRules);
      expect(queue.map((r) => r.reference)).toEqual([emergency.handoff.reference, ordinary.handoff.reference]);
      expect(queue[0]!.deadline).toMatchObject({ stage: 'acknowledge', dueAt: '2026-12-29T11:00:00.000Z', state: 'due-today' });
      expect(queue[1]!.deadline).toMatchObject({ state: 'overdue' });
      const late = await queueRowsOf(t.db, adviser, {}, new Date('2026-12-29T11:01:00Z'), serviceRules);
      expect(late[0]!.deadline).toMatchObject({ dueAt: '2026-12-29T11:00:00.000Z', state: 'overdue' });
    });

    async function handOff(steps: Array<[string, string | string[]]>, serviceId: string, at: Date) {
      const { draft } = await startDraft(t.db, at, lifetimes);
      let current = await answerAll(draft, steps, at);
      if (progressOf(current.state).current === 'checkAnswers') current = (await confirmAnswers(t.db, current, at, lifetimes)).draft;
      current = await updateDraft(
        t.db,
        current,
        {
          ...current.state,
          handoff: {
            serviceId,
            contact: { name: 'Sam Example', phone: '07700900983', email: '', preferred: 'phone' },
            safety: { voicemailOk: false, safeTimes: ['morning'], notes: '' },
          },
        },
        at,
        lifetimes,
      );
      return createHandoff(t.db, current, at, lifetimes, serviceRules);
    }

    it('counts starts and completions once, by day, with no answers stored in the counts', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      let current = await answerAll(draft, moderateRenter);
      current = (await confirmAnswers(t.db, current, now, lifetimes)).draft;
      current = await recordCompletion(t.db, current, now, lifetimes);
      current = await recordCompletion(t.db, current, now, lifetimes);
      // Changing an answer and finishing again is still one self-assessment.
      const changed = await submitAnswer(t.db, current, { step: 'benefits', raw: 'no', changing: true }, now, lifetimes);
      current = (await confirmAnswers(t.db, changed.draft, now, lifetimes)).draft;
      current = await recordCompletion(t.db, current, now, lifetimes);
      const counts = Object.fromEntries((await goalCounts(t.db, '2026-12-24', '2026-12-24')).map((c) => [c.goal, c.count]));
      expect(counts).toEqual({
        started: 1,
        completed: 1,
        'need_level:moderate': 1,
        'domain:housing': 1,
        'domain:money': 1,
        'domain:work': 1,
        'language:en': 1,
      });
    });

    it('stores the hand-off with every answer, tells the team through the outbox, and keeps only the plan in the draft', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      let current = await answerAll(draft, moderateRenter);
      current = (await confirmAnswers(t.db, current, now, lifetimes)).draft;
      const answers = current.state.answers;

      await expect(createHandoff(t.db, current, now, lifetimes, serviceRules)).rejects.toBeInstanceOf(HandoffNotReady);
      current = await updateDraft(
        t.db,
        current,
        {
          ...current.state,
          handoff: {
            serviceId: 'welfare-rights',
            contact: { name: 'Alex Example', phone: '07700900982', email: '', preferred: 'phone' },
            safety: { voicemailOk: false, safeTimes: ['morning'], notes: 'Call from a withheld number' },
          },
        },
        now,
        lifetimes,
      );
      const { handoff, draft: after } = await createHandoff(t.db, current, now, lifetimes, serviceRules);

      expect(handoff.reference).toMatch(/^HO-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(handoff.acknowledgeBy).toBe('2026-12-30');
      expect(handoff.urgentContactBy).toBeNull();
      // The answers stay for the plan (until "Finish" or expiry); the contact details do not.
      expect(after.state).toEqual({
        answers,
        confirmed: true,
        completionCounted: true,
        handedOff: {
          reference: handoff.reference,
          serviceId: 'welfare-rights',
          serviceName: 'Welfare rights and income check',
          whoContacts: 'a welfare rights adviser',
          acknowledgeBy: '2026-12-30',
          urgentContactBy: null,
          sentAt: now.toISOString(),
        },
      });

      // The team it was sent to finds it in their queue; nobody else does.
      const welfareAdviser = await insertStaff(t.db, 'adviser', 'welfare-rights');
      const [row] = await queueRowsOf(t.db, welfareAdviser, { status: 'new' }, now, serviceRules);
      const stored = (await openCase(t.db, welfareAdviser, row!.id, now, serviceRules, ring)).handoff;
      expect(stored).toMatchObject({
        reference: handoff.reference,
        teamId: 'welfare-rights',
        needLevel: 'moderate',
        status: 'new',
        answers,
        contact: { name: 'Alex Example', phone: '07700900982', email: null, preferred: 'phone' },
        safety: { voicemailOk: false, safeTimes: ['morning'], notes: 'Call from a withheld number' },
        retainUntil: '2028-12-24T10:00:00.000Z',
      });
      expect(Object.keys(stored!.answers)).toHaveLength(moderateRenter.length);
      expect(stored!.consentText).toContain('Welfare rights and income check');
      expect(await getHandoffByReference(t.db, handoff.reference.toLowerCase(), ring)).toEqual(stored);
      expect(await queueRowsOf(t.db, await insertStaff(t.db, 'adviser', 'jet-centre'), {}, now, serviceRules)).toEqual([]);
      await expect(
        queueRowsOf(t.db, await insertStaff(t.db, 'administrator', 'welfare-rights'), {}, now, serviceRules),
      ).rejects.toBeInstanceOf(NotAllowed);

      const [message] = await unsentMessages(t.db, ring);
      expect(message).toMatchObject({ to_address: 'welfarerights@harrowmere.example', related_type: 'handoff', related_id: stored!.id });
      expect(message!.subject).toContain(handoff.reference);
      // The email says what and how urgent, never who.
      expect(message!.body_text).not.toContain('Alex');
      expect(message!.body_text).not.toContain('07700');

      const counts = Object.fromEntries((await goalCounts(t.db, '2026-12-24', '2026-12-24')).map((c) => [c.goal, c.count]));
      expect(counts['route:handoff']).toBe(1);
    });

    it('sends waiting messages when SMTP is configured, and keeps failures for another try', async () => {
      const { draft } = await startDraft(t.db, now, lifetimes);
      let current = await answerAll(draft, moderateRenter);
      current = (await confirmAnswers(t.db, current, now, lifetimes)).draft;
      current = await updateDraft(
        t.db,
        current,
        {
          ...current.state,
          handoff: {
            serviceId: 'jet-centre',
            contact: { name: 'A', phone: '', email: 'a@b.example', preferred: 'email' },
            safety: { voicemailOk: false, safeTimes: [], notes: '' },
          },
        },
        now,
        lifetimes,
      );
      await createHandoff(t.db, current, now, lifetimes, serviceRules);

      const failing = await deliverOutbox(
        t.db,
        ring,
        async () => {
          throw new Error('connection refused');
        },
        'no-reply@x.example',
      );
      expect(failing).toEqual({ sent: 0, failed: 1 });
      expect((await unsentMessages(t.db, ring))[0]).toMatchObject({ attempts: 1, last_error: 'connection refused' });

      const sent: string[] = [];
      expect(await deliverOutbox(t.db, ring, async (m) => sent.push(m.to), 'no-reply@x.example')).toEqual({ sent: 1, failed: 0 });
      expect(sent).toEqual(['jet@harrowmere.example']);
      expect(await unsentMessages(t.db, ring)).toEqual([]);
    });
  });
});
