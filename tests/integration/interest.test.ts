// Expressions of interest and the shortlist on each database: one per person per advert, the
// shortlist ordered by housing need from the linked assessment, and letting a home through to the
// tenant's case outcome and follow-ups, with the others told kindly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { closeCase, claimCase } from '../../src/server/casework/case-actions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import {
  decideInterest,
  expressInterest,
  InterestProblem,
  interestErrors,
  shortlist,
  type InterestInput,
} from '../../src/server/homes/interest.ts';
import { homeFilterFrom, publicAdvert, searchHomes } from '../../src/server/homes/listing.ts';
import { advertsForOfficers } from '../../src/server/homes/officer-adverts.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { everything } from '../support/every-row.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { openColumns } from '../../src/server/security/secrets/sealing.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);
const person = (over: Partial<InterestInput> = {}): InterestInput => ({
  name: 'Kai Morgan',
  phone: '07700 900 321',
  email: 'kai@example.com',
  preferred: 'email',
  voicemail: 'no',
  safeTimes: 'Weekday mornings',
  householdSize: '2',
  stepFree: 'no',
  reference: '',
  consent: 'yes',
  ...over,
});

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;
  let advertId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDemoHomes(t.db, now);
    officer = await insertStaff(t.db, 'private_sector_officer', 'housing-options', { name: 'Olu' });
    advertId = (await searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, today, pageRequest(1, 1))).rows[0]!.id;
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('checks each field and says what is wrong', () => {
    expect(
      interestErrors(
        person({
          name: '',
          phone: '',
          email: '',
          preferred: 'phone',
          voicemail: '',
          householdSize: '0',
          stepFree: '',
          reference: 'nonsense',
          consent: '',
        }),
      ).map((e) => e.field),
    ).toEqual(['name', 'phone', 'preferred', 'voicemail', 'household-size', 'step-free', 'reference', 'consent']);
  });

  it('refuses hidden or reordering characters and markup in an address, and keeps the name in one Unicode form', async () => {
    const messages = (over: Partial<InterestInput>) => interestErrors(person(over)).map((e) => e.message);
    expect(messages({ name: 'Kai\u202eevil' })).toContain('Your name must not include characters that change the direction of the text');
    expect(messages({ name: 'Kai\nMorgan' })).toContain('Your name must be on one line');
    expect(messages({ name: '\u200b' })).toContain('Enter your name');
    expect(messages({ safeTimes: 'after 6\u0007' })).toContain('When to contact you must not include hidden control characters');
    expect(messages({ email: '<b>kai</b>@example.com' })).toContain('Enter an email address in the right format, like name@example.com');
    await expressInterest(t.db, advertId, person({ name: ' Zoe\u0308 Morgan ' }), now, ring);
    const stored = await t.db.selectFrom('advert_interest').select(['id', 'name', 'data_key_id']).execute();
    expect(stored.map((r) => r.name)).not.toContain('Zoë Morgan'); // encrypted at rest
    expect(stored.map((r) => openColumns(ring, 'advert_interest', r.id, r, ['name']).name)).toEqual(['Zoë Morgan']);
  });

  it('takes one expression of interest per person per advert, with a reference, emailed to them', async () => {
    const { reference } = await expressInterest(t.db, advertId, person(), now, ring);
    expect(reference).toMatch(/^EI-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(expressInterest(t.db, advertId, person({ name: 'K Morgan', email: 'KAI@example.com' }), now, ring)).rejects.toThrow(
      'already told us',
    );
    const emails = (await unsentMessages(t.db, ring)).map(({ to_address, subject }) => ({ to_address, subject }));
    expect(emails).toEqual([{ to_address: 'kai@example.com', subject: expect.stringContaining(reference) }]);
    // Waiting to be sent, the person's address is as unreadable in the database as their interest itself.
    expect(JSON.stringify(await everything(t.db, dialect)).toLowerCase()).not.toContain('kai@example.com');
    await expect(
      expressInterest(t.db, advertId, person({ email: 'other@example.com', reference: 'HO-AAAA-BBBB' }), now, ring),
    ).rejects.toBeInstanceOf(InterestProblem);
    // Not after the advert has gone from the listing.
    await expect(
      expressInterest(t.db, advertId, person({ email: 'late@example.com' }), new Date('2027-06-01T10:00:00Z'), ring),
    ).rejects.toThrow('no longer taking interest');
  });

  it('knows a person again by their phone or email however it is typed, even when two sends race', async () => {
    const phoneOnly = (phone: string) => person({ email: '', preferred: 'phone', phone });
    await expressInterest(t.db, advertId, phoneOnly('07700 900 321'), now, ring);
    for (const phone of ['+44 7700 900321', '(07700) 900-321', '447700900321']) {
      await expect(expressInterest(t.db, advertId, phoneOnly(phone), now, ring), phone).rejects.toThrow('already told us');
    }
    await expressInterest(t.db, advertId, person({ email: 'Sam.Race@Example.com ' }), now, ring);
    await expect(expressInterest(t.db, advertId, person({ email: 'sam.race@example.com' }), now, ring)).rejects.toThrow('already told us');
    // Two sends of the same form at once: one is taken, the other told it is already there.
    const both = await Promise.allSettled([
      expressInterest(t.db, advertId, person({ email: 'twice@example.com' }), now, ring),
      expressInterest(t.db, advertId, person({ email: 'twice@example.com' }), now, ring),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.objectContaining({ message: expect.stringContaining('already told us') }),
    });
    expect(await t.db.selectFrom('advert_interest').select('id').execute()).toHaveLength(3);
  });

  it('tries another reference when the random one is already taken, and says so when the generator is broken', async () => {
    const references = ['EI-AAAA-BBBB', 'EI-AAAA-BBBB', 'EI-CCCC-DDDD'];
    const next = () => references.shift()!;
    expect((await expressInterest(t.db, advertId, person({ email: 'one@example.com' }), now, ring, undefined, next)).reference).toBe(
      'EI-AAAA-BBBB',
    );
    expect((await expressInterest(t.db, advertId, person({ email: 'two@example.com' }), now, ring, undefined, next)).reference).toBe(
      'EI-CCCC-DDDD',
    );
    await expect(
      expressInterest(t.db, advertId, person({ email: 'three@example.com' }), now, ring, undefined, () => 'EI-AAAA-BBBB'),
    ).rejects.toThrow('reference generator is broken');
    expect(await t.db.selectFrom('advert_interest').select('id').execute()).toHaveLength(2);
  });

  it('orders the shortlist by need from the linked assessment, then by date, and says why', async () => {
    const high = await insertHandoff(t.db, { createdAt: now, needLevel: 'high', reference: 'HO-HIGH-AAAA' });
    await insertHandoff(t.db, { createdAt: now, needLevel: 'low', reference: 'HO-LOWW-AAAA' });
    await expressInterest(t.db, advertId, person({ email: 'first@example.com' }), now, ring);
    await expressInterest(
      t.db,
      advertId,
      person({ email: 'low@example.com', reference: 'ho loww aaaa' }),
      new Date(now.getTime() + 60_000),
      ring,
    );
    await expressInterest(
      t.db,
      advertId,
      person({ email: 'high@example.com', reference: 'HO-HIGH-AAAA' }),
      new Date(now.getTime() + 120_000),
      ring,
    );
    const list = await shortlist(t.db, officer, advertId, ring);
    expect(list.map((p) => p.email)).toEqual(['high@example.com', 'low@example.com', 'first@example.com']);
    expect(list.map((p) => p.orderReason)).toEqual([
      'High need, from their assessment (HO-HIGH-AAAA)',
      'Low need, from their assessment (HO-LOWW-AAAA)',
      'No assessment linked: in the order they asked',
    ]);
    expect(list[0]!.handoffId).toBe(high);
    expect(list[0]).toMatchObject({ voicemailOk: false, safeTimes: 'Weekday mornings' });
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    await expect(shortlist(t.db, adviser, advertId, ring)).rejects.toBeInstanceOf(NotAllowed);
  });

  it('letting the home closes the advert, tells the others kindly, and gives the tenant’s case its outcome and follow-ups', async () => {
    const caseId = await insertHandoff(t.db, { createdAt: now, needLevel: 'high', reference: 'HO-TENA-NTAA' });
    await expressInterest(t.db, advertId, person({ email: 'tenant@example.com', reference: 'HO-TENA-NTAA' }), now, ring);
    await expressInterest(t.db, advertId, person({ email: 'other@example.com' }), now, ring);
    await expressInterest(t.db, advertId, person({ email: 'refused@example.com', phone: '07700 900 999' }), now, ring);
    const [tenant, ...rest] = await shortlist(t.db, officer, advertId, ring);
    const refused = rest.find((p) => p.email === 'refused@example.com')!;
    const decide = (
      id: string,
      action: string,
      extra: Partial<{ reason: string; startDay: string; startMonth: string; startYear: string; rent: string }> = {},
    ) =>
      decideInterest(
        t.db,
        officer,
        id,
        { action, reason: '', startDay: '', startMonth: '', startYear: '', rent: '', ...extra },
        now,
        serviceRules,
        ring,
      );
    await expect(decide(refused.id, 'refused')).rejects.toThrow('Enter why it was refused');
    await decide(refused.id, 'refused', { reason: 'Refused by the person: too far from school' });
    await decide(tenant!.id, 'viewing');
    await decide(tenant!.id, 'offered');
    await expect(decide(tenant!.id, 'let', { startDay: '31', startMonth: '2', startYear: '2027', rent: '675' })).rejects.toThrow(
      'The tenancy start date must be a real date',
    );
    await decide(tenant!.id, 'let', { startDay: '4', startMonth: '1', startYear: '2027', rent: '£675' });

    const after = await shortlist(t.db, officer, advertId, ring);
    expect(Object.fromEntries(after.map((p) => [p.email, p.status]))).toEqual({
      'tenant@example.com': 'let',
      'other@example.com': 'not_chosen',
      'refused@example.com': 'refused',
    });
    expect(await publicAdvert(t.db, advertId, today)).toBeNull();
    expect((await advertsForOfficers(t.db, officer, today, pageRequest(1, 50))).rows.find((a) => a.id === advertId)!.hiddenBecause).toEqual(
      ['The home has been let'],
    );
    const told = (await unsentMessages(t.db, ring)).filter((m) => m.subject.includes('has been let'));
    expect(told.map((m) => m.to_address)).toEqual(['other@example.com']);
    const tenancy = await t.db.selectFrom('tenancy').selectAll().executeTakeFirstOrThrow();
    expect(tenancy).toMatchObject({ starts_on: '2027-01-04', rent_pcm: 67_500, handoff_id: caseId });

    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const record = await openCase(t.db, adviser, caseId, now, serviceRules, ring);
    expect(record.outcomes.map((o) => o.code)).toEqual(['private-rented-secured']);
    const followUps = await t.db
      .selectFrom('follow_up')
      .select(['months_after', 'due_on'])
      .where('handoff_id', '=', caseId)
      .orderBy('months_after')
      .execute();
    expect(followUps).toEqual([
      { months_after: 3, due_on: '2027-04-04' },
      { months_after: 6, due_on: '2027-07-04' },
    ]);
    // Closing the case later keeps those follow-ups rather than adding more.
    await claimCase(t.db, adviser, caseId, now, ring);
    expect(
      (await closeCase(t.db, adviser, caseId, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring)).followUpsDue,
    ).toEqual(['2027-04-04', '2027-07-04']);
    await expect(decide(rest[0]!.id, 'offered')).rejects.toThrow('already been let');
  });
});
