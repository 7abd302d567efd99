import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDirectory, parseDirectory, taxonomy } from '../../src/config/directory.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { getService, searchServices, staleServices, updateService } from '../../src/server/directory/services.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-24T10:00:00Z');
  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  describe('the directory', () => {
    it('is seeded from content once: staff edits are not overwritten by a second seed', async () => {
      await updateService(t.db, 'jet-centre', { phone: '01632 960 161' }, now);
      expect(await seedDirectory(t.db, demoDirectory, taxonomy, now)).toEqual({ servicesAdded: 0 });
      expect((await getService(t.db, 'jet-centre'))?.phone).toBe('01632 960 161');
    });

    it('finds services by words in any case, across name, description and organisation', async () => {
      const debt = await searchServices(t.db, { text: 'DEBT' });
      expect(debt.services.map((s) => s.id)).toEqual(expect.arrayContaining(['national-debtline-advice', 'citizens-advice-adviceline']));
      expect((await searchServices(t.db, { text: 'shelter helpline' })).services.map((s) => s.id)).toEqual(['shelter-helpline']);
      expect((await searchServices(t.db, { text: '100%_' })).total).toBe(0);
    });

    it('filters by taxonomy term and pages results', async () => {
      const housing = await searchServices(t.db, { taxonomyId: 'housing', perPage: 2 });
      expect(housing.total).toBe(9);
      expect(housing.services).toHaveLength(2);
      const second = await searchServices(t.db, { taxonomyId: 'housing', perPage: 2, page: 3 });
      expect(second.services).toHaveLength(2);
      expect((await searchServices(t.db, { taxonomyId: 'housing', perPage: 2, page: 5 })).services).toHaveLength(1);
      expect((await searchServices(t.db, { taxonomyId: 'housing', perPage: 2, page: 6 })).services).toHaveLength(0);
      expect((await searchServices(t.db, { taxonomyId: 'domestic-abuse' })).services.map((s) => s.id).sort()).toEqual([
        'harrowmere-domestic-abuse-service',
        'national-domestic-abuse-helpline',
      ]);
    });

    it('hides inactive services from search', async () => {
      await updateService(t.db, 'shelter-helpline', { status: 'inactive' }, now);
      expect((await searchServices(t.db, { text: 'shelter helpline' })).total).toBe(0);
    });

    it('lists entries not checked for six months, oldest first, until someone checks them', async () => {
      expect(await staleServices(t.db, '2026-11-24')).toEqual([
        { id: 'private-sector-housing', name: 'Private sector housing: repairs and standards', lastChecked: '2026-05-02' },
      ]);
      await updateService(t.db, 'private-sector-housing', { checkedOn: '2026-11-24' }, now);
      expect(await staleServices(t.db, '2026-11-24')).toEqual([]);
    });

    it('refuses content that names an unknown taxonomy term or gives no way to get in touch', () => {
      const broken = structuredClone(demoDirectory);
      broken.organizations[0]!.services[0]!.taxonomy = ['housing', 'astrology'];
      delete broken.organizations[1]!.services[0]!.phone;
      delete broken.organizations[1]!.services[0]!.email;
      expect(() => parseDirectory(broken, taxonomy)).toThrow(
        /housing-options-advice: no taxonomy term "astrology"[\s\S]*young-peoples-supported-housing: give a phone number, email or web address/,
      );
    });
  });
});
