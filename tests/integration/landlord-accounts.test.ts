// Landlord accounts on each database: a landlord sees and edits only its own homes, submits adverts
// that an officer publishes, and can never reach a case, the queue or another landlord's records.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { listLandlords } from '../../src/server/homes/accreditation.ts';
import { shortlist } from '../../src/server/homes/interest.ts';
import { publicAdvert } from '../../src/server/homes/listing.ts';
import { createHomeAdvert, editAdvert, setAdvertState } from '../../src/server/homes/manage-adverts.ts';
import { sendCertificate, waitingForApproval } from '../../src/server/homes/certificates.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { TINY_PDF, certificateForm } from '../support/certificates.ts';
import { advertsForOfficers, ownAdverts } from '../../src/server/homes/officer-adverts.ts';
import { createAccount } from '../../src/server/staff/accounts.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);
const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const form = {
  address: '7 Kiln Road, Kilnworth, Harrowmere HM5 2CD',
  street: 'Kiln Road',
  area: 'Kilnworth',
  postcode: 'HM5 2CD',
  type: 'flat',
  bedrooms: '1',
  'bed-spaces': '2',
  floor: '0',
  furnished: 'part',
  heating: 'Electric panel heaters',
  'epc-rating': 'D',
  rent: '550',
  deposit: '550',
  description: 'A one-bedroom ground-floor flat on a quiet road, close to the station.',
  ...parts('epc-expires', '2030-01-01'),
  ...parts('eicr-expires', '2030-01-01'),
  ...parts('available', '2026-12-14'),
  ...parts('closes', '2026-12-20'),
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;
  let landlord: Actor;
  let ownId: string;
  let otherId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDemoHomes(t.db, now);
    officer = await insertStaff(t.db, 'private_sector_officer', 'housing-options');
    const landlords = (await listLandlords(t.db, officer, 'accredited', pageRequest(1, 50))).rows;
    ownId = landlords.find((l) => l.name === 'Priyanka Nair')!.id;
    otherId = landlords.find((l) => l.name === 'Brindle Lettings Ltd')!.id;
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const { account } = await createAccount(
      t.db,
      admin,
      { email: 'p.nair@landlord.example', displayName: 'Priyanka Nair', role: 'landlord', teamId: '', landlordId: ownId },
      now,
      ring,
    );
    landlord = {
      id: account.id,
      role: 'landlord',
      teamId: account.teamId,
      displayName: account.displayName,
      organizationId: null,
      landlordId: ownId,
    };
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('an account for a landlord must name the landlord', async () => {
    const admin = await insertStaff(t.db, 'administrator', 'service-management', { email: 'admin2@council.example' });
    await expect(
      createAccount(t.db, admin, { email: 'x@landlord.example', displayName: 'X', role: 'landlord', teamId: '' }, now, ring),
    ).rejects.toThrow();
    await expect(
      createAccount(
        t.db,
        admin,
        { email: 'y@landlord.example', displayName: 'Y', role: 'landlord', teamId: '', landlordId: 'no-such' },
        now,
        ring,
      ),
    ).rejects.toThrow('Choose a landlord');
  });

  it('sees only its own homes, submits a draft that an officer publishes, and keeps its certificates up to date', async () => {
    const own = await ownAdverts(t.db, landlord, today, pageRequest(1, 50));
    expect(own.total).toBe(3);
    const advertId = await createHomeAdvert(t.db, landlord, ownId, form, now, ring);
    expect((await ownAdverts(t.db, landlord, today, pageRequest(1, 50))).total).toBe(4);
    expect(await publicAdvert(t.db, advertId, today)).toBeNull();
    // The officers are told a new home waits for them, and it is on their list until they act.
    expect((await unsentMessages(t.db, ring)).filter((m) => m.related_id === advertId).map((m) => m.subject)).toEqual([
      'New home to check: Kiln Road, Kilnworth',
    ]);
    expect((await waitingForApproval(t.db, officer)).adverts.map((a) => a.id)).toEqual([advertId]);
    await expect(setAdvertState(t.db, landlord, advertId, 'publish', now)).rejects.toBeInstanceOf(NotAllowed);
    await setAdvertState(t.db, officer, advertId, 'publish', now);
    expect((await waitingForApproval(t.db, officer)).adverts).toEqual([]);
    expect(await publicAdvert(t.db, advertId, today)).not.toBeNull();
    // A renewed certificate waits for an officer: nothing changes on the home until then.
    expect(await sendCertificate(t.db, landlord, advertId, certificateForm('electrical', '2031-01-01'), TINY_PDF, now, ring)).toMatchObject(
      {
        status: 'waiting',
      },
    );

    // The landlord changes the rent of the published advert: it goes back for approval.
    const details = {
      rent: '575',
      deposit: '575',
      description: form.description,
      ...parts('available', '2026-12-14'),
      ...parts('closes', '2026-12-21'),
    };
    await expect(editAdvert(t.db, landlord, advertId, { ...details, 'closes-day': '32' }, now, ring)).rejects.toThrow(
      'The closing date for interest must be a real date',
    );
    expect(await editAdvert(t.db, landlord, advertId, details, now, ring)).toBe('draft');
    expect(await publicAdvert(t.db, advertId, today)).toBeNull();
    expect((await waitingForApproval(t.db, officer)).adverts.map((a) => a.id)).toEqual([advertId]);
    // An officer's change stands, and they publish it again.
    expect(await editAdvert(t.db, officer, advertId, { ...details, rent: '560' }, now, ring)).toBe('unchanged-state');
    await setAdvertState(t.db, officer, advertId, 'publish', now);
    expect(await publicAdvert(t.db, advertId, today)).toMatchObject({ rent_pcm: 56_000, closes_on: '2026-12-21' });
  });

  it('can never reach a case, the queue, the shortlists or another landlord’s records', async () => {
    const caseId = await insertHandoff(t.db, { createdAt: now });
    await expect(listQueue(t.db, landlord, {}, now, serviceRules, ring)).rejects.toBeInstanceOf(NotAllowed);
    await expect(openCase(t.db, landlord, caseId, now, serviceRules, ring)).rejects.toBeInstanceOf(NotAllowed);
    await expect(createHomeAdvert(t.db, landlord, otherId, form, now, ring)).rejects.toBeInstanceOf(NotAllowed);
    const othersAdvert = (await advertsForOfficers(t.db, officer, today, pageRequest(1, 100))).rows.find(
      (a) => a.landlordName === 'Brindle Lettings Ltd',
    )!;
    await expect(
      sendCertificate(t.db, landlord, othersAdvert.id, certificateForm('electrical', '2031-01-01'), TINY_PDF, now, ring),
    ).rejects.toBeInstanceOf(NotAllowed);
    expect((await ownAdverts(t.db, landlord, today, pageRequest(1, 1), othersAdvert.id)).rows).toEqual([]);
    await expect(shortlist(t.db, landlord, othersAdvert.id, ring)).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      editAdvert(
        t.db,
        landlord,
        othersAdvert.id,
        { rent: '1', deposit: '1', description: 'x'.repeat(30), ...parts('available', '2027-01-01'), ...parts('closes', '2027-01-02') },
        now,
        ring,
      ),
    ).rejects.toBeInstanceOf(NotAllowed);
    await expect(advertsForOfficers(t.db, landlord, today, pageRequest(1, 1))).rejects.toBeInstanceOf(NotAllowed);
  });
});
