// An emergency, as the person, the council and a partner each see it, on both databases: the
// promise counts only the times the person said are safe to call (or says none is in office
// hours); a person who chose the local domestic abuse service has their emergency first in the
// partner's list, with the time promised in the partner's name and an urgent email that says
// nothing about them; the partner's recorded contact acknowledges the hand-off, so the council's
// queue stops asking anyone to call and says who did; a decline is flagged on the queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { consentParties, serviceRules } from '../../src/config/service-rules.ts';
import type { SafeContact } from '../../src/domain/handoff/contact-details.ts';
import { zonedInstant } from '../../src/domain/time/office-hours.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { queueRows } from '../../src/server/casework/queue-page.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { consentStatement } from '../../src/domain/handoff/consent.ts';
import { makeHandoff } from '../../src/server/handoffs/create-handoff.ts';
import { serviceById } from '../../src/server/handoffs/handoff-record.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import {
  answerPartnerReferral,
  listPartnerReferrals,
  openPartnerReferral,
  recordPartnerContact,
  waitingEmergency,
} from '../../src/server/partners/partner-referrals.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { insertPartner, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Saturday 28 November 2026, 7:30pm: the office opens again on Monday 30 November at 9am.
const saturdayEvening = zonedInstant('2026-11-28', '19:30');
const london = (date: string, time: string) => zonedInstant(date, time).toISOString();

describe.each(DIALECTS)('an emergency on %s', (dialect) => {
  let t: TempDatabase;
  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, saturdayEvening);
  });
  afterEach(() => t.cleanUp());

  /** A person in danger asks to be contacted (as the self-assessment's last step does). */
  function sendEmergency(serviceId: string, safety: SafeContact, at = saturdayEvening) {
    const service = serviceById(serviceId)!;
    return t.db.transaction().execute((trx) =>
      makeHandoff(
        trx,
        {
          service,
          answers: { danger: 'yes' },
          need: { level: 'emergency', label: 'Emergency', planStepIds: ['danger'], domains: ['support'] },
          contact: { name: 'Riley Example', phone: '07700 900 508', email: '', preferred: 'phone' },
          safety,
          consentText: consentStatement(service, consentParties(service)),
          receivedAt: at,
        },
        serviceRules,
        ring,
      ),
    );
  }

  it('is promised contact in the first safe office hours, or told plainly that none of its safe times is in office hours', async () => {
    const morning = await sendEmergency('housing-options', { voicemailOk: false, safeTimes: ['morning'], notes: '' });
    expect(morning).toMatchObject({ urgentContactBy: london('2026-11-30', '11:00'), noSafeTimeInOfficeHours: false });
    const afternoon = await sendEmergency('housing-options', { voicemailOk: false, safeTimes: ['afternoon'], notes: '' });
    expect(afternoon).toMatchObject({ urgentContactBy: london('2026-11-30', '14:00'), noSafeTimeInOfficeHours: false });
    // Only early evening: no call can be promised; the team's own limit is the plain one.
    const evening = await sendEmergency('housing-options', { voicemailOk: false, safeTimes: ['evening'], notes: '' });
    expect(evening).toMatchObject({ urgentContactBy: london('2026-11-30', '11:00'), noSafeTimeInOfficeHours: true });

    // The adviser sees the safe times beside the deadline.
    const manager = await insertStaff(t.db, 'manager', 'service-management');
    const monday = new Date(london('2026-11-30', '08:00'));
    const rows = (
      await queueRows(
        t.db,
        manager,
        { text: '', status: '', needLevel: '', serviceId: '', assignee: '', due: '' },
        1,
        monday,
        serviceRules,
        ring,
      )
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(morning.id)!.safeToCall).toEqual({ times: ['Morning (9am to 12pm)'], noneInOfficeHours: false });
    expect(byId.get(evening.id)!.safeToCall).toEqual({ times: ['Early evening (5pm to 7pm)'], noneInOfficeHours: true });
    // Soonest due first: the afternoon one comes after both morning ones.
    expect(rows.map((r) => r.id).indexOf(afternoon.id)).toBe(2);
  });

  it('reaches the partner first in its list, urgently and by email, and its contact clears the council queue', async () => {
    const partner = await insertPartner(t.db, 'harrowmere-safe-at-home', { email: 'morgan@safeathome.example' });
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    // An older, ordinary referral to the same partner, to show the emergency goes before it.
    const ordinary = await sendEmergency(
      'domestic-abuse-support',
      { voicemailOk: true, safeTimes: ['afternoon'], notes: '' },
      zonedInstant('2026-11-20', '10:00'),
    );
    await t.db.updateTable('handoff').set({ need_level: 'high', urgent_contact_by: null }).where('id', '=', ordinary.id).execute();
    const handoff = await sendEmergency('domestic-abuse-support', {
      voicemailOk: false,
      safeTimes: ['morning'],
      notes: 'Withhold your number',
    });

    const list = await listPartnerReferrals(t.db, partner);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      reference: handoff.reference,
      needLevel: 'emergency',
      promisedBy: london('2026-11-30', '11:00'),
      status: 'sent',
    });
    expect(waitingEmergency(list[0]!)).toBe(true);
    expect(waitingEmergency(list[1]!)).toBe(false);

    // The email says it is urgent, and by when, with nothing about the person.
    const mail = (await unsentMessages(t.db, ring)).filter(
      (m) => m.to_address === 'morgan@safeathome.example' && m.related_id === list[0]!.id,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('URGENT: emergency referral from Harrowmere Borough Council, contact by 11am on Monday 30 November');
    expect(mail[0]!.body_text).toContain(
      'This is an emergency. The person was told that your service would try to contact them by 11am on Monday 30 November.',
    );
    for (const personal of ['Riley', '07700', 'Withhold', handoff.reference])
      expect(`${mail[0]!.subject}\n${mail[0]!.body_text}`).not.toContain(personal);

    // The council's queue asks for contact until the partner has made it.
    const monday = new Date(london('2026-11-30', '09:40'));
    const before = (await listQueue(t.db, adviser, {}, monday, serviceRules, ring)).rows.find((r) => r.id === handoff.id)!;
    expect(before.deadline?.dueAt).toBe(london('2026-11-30', '11:00'));
    await expect(recordPartnerContact(t.db, partner, list[0]!.id, '', monday, serviceRules, ring)).rejects.toThrow(
      'Accept the referral before you record contact',
    );
    await answerPartnerReferral(t.db, partner, list[0]!.id, { decision: 'accepted', reason: '' }, monday, ring);
    await recordPartnerContact(t.db, partner, list[0]!.id, 'Safety plan started.', monday, serviceRules, ring);
    await expect(recordPartnerContact(t.db, partner, list[0]!.id, '', monday, serviceRules, ring)).rejects.toThrow('already been recorded');

    const after = (await listQueue(t.db, adviser, {}, monday, serviceRules, ring)).rows.find((r) => r.id === handoff.id)!;
    expect(after.deadline?.dueAt).toBeUndefined();
    expect(after.status).toBe('acknowledged');
    expect(after.contactedBy).toEqual(['Harrowmere Safe at Home (fictional)']);
    const record = await openCase(t.db, adviser, handoff.id, monday, serviceRules, ring);
    expect(record.events.map((e) => e.summary)).toContain(
      'Harrowmere Safe at Home (fictional) spoke to them (the hand-off is acknowledged)',
    );
    expect(record.referrals[0]!.contactedAt).toBe(monday.toISOString());
    const seen = await openPartnerReferral(t.db, partner, list[0]!.id, monday, ring);
    expect(seen).toMatchObject({ contactedAt: monday.toISOString(), contactedByName: partner.displayName });
    expect(waitingEmergency((await listPartnerReferrals(t.db, partner)).find((r) => r.id === list[0]!.id)!)).toBe(false);
  });

  it('flags a partner’s decline on the adviser’s queue', async () => {
    const partner = await insertPartner(t.db, 'harrowmere-safe-at-home');
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const handoff = await sendEmergency('domestic-abuse-support', { voicemailOk: false, safeTimes: ['morning'], notes: '' });
    const [referral] = await listPartnerReferrals(t.db, partner);
    await answerPartnerReferral(
      t.db,
      partner,
      referral!.id,
      { decision: 'declined', reason: 'No refuge space this week' },
      saturdayEvening,
      ring,
    );
    const row = (await listQueue(t.db, adviser, {}, saturdayEvening, serviceRules, ring)).rows.find((r) => r.id === handoff.id)!;
    expect(row.declinedBy).toEqual(['Harrowmere Safe at Home (fictional)']);
    // Declined, it is no longer first in the partner's list as a waiting emergency.
    await expect(recordPartnerContact(t.db, partner, referral!.id, '', saturdayEvening, serviceRules, ring)).rejects.toThrow(
      'You declined this referral',
    );
  });
});
