// The fictional demo landlords, homes and adverts (content/demo/homes.json), with dates counted
// from the day they are seeded, so the demo always has homes in date, one landlord whose
// accreditation has lapsed and one home whose gas certificate has expired (both hidden).
import { z } from 'zod';
import homesJson from '../../../content/demo/homes.json' with { type: 'json' };
import { accreditationScheme } from '../../config/homes.ts';
import { council } from '../../config/council.ts';
import { EPC_RATINGS } from '../../domain/homes/advert-standing.ts';
import { addDays, localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';

const area = z.string().refine((a) => council.areas.includes(a), { error: 'must be one of the areas in content/council.json' });

const demoHomesSchema = z.object({
  landlords: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['person', 'company']),
      name: z.string().min(1),
      contactName: z.string().min(1),
      email: z.email(),
      phone: z.string().min(1),
      address: z.string().min(1),
      areas: z.array(area).min(1),
      accreditedDaysAgo: z.number().int().min(0),
      expiresInDays: z.number().int(),
    }),
  ),
  homes: z.array(
    z.object({
      landlord: z.string(),
      number: z.string(),
      street: z.string().min(1),
      area,
      postcode: z.string().min(1),
      type: z.enum(['flat', 'house', 'bungalow', 'maisonette', 'room']),
      bedrooms: z.number().int().min(0),
      bedSpaces: z.number().int().min(1),
      floor: z.number().int(),
      lift: z.boolean(),
      stepFree: z.boolean(),
      furnished: z.enum(['furnished', 'part', 'unfurnished']),
      shared: z.boolean(),
      heating: z.string().min(1),
      garden: z.boolean(),
      parking: z.boolean(),
      pets: z.boolean(),
      housingCostsHelp: z.boolean(),
      epcRating: z.enum(EPC_RATINGS),
      epcExpiresInDays: z.number().int(),
      hasGas: z.boolean(),
      gasExpiresInDays: z.number().int().nullable(),
      eicrExpiresInDays: z.number().int(),
      emptyHomeReturned: z.boolean(),
      advert: z.object({
        rentPcm: z.number().int().positive(),
        deposit: z.number().int().min(0),
        availableInDays: z.number().int(),
        closesInDays: z.number().int(),
        publishedDaysAgo: z.number().int().min(0),
        description: z.string().min(1),
      }),
    }),
  ),
});

const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);

export async function seedDemoHomes(db: AppDatabase, now: Date): Promise<number> {
  if (await db.selectFrom('landlord').select('id').limit(1).executeTakeFirst()) return 0;
  const { landlords, homes } = demoHomesSchema.parse(homesJson);
  const today = localDate(now);
  const day = (offset: number) => addDays(today, offset);
  const at = now.toISOString();
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const [index, landlord] of landlords.entries()) {
      const id = newId();
      ids.set(landlord.key, id);
      const from = day(-landlord.accreditedDaysAgo);
      const expires = day(landlord.expiresInDays);
      const status = landlord.expiresInDays < 0 ? 'lapsed' : 'accredited';
      await trx
        .insertInto('landlord')
        .values({
          id,
          kind: landlord.kind,
          name: landlord.name,
          contact_name: landlord.contactName,
          email: landlord.email,
          phone: landlord.phone,
          address: landlord.address,
          areas: JSON.stringify(landlord.areas),
          accreditation_status: status,
          membership_number: `${accreditationScheme.membershipPrefix}-${String(index + 1).padStart(4, '0')}`,
          accredited_from: from,
          accreditation_expires_on: expires,
          applied_at: `${day(-landlord.accreditedDaysAgo - 14)}T10:00:00.000Z`,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('landlord_accreditation_event')
        .values({
          id: newId(),
          landlord_id: id,
          at: `${from}T10:00:00.000Z`,
          staff_id: null,
          from_status: 'applied',
          to_status: 'accredited',
          expires_on: expires,
          reason: 'Demo data: inspection passed',
        })
        .execute();
      if (status === 'lapsed')
        await trx
          .insertInto('landlord_accreditation_event')
          .values({
            id: newId(),
            landlord_id: id,
            at: `${day(landlord.expiresInDays + 1)}T06:00:00.000Z`,
            staff_id: null,
            from_status: 'accredited',
            to_status: 'lapsed',
            expires_on: expires,
            reason: 'Demo data: not renewed before it expired',
          })
          .execute();
    }
    for (const home of homes) {
      const landlordId = ids.get(home.landlord);
      if (!landlordId) throw new Error(`content/demo/homes.json: no landlord "${home.landlord}"`);
      const homeId = newId();
      await trx
        .insertInto('home')
        .values({
          id: homeId,
          landlord_id: landlordId,
          address: `${home.number} ${home.street}, ${home.area} ${home.postcode}`,
          street: home.street,
          area: home.area,
          postcode: home.postcode,
          type: home.type,
          bedrooms: home.bedrooms,
          bed_spaces: home.bedSpaces,
          floor: home.floor,
          has_lift: flag(home.lift),
          step_free: flag(home.stepFree),
          furnished: home.furnished,
          shared: flag(home.shared),
          heating: home.heating,
          garden: flag(home.garden),
          parking: flag(home.parking),
          pets: flag(home.pets),
          housing_costs_help: flag(home.housingCostsHelp),
          epc_rating: home.epcRating,
          epc_expires_on: day(home.epcExpiresInDays),
          has_gas: flag(home.hasGas),
          gas_safety_expires_on: home.gasExpiresInDays === null ? null : day(home.gasExpiresInDays),
          eicr_expires_on: day(home.eicrExpiresInDays),
          empty_home_returned: flag(home.emptyHomeReturned),
          created_at: at,
          updated_at: at,
        })
        .execute();
      const published = new Date(now.getTime() - home.advert.publishedDaysAgo * 86_400_000).toISOString();
      await trx
        .insertInto('advert')
        .values({
          id: newId(),
          home_id: homeId,
          rent_pcm: home.advert.rentPcm * 100,
          deposit: home.advert.deposit * 100,
          available_from: day(home.advert.availableInDays),
          closes_on: day(home.advert.closesInDays),
          description: home.advert.description,
          state: 'live',
          published_at: published,
          created_at: published,
          updated_at: published,
        })
        .execute();
    }
  });
  return homes.length;
}
