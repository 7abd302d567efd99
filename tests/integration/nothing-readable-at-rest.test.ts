// Nothing a person or their adviser wrote is readable at rest: a case worked from hand-off to
// follow-up (the person's answers and contact details, the adviser's notes, plan, referral and its
// answers, a partner's answer and contact note, follow-up notes, an expression of interest in a
// home, the email waiting in the outbox) is written through the use cases, then every value typed
// is looked for in every table (both databases) and, on SQLite, in the bytes of the database file,
// its write-ahead log and a backup made by `npm run db:backup`. Each is read back whole by the
// pages' own reads. The same journey with one column left plain would fail: the last test proves
// the search finds a value when it is there.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { selfAssessment } from '../../src/config/self-assessment.ts';
import { dueParts } from '../../src/domain/casework/plan.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { addNote, claimCase, closeCase, completeStage } from '../../src/server/casework/case-actions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { recordFollowUp } from '../../src/server/casework/follow-ups.ts';
import { savePlan } from '../../src/server/casework/plans.ts';
import { makeReferral, updateReferral } from '../../src/server/casework/referrals.ts';
import { backupDatabase } from '../../src/server/db/backup.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { makeHandoff } from '../../src/server/handoffs/create-handoff.ts';
import { expressInterest } from '../../src/server/homes/interest.ts';
import { homeFilterFrom, searchHomes } from '../../src/server/homes/listing.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { answerPartnerReferral, openPartnerReferral, recordPartnerContact } from '../../src/server/partners/partner-referrals.ts';
import { startDraft, updateDraft } from '../../src/server/self-assessment/drafts.ts';
import { insertPartner, insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type Dialect, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2027-01-12T11:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

/** Every value typed in the journey, each one the search must not find. */
const typed = {
  name: 'Zoë Quillfeather',
  phone: '07700 900 457',
  email: 'zoe.quillfeather@mail.example',
  safetyNotes: 'Partner reads my texts after six',
  draftName: 'Ottoline Brackenfold',
  stageNote: 'Left word with her sister Ffion at the Wexcombe number',
  note: 'Landlord Mr Pellowby says the arrears are now £2,340',
  planGoal: 'Keep the flat on Larkspur Row',
  planAction: 'Apply to the Tresillian hardship fund by Friday',
  referralReason: 'Catalogue debt with Marisol Credit, agreed she wants advice',
  declineReason: 'We only cover Wexcombe postcodes, try Harrowmere Citizens Advice',
  partnerReason: 'Accepted, Saoirse from our team will ring her',
  partnerContact: 'Spoke to her on Tuesday, she is staying with Ffion for now',
  result: 'Repayment plan of £15 a week with Marisol Credit',
  followUpNotes: 'Moved to a one-bed flat on Quenby Close, working at the bakery',
  interestName: 'Kai Morgan-Tresillian',
  interestPhone: '07700 900 318',
  interestEmail: 'kai.tresillian@mail.example',
  interestTimes: 'Only after the school run on Thursdays',
};
/** The phone numbers also as digits, as a lookup might have kept them. */
const searched = [...Object.values(typed), '07700900457', '07700900318', 'Quillfeather', 'Pellowby', 'Larkspur', 'Quenby'];

/** A fresh database for each test, and the journey that fills it. */
function journeyOn(dialect: Dialect) {
  let t: TempDatabase;
  let adviser: Actor;
  let partner: Actor;
  let folder: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    folder = mkdtempSync(path.join(tmpdir(), 'ho-at-rest-'));
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
    await seedDemoHomes(t.db, now);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya' });
    partner = await insertPartner(t.db, 'harrowmere-safe-at-home');
  }, 60_000);
  afterEach(async () => {
    await t.cleanUp();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The whole journey through the use cases; the case's id. */
  async function workACase(): Promise<string> {
    const service = selfAssessment.services.find((s) => s.id === 'housing-options')!;
    const { id } = await t.db.transaction().execute((trx) =>
      makeHandoff(
        trx,
        {
          service,
          answers: { danger: 'no', tonight: 'yes', homeType: 'privateRenter', noticeReceived: 'section21' },
          need: { level: 'high', label: 'High', planStepIds: ['section-21'], domains: ['housing'] },
          contact: { name: typed.name, phone: typed.phone, email: typed.email, preferred: 'phone' },
          safety: { voicemailOk: false, safeTimes: ['morning'], notes: typed.safetyNotes },
          consentText: 'I agree.',
          receivedAt: now,
        },
        serviceRules,
        ring,
      ),
    );
    const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
    const { draft } = await startDraft(t.db, now, lifetimes);
    const contact = { name: typed.draftName, phone: '', email: '', preferred: 'phone' as const };
    await updateDraft(t.db, draft, { answers: { danger: 'no' }, confirmed: false, handoff: { contact } }, now, lifetimes);

    await claimCase(t.db, adviser, id, now, ring);
    await completeStage(t.db, adviser, id, 'acknowledge', typed.stageNote, now, serviceRules, ring);
    await addNote(t.db, adviser, id, { kind: 'note', text: typed.note }, now, serviceRules, ring);
    const row = {
      area: 'housing',
      goal: typed.planGoal,
      action: typed.planAction,
      owner: 'person',
      partner: '',
      ...dueParts('2027-02-01'),
      status: 'to_do',
    };
    await savePlan(t.db, adviser, id, [row], now, ring);
    // Referred twice: the money service declines (the adviser records why), the partner accepts.
    const money = await makeReferral(
      t.db,
      adviser,
      id,
      { serviceId: 'council-money-advice', reason: typed.referralReason, consentToShare: true },
      now,
      ring,
    );
    await updateReferral(t.db, adviser, id, money, { status: 'declined', declineReason: typed.declineReason, result: '' }, now, ring);
    const safety = await makeReferral(
      t.db,
      adviser,
      id,
      { serviceId: 'harrowmere-domestic-abuse-service', reason: typed.referralReason, consentToShare: true },
      now,
      ring,
    );
    await answerPartnerReferral(t.db, partner, safety, { decision: 'accepted', reason: typed.partnerReason }, now, ring);
    await recordPartnerContact(t.db, partner, safety, typed.partnerContact, now, serviceRules, ring);
    await updateReferral(t.db, adviser, id, safety, { status: 'accepted', declineReason: '', result: typed.result }, now, ring);
    const { followUpsDue } = await closeCase(t.db, adviser, id, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring);
    const firstFollowUp = await t.db
      .selectFrom('follow_up')
      .select('id')
      .where('handoff_id', '=', id)
      .where('due_on', '=', followUpsDue[0]!)
      .executeTakeFirstOrThrow();
    await recordFollowUp(
      t.db,
      adviser,
      firstFollowUp.id,
      { stillHoused: 'yes', inWorkOrTraining: 'yes', financiallySecure: 'yes', notes: typed.followUpNotes },
      later(90),
      ring,
    );

    const advertId = (await searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, localDate(now), pageRequest(1, 1))).rows[0]!.id;
    await expressInterest(
      t.db,
      advertId,
      {
        name: typed.interestName,
        phone: typed.interestPhone,
        email: typed.interestEmail,
        preferred: 'email',
        voicemail: 'no',
        safeTimes: typed.interestTimes,
        householdSize: '2',
        stepFree: 'no',
        reference: '',
        consent: 'yes',
      },
      now,
      ring,
    );
    return id;
  }
  return { database: () => t, folder: () => folder, adviser: () => adviser, partner: () => partner, workACase };
}

describe.each(DIALECTS)('on %s', (dialect) => {
  const journey = journeyOn(dialect);
  it('keeps nothing typed readable in any table, and the pages read every value back whole', async () => {
    const id = await journey.workACase();
    const dump = JSON.stringify(await everything(journey.database().db, dialect));
    for (const value of searched) expect(dump, value).not.toContain(value);

    const record = await openCase(journey.database().db, journey.adviser(), id, later(90), serviceRules, ring);
    const timeline = record.events.map((e) => `${e.summary} ${e.detail ?? ''}`).join('\n');
    for (const value of [typed.stageNote, typed.note, typed.referralReason, typed.declineReason, typed.partnerReason, typed.partnerContact])
      expect(timeline, value).toContain(value);
    expect(record.plan!.items[0]).toMatchObject({ goal: typed.planGoal, action: typed.planAction });
    expect(record.referrals.map((r) => [r.reason, r.declineReason, r.result])).toEqual([
      [typed.referralReason, typed.declineReason, null],
      [typed.referralReason, null, typed.result],
    ]);
    expect(record.followUps.map((f) => f.notes)).toEqual([typed.followUpNotes, null]);
    const seen = await openPartnerReferral(journey.database().db, journey.partner(), record.referrals[1]!.id, later(90), ring);
    expect(seen).toMatchObject({ reason: typed.referralReason, person: { name: typed.name, safetyNotes: typed.safetyNotes } });
    expect((await unsentMessages(journey.database().db, ring)).map((m) => m.to_address)).toContain(typed.interestEmail);
  }, 60_000);
});

describe('on SQLite, the bytes on disk', () => {
  const dialect = 'sqlite';
  const journey = journeyOn(dialect);
  it('keeps nothing typed in the bytes of the database file, its write-ahead log or a backup', async () => {
    await journey.workACase();
    const file = journey.database().filename;
    const wal = readFileSync(`${file}-wal`);
    // The log holds the journey's pages (nothing has been checkpointed yet), so it is a real place to look.
    expect(wal.length).toBeGreaterThan(100_000);
    const backup = path.join(journey.folder(), 'backup.db');
    await backupDatabase(journey.database().location, backup);
    const places = { file: readFileSync(file), wal, backup: readFileSync(backup) };
    for (const [place, bytes] of Object.entries(places))
      for (const value of searched) expect(bytes.includes(Buffer.from(value, 'utf8')), `${value} in the ${place}`).toBe(false);
  }, 60_000);

  it('finds a value left readable, so the search above can fail', async () => {
    const id = await journey.workACase();
    await journey
      .database()
      .db.updateTable('case_event')
      .set({ detail: typed.note, data_key_id: null })
      .where('handoff_id', '=', id)
      .execute();
    const file = journey.database().filename;
    expect(readFileSync(`${file}-wal`).includes(Buffer.from(typed.note, 'utf8'))).toBe(true);
    expect(JSON.stringify(await everything(journey.database().db, dialect))).toContain(typed.note);
  }, 60_000);
});
