// Share codes on both databases: made from a draft (only what was chosen, sealed, the code itself
// never stored), opened with the code and the check (each view recorded, with who the viewer said
// they were), wrong tries limited per code and per address with one answer for every reason,
// ended by the person, refused once ended or expired, listed on the case without the code, sent
// by email with the code added only as the message goes, and deleted by the retention job.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { eraseOnRequest, exportSubjectAccess } from '../../src/server/casework/subject-access.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { deliverOutbox } from '../../src/server/notify/outbox.ts';
import { perHour } from '../../src/server/security/public-limits.ts';
import { SharedBuckets } from '../../src/server/security/shared-buckets.ts';
import { applyRetention } from '../../src/server/retention/retention.ts';
import type { DraftState } from '../../src/server/self-assessment/draft-state.ts';
import {
  CODE_PLACEHOLDER,
  forgetSentShareCodes,
  makeShareCode,
  shareCodeEmailBody,
  type ShareRequest,
} from '../../src/server/share/make-share-code.ts';
import { endShareCode, openShareCode, shareCodeViews, shareLimits, type CodeAndCheck } from '../../src/server/share/open-share-code.ts';
import { shareCodesOfCase } from '../../src/server/share/share-codes.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-12-07T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const REFERENCE = 'HO-7K3M-Q9PW';
const state: DraftState = {
  answers: { danger: 'yes' },
  confirmed: false,
  handedOff: { reference: REFERENCE, serviceName: 'Housing Options team', acknowledgeBy: '2026-12-09', sentAt: now.toISOString() },
};
const byBirthDate: ShareRequest = {
  parts: ['answers', 'handoff'],
  checkKind: 'birth-date',
  checkValue: '1985-03-27',
  email: null,
  mobile: null,
};
const words = { subject: 'Your share code', body: 'Your code is {code}. It works until {expires}.', text: 'Code {code} until {expires}' };
const typed = (code: string, birthDate: [string, string, string] = ['27', '3', '1985'], postcode = ''): CodeAndCheck => ({
  code,
  birthDate: { day: birthDate[0], month: birthDate[1], year: birthDate[2] },
  postcode,
});

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let handoffId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    handoffId = await insertHandoff(t.db, { createdAt: now, reference: REFERENCE });
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  const allowance = (perHourAllowed: number) =>
    new SharedBuckets(t.db, 'share-code-made', perHour(perHourAllowed), ring, () => now.getTime());
  const make = (request: ShareRequest = byBirthDate, at = now, limiter = allowance(1000)) =>
    makeShareCode(
      t.db,
      ring,
      {
        state,
        request,
        locale: 'en',
        email: words,
        expiresOn: (iso) => iso.slice(0, 10),
        limit: { limiter, address: '203.0.113.7', tooManyMessage: (seconds) => `Wait ${seconds} seconds` },
      },
      at,
    );
  /** A viewer opening the code (who they said they were, or nothing); with `viewer: null`, the person looking at its views. */
  const open = (code: CodeAndCheck, options: { address?: string; viewer?: string | null; at?: Date } = {}) => {
    const at = options.at ?? now;
    const limits = shareLimits(t.db, ring, () => at.getTime());
    const typedIn = { typed: code, address: options.address ?? '203.0.113.7', today: '2026-12-07' };
    return options.viewer === null
      ? shareCodeViews(t.db, ring, limits, typedIn, at)
      : openShareCode(t.db, ring, limits, { ...typedIn, viewer: options.viewer ?? '' }, at);
  };

  it('shows what was chosen to whoever has the code and the check, and records each view; the code is never stored', async () => {
    const { code, expiresAt } = await make();
    expect(expiresAt).toBe('2027-01-06T10:00:00.000Z');
    const opened = await open(typed(code.toLowerCase().replace(/-/g, ' ')), { viewer: '  Dr Okafor, Harrowmere Surgery  ' });
    if (opened.kind !== 'open') throw new Error(`expected the summary, got ${opened.kind}`);
    expect(opened.summary.handoff).toMatchObject({ reference: REFERENCE, service: 'Housing Options team' });
    expect(opened.summary.answers).toEqual([{ question: 'In danger or afraid of someone you live with', answers: ['Yes'] }]);
    expect(opened.summary.plan).toBeNull();
    expect(opened.progress).toEqual({ status: 'new', closedAt: null });
    // A viewer is not shown who else has looked; the person is, below.
    expect(opened).not.toHaveProperty('views');
    // Two viewers at once: both views are kept.
    await Promise.all([open(typed(code), { viewer: 'Debt adviser' }), open(typed(code), { viewer: 'Tenancy officer' })]);
    const byPerson = await open(typed(code), { viewer: null });
    expect(byPerson.kind === 'views' && byPerson.views.map((v) => v.viewer).sort()).toEqual([
      'Debt adviser',
      'Dr Okafor, Harrowmere Surgery',
      'Tenancy officer',
    ]);
    expect(byPerson.kind === 'views' && byPerson.views).toContainEqual({
      viewedAt: now.toISOString(),
      viewer: 'Dr Okafor, Harrowmere Surgery',
    });
    // At rest: neither the code, nor the answers, nor who looked can be read.
    const dump = JSON.stringify(await everything(t.db, dialect));
    for (const secret of [code, code.replace(/-/g, ''), 'In danger or afraid', 'Dr Okafor', '1985-03-27'])
      expect(dump).not.toContain(secret);
    expect((await listAudit(t.db, await insertStaff(t.db, 'administrator', 'service-management'), {})).map((r) => r.action)).toEqual(
      expect.arrayContaining(['made share code', 'viewed share code']),
    );
  });

  it('answers every wrong try the same way, and limits them per code and per address', async () => {
    const { code } = await make();
    const other = await make({ ...byBirthDate, checkKind: 'postcode', checkValue: 'HM1 1AA' });
    expect(await open(typed(code, ['28', '3', '1985']))).toEqual({ kind: 'refused' });
    expect(await open(typed('ABC-DEF-GHJ'))).toEqual({ kind: 'refused' });
    expect(await open(typed('not a code at all'))).toEqual({ kind: 'refused' });
    // The other code's check is a postcode: a date of birth does not open it, its postcode does (any spacing).
    expect(await open(typed(other.code))).toEqual({ kind: 'refused' });
    expect((await open(typed(other.code, ['', '', ''], 'hm11aa'), { address: '198.51.100.1' })).kind).toBe('open');
    // Five wrong tries for one code (one above, four here), from different addresses: the code waits, even with the right check.
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'])
      expect(await open(typed(code, ['1', '1', '1990']), { address })).toEqual({ kind: 'refused' });
    const waiting = await open(typed(code), { address: '192.0.2.99' });
    expect(waiting.kind).toBe('wait');
    expect(waiting.kind === 'wait' && waiting.seconds).toBeGreaterThan(0);
    // Ten wrong tries from one address (different codes): that address waits; another does not.
    for (let i = 0; i < 10; i += 1) await open(typed(`ZZZ-ZZZ-ZZ${'ABCDEFGHJK'[i]}`), { address: '203.0.113.50' });
    expect((await open(typed(other.code, ['', '', ''], 'HM1 1AA'), { address: '203.0.113.50' })).kind).toBe('wait');
    expect((await open(typed(other.code, ['', '', ''], 'HM1 1AA'), { address: '203.0.113.51' })).kind).toBe('open');
  });

  it('ends at once when the person ends it, and at 30 days; the retention job then deletes it and its views', async () => {
    const { code } = await make();
    await open(typed(code), { viewer: 'GP' });
    const limits = shareLimits(t.db, ring, () => now.getTime());
    expect(
      await endShareCode(t.db, ring, limits, { typed: typed(code, ['2', '2', '2000']), address: '203.0.113.7', today: '2026-12-07' }, now),
    ).toEqual({ kind: 'refused' });
    expect(await endShareCode(t.db, ring, limits, { typed: typed(code), address: '203.0.113.7', today: '2026-12-07' }, now)).toEqual({
      kind: 'no-longer',
      state: 'ended',
    });
    expect(await open(typed(code), { viewer: 'GP' })).toEqual({ kind: 'no-longer', state: 'ended' });
    const second = await make();
    expect(await open(typed(second.code), { at: later(30 * 24 * 60 - 1) })).toMatchObject({ kind: 'open' });
    expect(await open(typed(second.code), { at: later(30 * 24 * 60) })).toEqual({ kind: 'no-longer', state: 'expired' });
    // Staff see both on the case, with the views, never a code.
    const listed = await shareCodesOfCase(t.db, ring, adviser, handoffId, later(1));
    expect(listed.map((c) => c.state).sort()).toEqual(['active', 'ended']);
    expect(JSON.stringify(listed)).not.toContain(code);
    expect(listed.find((c) => c.state === 'ended')!.views).toEqual([{ viewedAt: now.toISOString(), viewer: 'GP' }]);
    await expect(shareCodesOfCase(t.db, ring, { ...adviser, role: 'partner' }, handoffId, now)).rejects.toThrow(NotAllowed);
    // Retention: nothing before the 30 days are up; everything after.
    expect((await applyRetention(t.db, later(60), serviceRules)).shareCodes).toBe(0);
    expect((await applyRetention(t.db, later(30 * 24 * 60 + 1), serviceRules)).shareCodes).toBe(2);
    expect(await t.db.selectFrom('share_view').select('id').execute()).toEqual([]);
  });

  it('limits the codes one address makes in an hour (each can send an email or a text), saying how long to wait', async () => {
    const limiter = allowance(2);
    await make(byBirthDate, now, limiter);
    await make({ ...byBirthDate, mobile: '07700900982' }, now, limiter);
    await expect(make({ ...byBirthDate, mobile: '07700900982' }, now, limiter)).rejects.toMatchObject({
      status: 429,
      field: 'parts',
      message: 'Wait 1800 seconds',
    });
    expect(await t.db.selectFrom('share_code').select('id').execute()).toHaveLength(2);
    expect(await t.db.selectFrom('outbox_message').select('id').where('related_type', '=', 'share_code').execute()).toHaveLength(1);
  });

  it('is in the subject access export with its views, and goes when the case is erased on request', async () => {
    const { code } = await make();
    await open(typed(code), { viewer: 'Citizens Advice' });
    const manager = await insertStaff(t.db, 'manager', 'housing-options');
    const exported = await exportSubjectAccess(t.db, manager, handoffId, now, serviceRules, ring, 'json');
    expect(exported.shareCodes).toEqual([
      expect.objectContaining({
        parts: ['answers', 'handoff'],
        state: 'active',
        views: [{ viewedAt: now.toISOString(), viewer: 'Citizens Advice' }],
      }),
    ]);
    await eraseOnRequest(t.db, manager, handoffId, { reason: 'Asked by phone, identity checked', confirmReference: REFERENCE }, now);
    expect(await t.db.selectFrom('share_code').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('share_view').select('id').execute()).toEqual([]);
    expect(await open(typed(code))).toEqual({ kind: 'refused' });
  });

  it('sends the code by email and by text with the code added only as each goes; forgets it after the last; not once ended', async () => {
    const { code } = await make({ ...byBirthDate, email: 'person@example.com', mobile: '07700900982' });
    const queued = await t.db.selectFrom('outbox_message').selectAll().where('related_type', '=', 'share_code').execute();
    expect(queued).toHaveLength(2);
    for (const message of queued) {
      expect(message.body_text).toContain(CODE_PLACEHOLDER);
      expect(message.body_text).not.toContain(code);
    }
    const sent: Array<{ to: string; text: string }> = [];
    const compose = { share_code: (m: { relatedId: string; body: string }) => shareCodeEmailBody(t.db, ring, m, now) };
    expect(await deliverOutbox(t.db, ring, async ({ to, text }) => void sent.push({ to, text }), 'from@example.com', { compose })).toEqual({
      sent: 2,
      failed: 0,
    });
    expect(sent.sort((a, b) => a.to.localeCompare(b.to))).toEqual([
      { to: '07700900982', text: `Code ${code} until 2027-01-06` },
      { to: 'person@example.com', text: `Your code is ${code}. It works until 2027-01-06.` },
    ]);
    // A send that fails is tried again with the code; once no message waits, the code is forgotten.
    expect(await shareCodeEmailBody(t.db, ring, { relatedId: queued[0]!.related_id, body: queued[0]!.body_text }, now)).toContain(code);
    expect(await forgetSentShareCodes(t.db)).toBe(1);
    const row = await t.db.selectFrom('share_code').select('code_for_sending').executeTakeFirstOrThrow();
    expect(row.code_for_sending).toBeNull();
    expect(await shareCodeEmailBody(t.db, ring, { relatedId: queued[0]!.related_id, body: queued[0]!.body_text }, now)).toBeNull();
    const message = queued[0]!;
    const ended = await make({ ...byBirthDate, email: 'person@example.com' });
    await endShareCode(t.db, ring, shareLimits(t.db, ring), { typed: typed(ended.code), address: '203.0.113.7', today: '2026-12-07' }, now);
    const waiting = await t.db
      .selectFrom('outbox_message')
      .select(['related_id', 'body_text'])
      .where('related_type', '=', 'share_code')
      .where('related_id', '!=', message.related_id)
      .executeTakeFirstOrThrow();
    expect(await shareCodeEmailBody(t.db, ring, { relatedId: waiting.related_id, body: waiting.body_text }, now)).toBeNull();
  });
});
