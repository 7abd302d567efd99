// Partner organisations answer referrals themselves: they see only their own organisation's
// referrals, the person's details only with consent, and their answer reaches the case at once.
import { serviceRules } from '../../src/config/service-rules.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { NotFound, UserProblem } from '../../src/server/web/problems.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { makeReferral } from '../../src/server/casework/referrals.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { answerPartnerReferral, listPartnerReferrals, openPartnerReferral } from '../../src/server/partners/partner-referrals.ts';
import { insertHandoff, insertPartner, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-25T10:00:00Z');

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
  });
  afterEach(() => t.cleanUp());

  async function referralSetUp() {
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const partner = await insertPartner(t.db, 'harrowmere-safe-at-home', { email: 'morgan@safeathome.example' });
    const otherPartner = await insertPartner(t.db, 'harrowmere-young-peoples-housing', { email: 'foyer@kilnworthfoyer.example' });
    const caseId = await insertHandoff(t.db, { createdAt: now, name: 'Jo Example' });
    return { adviser, partner, otherPartner, caseId };
  }

  describe('partner organisations', () => {
    it('see only the referrals sent to their own organisation, and the person only with consent', async () => {
      const { adviser, partner, otherPartner, caseId } = await referralSetUp();
      const shared = await makeReferral(
        t.db,
        adviser,
        caseId,
        { serviceId: 'harrowmere-domestic-abuse-service', reason: 'Safety planning', consentToShare: true },
        now,
        ring,
      );
      const notShared = await makeReferral(
        t.db,
        adviser,
        caseId,
        { serviceId: 'harrowmere-domestic-abuse-service', reason: 'Second thoughts', consentToShare: false },
        now,
        ring,
      );
      await makeReferral(t.db, adviser, caseId, { serviceId: 'council-money-advice', reason: 'Arrears', consentToShare: true }, now, ring);

      expect((await listPartnerReferrals(t.db, partner)).map((r) => r.id).sort()).toEqual([shared, notShared].sort());
      expect(await listPartnerReferrals(t.db, otherPartner)).toEqual([]);
      await expect(openPartnerReferral(t.db, otherPartner, shared, now, ring)).rejects.toBeInstanceOf(NotFound);
      await expect(listPartnerReferrals(t.db, adviser)).rejects.toBeInstanceOf(NotAllowed);

      const withConsent = await openPartnerReferral(t.db, partner, shared, now, ring);
      expect(withConsent.person).toMatchObject({ name: 'Jo Example', phone: '07700 900 123', voicemailOk: false, safeTimes: ['morning'] });
      expect(withConsent.referredBy).toBe(`${adviser.displayName}, for the council`);
      expect((await openPartnerReferral(t.db, partner, notShared, now, ring)).person).toBeNull();
      // Partners never reach the council's case record.
      await expect(openCase(t.db, partner, caseId, now, serviceRules, ring)).rejects.toBeInstanceOf(NotAllowed);
      const audit = await listAudit(t.db, await insertStaff(t.db, 'administrator', 'service-management'), { entityId: shared });
      expect(audit.map((a) => a.action)).toContain('viewed referral');
    });

    it('are told of a new referral by email, with nothing about the person in it', async () => {
      const { adviser, caseId } = await referralSetUp();
      await makeReferral(
        t.db,
        adviser,
        caseId,
        { serviceId: 'harrowmere-domestic-abuse-service', reason: 'Safety planning', consentToShare: true },
        now,
        ring,
      );
      const mail = (await unsentMessages(t.db, ring)).filter((m) => m.to_address === 'morgan@safeathome.example');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('New referral from Harrowmere Borough Council');
      const text = `${mail[0]!.subject}\n${mail[0]!.body_text}`;
      for (const personal of ['Jo Example', '07700', 'Safety planning', 'HO-']) expect(text).not.toContain(personal);
    });

    it('accept or decline with a reason; the adviser sees it on the case, and it is answered once', async () => {
      const { adviser, partner, otherPartner, caseId } = await referralSetUp();
      const id = await makeReferral(
        t.db,
        adviser,
        caseId,
        { serviceId: 'harrowmere-domestic-abuse-service', reason: 'Safety planning', consentToShare: true },
        now,
        ring,
      );
      await expect(answerPartnerReferral(t.db, partner, id, { decision: 'declined', reason: '  ' }, now, ring)).rejects.toThrow(
        'Enter why you are declining',
      );
      await expect(answerPartnerReferral(t.db, partner, id, { decision: 'maybe', reason: '' }, now, ring)).rejects.toBeInstanceOf(
        UserProblem,
      );
      await expect(answerPartnerReferral(t.db, otherPartner, id, { decision: 'accepted', reason: '' }, now, ring)).rejects.toBeInstanceOf(
        NotFound,
      );

      const both = await Promise.allSettled([
        answerPartnerReferral(t.db, partner, id, { decision: 'declined', reason: 'We have no refuge space this week' }, now, ring),
        answerPartnerReferral(t.db, partner, id, { decision: 'accepted', reason: '' }, now, ring),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);

      const record = await openCase(t.db, adviser, caseId, now, serviceRules, ring);
      const referral = record.referrals.find((r) => r.id === id)!;
      expect(referral).toMatchObject({ status: 'declined', declineReason: 'We have no refuge space this week' });
      expect(record.events.map((e) => e.summary)).toContain('Harrowmere Safe at Home (fictional) declined the referral');
    });
  });
});
