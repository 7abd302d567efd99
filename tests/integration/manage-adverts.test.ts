// Officers putting homes on the listing, on each database: a home and advert made as a draft
// (every field checked), published, withdrawn, and a hidden advert brought back by new certificates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRequest } from '../../src/domain/paging.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { listLandlords } from '../../src/server/homes/accreditation.ts';
import { publicAdvert } from '../../src/server/homes/listing.ts';
import { AdvertProblem, advertFormErrors, createHomeAdvert, setAdvertState } from '../../src/server/homes/manage-adverts.ts';
import { sendCertificate } from '../../src/server/homes/certificates.ts';
import { TINY_PDF, certificateForm } from '../support/certificates.ts';
import { ring } from '../support/keys.ts';
import { advertsForOfficers } from '../../src/server/homes/officer-adverts.ts';
import { insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);
const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const form = {
  address: '12 Lime Grove, Northgate, Harrowmere HM2 3AB',
  street: 'Lime Grove',
  area: 'Northgate',
  postcode: 'hm2 3ab',
  type: 'flat',
  bedrooms: '2',
  'bed-spaces': '3',
  floor: '1',
  furnished: 'unfurnished',
  heating: 'Gas central heating',
  'epc-rating': 'C',
  rent: '£650',
  deposit: '650',
  description: 'A two-bedroom first-floor flat close to the park and the primary school.',
  'has-gas': 'yes',
  'housing-costs-help': 'yes',
  ...date('epc-expires', '2030-01-01'),
  ...date('gas-expires', '2027-06-01'),
  ...date('eicr-expires', '2030-01-01'),
  ...date('available', '2026-12-14'),
  ...date('closes', '2026-12-10'),
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;
  let landlordId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDemoHomes(t.db, now);
    officer = await insertStaff(t.db, 'private_sector_officer', 'housing-options');
    landlordId = (await listLandlords(t.db, officer, 'accredited', pageRequest(1, 1))).rows[0]!.id;
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('checks every field of a new home and advert, and says what is wrong with each', () => {
    const { errors } = advertFormErrors({
      ...form,
      postcode: 'nowhere',
      bedrooms: 'two',
      rent: 'lots',
      'gas-expires-day': '',
      'closes-month': '13',
    });
    expect(errors.map((e) => e.field)).toEqual(['postcode', 'bedrooms', 'rent', 'closes', 'gas-expires']);
    expect(errors.find((e) => e.field === 'gas-expires')!.message).toBe('The gas safety certificate’s expiry date must include a day');
    // Text is cleaned: hidden characters and line breaks in one-line fields are refused, each saying why.
    const messages = advertFormErrors({
      ...form,
      street: 'Kiln\nRoad',
      heating: 'Gas\u202E',
      description: `${form.description}\u0000`,
    }).errors.map((e) => e.message);
    expect(messages).toEqual([
      'The street must be on one line',
      'The heating must not include characters that change the direction of the text',
      'The description must not include hidden control characters',
    ]);
    // No gas: no gas certificate asked for.
    expect(advertFormErrors({ ...form, 'has-gas': '', 'gas-expires-day': '' }).errors).toEqual([]);
  });

  it('makes a draft that the public does not see until it is published, and withdraws it', async () => {
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    await expect(createHomeAdvert(t.db, adviser, landlordId, form, now, ring)).rejects.toBeInstanceOf(NotAllowed);
    await expect(createHomeAdvert(t.db, officer, landlordId, { ...form, rent: '' }, now, ring)).rejects.toBeInstanceOf(AdvertProblem);
    const advertId = await createHomeAdvert(t.db, officer, landlordId, form, now, ring);
    expect(await publicAdvert(t.db, advertId, today)).toBeNull();
    const listed = (await advertsForOfficers(t.db, officer, today, pageRequest(1, 1), advertId)).rows[0]!;
    expect(listed.hiddenBecause).toEqual(['The advert is a draft, waiting for approval']);
    await setAdvertState(t.db, officer, advertId, 'publish', now);
    expect(await publicAdvert(t.db, advertId, today)).toMatchObject({
      street: 'Lime Grove',
      rent_pcm: 65_000,
      deposit: 65_000,
      available_from: '2026-12-14',
    });
    await expect(setAdvertState(t.db, officer, advertId, 'publish', now)).rejects.toThrow('Only a draft or a withdrawn advert');
    await expect(setAdvertState(t.db, officer, advertId, 'constructor', now)).rejects.toThrow('Choose what to do');
    await setAdvertState(t.db, officer, advertId, 'withdraw', now);
    expect(await publicAdvert(t.db, advertId, today)).toBeNull();
  });

  it('brings back an advert hidden by an expired certificate when an officer adds the new one, document and all', async () => {
    const hidden = (await advertsForOfficers(t.db, officer, today, pageRequest(1, 100))).rows.find((a) =>
      a.hiddenBecause.some((r) => r.startsWith('The gas safety certificate expired')),
    )!;
    expect(hidden.hiddenBecause).toHaveLength(1);
    await expect(
      sendCertificate(t.db, officer, hidden.id, certificateForm('gas', '2027-11-20'), new Uint8Array(), now, ring),
    ).rejects.toThrow('Choose the certificate to send');
    expect(await sendCertificate(t.db, officer, hidden.id, certificateForm('gas', '2027-11-20'), TINY_PDF, now, ring)).toMatchObject({
      status: 'accepted',
    });
    expect(await publicAdvert(t.db, hidden.id, today)).not.toBeNull();
  });
});
