// Homes to rent on each database: the public listing shows only what may be advertised (the SQL
// agrees with the rules in src/domain/homes/advert-standing.ts on every day tried), filters,
// sorts and pages, and an advert leaves the listing by itself when something lapses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whyHidden } from '../../src/domain/homes/advert-standing.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import { addDays, localDate } from '../../src/domain/time/working-days.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { advertStandings, homeFilterFrom, publicAdvert, searchHomes } from '../../src/server/homes/listing.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const seededAt = new Date('2026-11-25T10:00:00Z');
const today = localDate(seededAt);
const everything = (day: string) => searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, day, pageRequest(1, 200));
let t: TempDatabase;

describe.each(DIALECTS)('on %s', (dialect) => {
  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    expect(await seedDemoHomes(t.db, seededAt)).toBe(27);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('lists exactly the adverts the rules allow, on every day from now until most have lapsed', async () => {
    const standings = await advertStandings(t.db);
    for (const offset of [0, 1, 10, 21, 22, 30, 60, 100, 400]) {
      const day = addDays(today, offset);
      const expected = standings
        .filter((s) => whyHidden(s.standing, day).length === 0)
        .map((s) => s.id)
        .sort();
      const listed = (await everything(day)).rows.map((r) => r.id).sort();
      expect(listed, `on ${day}`).toEqual(expected);
    }
    // Today the lapsed landlord's three homes and the home with an expired gas certificate are hidden.
    expect((await everything(today)).total).toBe(23);
    const hiddenReasons = standings.map((s) => whyHidden(s.standing, today)).filter((r) => r.length > 0);
    expect(hiddenReasons.flat()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The landlord's accreditation is lapsed/),
        expect.stringMatching(/^The gas safety certificate expired on/),
      ]),
    );
  });

  it('filters, sorts by rent and pages, keeping the count in all', async () => {
    const params = new URLSearchParams({ 'max-rent': '700', sort: 'rent' });
    params.append('features', 'housing-costs-help');
    const { filter, errors } = homeFilterFrom(params);
    expect(errors).toEqual([]);
    const page = await searchHomes(t.db, filter, today, pageRequest(1, 5));
    expect(page.total).toBeGreaterThan(5);
    const all = await searchHomes(t.db, filter, today, pageRequest(1, 200));
    expect(all.rows.every((r) => r.rentPcm <= 70_000 && r.housingCostsHelp)).toBe(true);
    expect(all.rows.map((r) => r.rentPcm)).toEqual([...all.rows.map((r) => r.rentPcm)].sort((a, b) => a - b));
    const second = await searchHomes(t.db, filter, today, pageRequest(2, 5));
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(5, 10).map((r) => r.id));
    const steps = await searchHomes(
      t.db,
      homeFilterFrom(new URLSearchParams('features=step-free&area=Saltings')).filter,
      today,
      pageRequest(1, 50),
    );
    expect(steps.rows.every((r) => r.stepFree && r.area === 'Saltings')).toBe(true);
  });

  it('says plainly what it cannot understand in a filter, and leaves it out', async () => {
    const { filter, errors } = homeFilterFrom(
      new URLSearchParams({ 'max-rent': 'cheap', area: 'Atlantis', bedrooms: '9', type: 'castle', sort: 'x' }),
    );
    expect(errors).toEqual([{ field: 'max-rent', message: 'Enter the most rent a month in whole pounds, like 750' }]);
    expect(filter).toMatchObject({ maxRent: '', area: '', bedrooms: '', type: '', sort: 'newest' });
    expect(homeFilterFrom(new URLSearchParams({ 'max-rent': '£1,200' })).filter.maxRent).toBe('1200');
  });

  it('shows one advert without its full address, and nothing once it has lapsed', async () => {
    const [first] = (await everything(today)).rows;
    const advert = await publicAdvert(t.db, first!.id, today);
    expect(advert).not.toBeNull();
    expect(Object.keys(advert!)).not.toContain('address');
    expect(JSON.stringify(advert)).not.toMatch(/HM\d \d/); // no postcode
    const lapsed = (await advertStandings(t.db)).find((s) => whyHidden(s.standing, today).length > 0)!;
    expect(await publicAdvert(t.db, lapsed.id, today)).toBeNull();
    expect(await publicAdvert(t.db, 'no-such-advert', today)).toBeNull();
  });
});
