// The landlord accreditation scheme on each database: applying, an officer's decisions with their
// history and audit, lapsing and reminders by the clock, and the membership counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRequest } from '../../src/domain/paging.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { addDays, localDate, longDate } from '../../src/domain/time/working-days.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import {
  AccreditationProblem,
  accreditationHousekeeping,
  applicationErrors,
  applyToJoin,
  changeAccreditation,
  landlordRecord,
  listLandlords,
  membershipCounts,
} from '../../src/server/homes/accreditation.ts';
import { homeFilterFrom, searchHomes } from '../../src/server/homes/listing.ts';
import { insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);
/** A landlord at their own network address (each test's database starts with no limits used). */
const sender = { address: '198.51.100.20', ring };

const application = {
  kind: 'company' as const,
  name: 'Kilnworth Flats Ltd',
  contactName: 'Sam Lee',
  email: 'Sam@KilnworthFlats.example',
  phone: '01632 960 555',
  address: '1 Kiln Road, Kilnworth HM5 1AA',
  areas: ['Kilnworth'],
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    officer = await insertStaff(t.db, 'private_sector_officer', 'housing-options', { name: 'Olu' });
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('takes an application, says what is wrong by field, and tells the team without personal details', async () => {
    expect(
      applicationErrors({ ...application, email: 'not an email', areas: ['Atlantis'], kind: '' as never }).map((e) => e.field),
    ).toEqual(['kind', 'email', 'areas']);
    expect(applicationErrors({ ...application, name: 'Kiln\u0007 Lettings', contactName: '\u200B' }).map((e) => e.message)).toEqual([
      'The name must not include hidden control characters',
      'Enter the name of the person we should speak to',
    ]);
    await expect(applyToJoin(t.db, { ...application, name: ' ' }, now, sender)).rejects.toBeInstanceOf(AccreditationProblem);
    const { id } = await applyToJoin(t.db, application, now, sender);
    const record = await landlordRecord(t.db, officer, id);
    expect(record!.landlord).toMatchObject({
      accreditation_status: 'applied',
      email: 'sam@kilnworthflats.example',
      membership_number: null,
      areas: ['Kilnworth'],
    });
    expect(record!.history.map((h) => h.reason)).toEqual(['Applied through the website']);
    const [message] = await t.db.selectFrom('outbox_message').selectAll().execute();
    expect(message!.body_text).not.toContain('Sam');
  });

  it('takes 5 applications an hour from one address, then says when to send again; another address is not held back', async () => {
    for (let i = 0; i < 5; i += 1) await applyToJoin(t.db, { ...application, name: `Kilnworth Flats ${i}` }, now, sender);
    const refused = applyToJoin(t.db, { ...application, name: 'Kilnworth Flats 6' }, now, sender);
    await expect(refused).rejects.toThrow(/^Too many applications have been sent from your network in the last hour\. Wait 12 minutes/);
    await expect(refused).rejects.toMatchObject({ status: 429, field: 'name' });
    await applyToJoin(t.db, { ...application, name: 'Elsewhere Lettings' }, now, { ...sender, address: '203.0.113.5' });
    // Each accepted application told the team once; the refused one did not.
    expect(await t.db.selectFrom('landlord').select('name').execute()).toHaveLength(6);
    expect(await t.db.selectFrom('outbox_message').select('id').execute()).toHaveLength(6);
  });

  it('an officer accredits with a reason: a membership number, an end date, history and audit in one go', async () => {
    await seedDemoHomes(t.db, now);
    const { id } = await applyToJoin(t.db, application, now, sender);
    await expect(changeAccreditation(t.db, officer, id, { action: 'accredit', reason: '' }, now)).rejects.toThrow('Enter the reason');
    await expect(changeAccreditation(t.db, officer, id, { action: 'suspend', reason: 'x' }, now)).rejects.toThrow('cannot be suspended');
    await expect(changeAccreditation(t.db, officer, id, { action: 'accredit', reason: 'Passed\u202Edeliaf' }, now)).rejects.toThrow(
      'The reason must not include characters that change the direction of the text',
    );
    await changeAccreditation(t.db, officer, id, { action: 'accredit', reason: 'Inspection passed at 1 Kiln Road' }, now);
    const { landlord, history } = (await landlordRecord(t.db, officer, id))!;
    expect(landlord).toMatchObject({
      accreditation_status: 'accredited',
      membership_number: 'HLAS-0009',
      accredited_from: today,
      accreditation_expires_on: '2029-11-25',
    });
    expect(history.map((h) => [h.from_status, h.to_status, h.display_name])).toEqual([
      ['applied', 'accredited', 'Olu'],
      [null, 'applied', null],
    ]);
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    expect((await listAudit(t.db, admin, { entityId: id })).map((a) => a.action)).toEqual(['accredited accreditation']);
    expect(await membershipCounts(t.db, today)).toMatchObject({ current: 8, target: 50 });
  });

  it('suspending a landlord takes their homes off the listing at once, and only officers and managers may', async () => {
    await seedDemoHomes(t.db, now);
    const listed = async () => (await searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, today, pageRequest(1, 200))).total;
    const before = await listed();
    const brindle = (await listLandlords(t.db, officer, '', pageRequest(1, 50))).rows.find((l) => l.name === 'Brindle Lettings Ltd')!;
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    await expect(changeAccreditation(t.db, adviser, brindle.id, { action: 'suspend', reason: 'x' }, now)).rejects.toBeInstanceOf(
      NotAllowed,
    );
    await expect(listLandlords(t.db, adviser, '', pageRequest(1, 50))).rejects.toBeInstanceOf(NotAllowed);
    await changeAccreditation(t.db, officer, brindle.id, { action: 'suspend', reason: 'Complaint about repairs under investigation' }, now);
    expect(await listed()).toBe(before - 3); // four homes, one already hidden (gas certificate)
    await changeAccreditation(t.db, officer, brindle.id, { action: 'reinstate', reason: 'Repairs done' }, now);
    expect(await listed()).toBe(before);
  });

  it('lapses accreditation past its end and sends each renewal reminder once, by the clock', async () => {
    await seedDemoHomes(t.db, now);
    // Priyanka Nair's accreditation ends in 20 days: within the 30-day reminder.
    expect(await accreditationHousekeeping(t.db, ring, now)).toEqual({ lapsed: 0, reminded: 1 });
    expect(await accreditationHousekeeping(t.db, ring, now)).toEqual({ lapsed: 0, reminded: 0 });
    const reminders = (await unsentMessages(t.db, ring)).map(({ to_address, subject }) => ({ to_address, subject }));
    expect(reminders).toEqual([
      {
        to_address: 'p.nair@landlord.example',
        subject: `Your Harrowmere Landlord Accreditation Scheme membership ends on ${longDate(addDays(today, 20))}`,
      },
    ]);
    // Three weeks on, it has lapsed; Desmond Okafor's (95 days) is not yet due a reminder.
    const later = new Date(now.getTime() + 21 * 86_400_000);
    expect(await accreditationHousekeeping(t.db, ring, later)).toEqual({ lapsed: 1, reminded: 0 });
    const lapsed = await listLandlords(t.db, officer, 'lapsed', pageRequest(1, 50));
    expect(lapsed.rows.map((l) => l.name).sort()).toEqual(['Hugh Carrick', 'Priyanka Nair']);
  });
});
