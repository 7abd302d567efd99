// Officers put homes on the listing: a home and its advert made together as a draft, published
// when ready, withdrawn when not. A landlord's new home, or its change to a published advert,
// waits for an officer (who is told by email). Certificates are renewed by sending the document
// (src/server/homes/certificates.ts). Each change and its audit row in one transaction.
import type { DataKeyring } from '../../config/data-keys.ts';
import { z } from 'zod';
import { cleanTextField } from '../../domain/text/clean-text-field.ts';
import { council } from '../../config/council.ts';
import { EPC_RATINGS } from '../../domain/homes/advert-standing.ts';
import type { FormError } from '../../domain/forms.ts';
import { NotAllowed, authorise, can, type Actor } from '../../domain/staff/permissions.ts';
import { parseDateInput } from '../../domain/time/date-input.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import type { DbExecutor } from '../db/executor.ts';
import { tellOfficers } from './officer-notice.ts';
import { UserProblem } from '../web/problems.ts';
import { HOME_TYPES } from '../../domain/homes/home-types.ts';

export class AdvertProblem extends UserProblem {
  override name = 'AdvertProblem';
}

/**
 * Officers look after every landlord's homes; a landlord account only its own landlord's. Anyone
 * else, or a landlord reaching for another landlord's records, is refused.
 */
export function authoriseHomes(actor: Actor, landlordId: string): void {
  if (can(actor, 'landlords:manage')) return;
  authorise(actor, 'homes:own');
  if (!actor.landlordId || actor.landlordId !== landlordId) throw new NotAllowed('record');
}

/** The landlord an advert belongs to, or null when there is no such advert. */
export async function landlordOfAdvert(db: AppDatabase, advertId: string): Promise<string | null> {
  const row = await db
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .select('home.landlord_id')
    .where('advert.id', '=', advertId)
    .executeTakeFirst();
  return row?.landlord_id ?? null;
}

/** The form as typed: every value a string, dates as their three boxes. */
export type AdvertForm = Record<string, string>;

const DATES = {
  available: 'The date it is available',
  closes: 'The closing date for interest',
  'epc-expires': 'The energy certificate’s expiry date',
  'gas-expires': 'The gas safety certificate’s expiry date',
  'eicr-expires': 'The electrical report’s expiry date',
} as const;

const money = (text: string) => text.trim().replace(/^£/, '').replace(/,/g, '');

const schema = z.object({
  address: cleanTextField({ label: 'The address', multiline: true, maxLength: 300 }).pipe(z.string().min(5, 'Enter the full address')),
  street: cleanTextField({ label: 'The street', maxLength: 100 }).pipe(z.string().min(2, 'Enter the street, as the public will see it')),
  area: z.string().refine((a) => council.areas.includes(a), 'Choose the area'),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, 'Enter a real postcode, like HM2 4QT'),
  type: z.string().refine((t) => Object.hasOwn(HOME_TYPES, t), 'Choose the type of home'),
  bedrooms: z.string().regex(/^(10|\d)$/, 'Enter the number of bedrooms, from 0 (a studio) to 10'),
  'bed-spaces': z.string().regex(/^(1\d|20|[1-9])$/, 'Enter how many people it sleeps, from 1 to 20'),
  floor: z.string().regex(/^-?\d{1,2}$/, 'Enter the floor: 0 for the ground floor'),
  furnished: z.enum(['furnished', 'part', 'unfurnished'], { error: 'Choose whether it is furnished' }),
  heating: cleanTextField({ label: 'The heating', maxLength: 100 }).pipe(z.string().min(2, 'Enter the heating, like gas central heating')),
  'epc-rating': z.enum(EPC_RATINGS, { error: 'Choose the energy rating, A to G' }),
  rent: z
    .string()
    .transform(money)
    .pipe(z.string().regex(/^\d{2,5}(\.\d{2})?$/, 'Enter the rent a month in pounds, like 675')),
  deposit: z
    .string()
    .transform(money)
    .pipe(z.string().regex(/^\d{1,5}(\.\d{2})?$/, 'Enter the deposit in pounds, like 675, or 0')),
  description: cleanTextField({ label: 'The description', multiline: true, maxLength: 2000 }).pipe(
    z.string().min(20, 'Describe the home in a sentence or two (20 characters or more)'),
  ),
});

const FEATURES = [
  'has-lift',
  'step-free',
  'shared',
  'garden',
  'parking',
  'pets',
  'housing-costs-help',
  'has-gas',
  'empty-home-returned',
] as const;

/** Every problem with the form, by field, in the order the form asks. */
export function advertFormErrors(form: AdvertForm): { errors: FormError[]; dates: Record<keyof typeof DATES, string | null> } {
  const errors: FormError[] = [];
  const result = schema.safeParse(form);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]);
      if (!seen.has(field)) errors.push({ field, message: issue.message });
      seen.add(field);
    }
  }
  const dates = {} as Record<keyof typeof DATES, string | null>;
  for (const [name, words] of Object.entries(DATES) as Array<[keyof typeof DATES, string]>) {
    if (name === 'gas-expires' && form['has-gas'] !== 'yes') {
      dates[name] = null;
      continue;
    }
    const parsed = parseDateInput(form[`${name}-day`] ?? '', form[`${name}-month`] ?? '', form[`${name}-year`] ?? '');
    dates[name] = parsed.ok ? parsed.date : null;
    if (!parsed.ok) errors.push({ field: name, message: `${words} ${parsed.problem}` });
  }
  return { errors, dates };
}

const flag = (form: AdvertForm, name: (typeof FEATURES)[number]): 0 | 1 => (form[name] === 'yes' ? 1 : 0);

/** A new home and its advert, as a draft (a landlord's waits for an officer to publish it). */
export async function createHomeAdvert(
  db: AppDatabase,
  actor: Actor,
  landlordId: string,
  form: AdvertForm,
  now: Date,
  ring: DataKeyring,
): Promise<string> {
  authoriseHomes(actor, landlordId);
  const { errors, dates } = advertFormErrors(form);
  if (errors.length > 0) throw new AdvertProblem(errors[0]!.message);
  const landlord = await db.selectFrom('landlord').select('id').where('id', '=', landlordId).executeTakeFirst();
  if (!landlord) throw new AdvertProblem('There is no such landlord');
  const values = schema.parse(form);
  const byLandlord = !can(actor, 'landlords:manage');
  const homeId = newId();
  const advertId = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('home')
      .values({
        id: homeId,
        landlord_id: landlordId,
        address: values.address,
        street: values.street,
        area: values.area,
        postcode: values.postcode.toUpperCase(),
        type: values.type as keyof typeof HOME_TYPES,
        bedrooms: Number(values.bedrooms),
        bed_spaces: Number(values['bed-spaces']),
        floor: Number(values.floor),
        has_lift: flag(form, 'has-lift'),
        step_free: flag(form, 'step-free'),
        furnished: values.furnished,
        shared: flag(form, 'shared'),
        heating: values.heating,
        garden: flag(form, 'garden'),
        parking: flag(form, 'parking'),
        pets: flag(form, 'pets'),
        housing_costs_help: flag(form, 'housing-costs-help'),
        epc_rating: values['epc-rating'],
        epc_expires_on: dates['epc-expires']!,
        has_gas: flag(form, 'has-gas'),
        gas_safety_expires_on: dates['gas-expires'],
        eicr_expires_on: dates['eicr-expires']!,
        empty_home_returned: flag(form, 'empty-home-returned'),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('advert')
      .values({
        id: advertId,
        home_id: homeId,
        rent_pcm: Math.round(Number(values.rent) * 100),
        deposit: Math.round(Number(values.deposit) * 100),
        available_from: dates.available!,
        closes_on: dates.closes!,
        description: values.description,
        state: 'draft',
        published_at: null,
        awaiting_approval_since: byLandlord ? at : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (byLandlord) await tellOfficersOfAdvert(trx, ring, advertId, 'new', now);
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: byLandlord ? 'submitted advert for approval' : 'created advert (draft)',
        entityType: 'advert',
        entityId: advertId,
        detail: { landlordId },
      },
      now,
    );
  });
  return advertId;
}

/** Officers are told a landlord's new or changed advert waits for them (the home, never a person). */
async function tellOfficersOfAdvert(
  trx: DbExecutor,
  ring: DataKeyring,
  advertId: string,
  why: 'new' | 'changed',
  now: Date,
): Promise<void> {
  const home = await trx
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
    .select(['home.street', 'home.area', 'landlord.name'])
    .where('advert.id', '=', advertId)
    .executeTakeFirstOrThrow();
  await tellOfficers(
    trx,
    ring,
    `${why === 'new' ? 'New home' : 'Changed advert'} to check: ${home.street}, ${home.area}`,
    [
      `${home.name} has ${why === 'new' ? 'added a home' : 'changed the advert for its home'} at ${home.street}, ${home.area}.`,
      '',
      `It stays off the listing until an officer has checked it and published it. Check it in the ${council.serviceName} back office: Homes to rent, "Waiting for your approval".`,
    ],
    { type: 'advert', id: advertId },
    now,
  );
}

/** Publish a draft (or an advert withdrawn earlier), or withdraw a live one. */
export async function setAdvertState(db: AppDatabase, actor: Actor, advertId: string, action: string, now: Date): Promise<void> {
  authorise(actor, 'landlords:manage');
  const moves: Record<string, { from: Array<'draft' | 'live' | 'withdrawn'>; to: 'live' | 'withdrawn'; words: string }> = {
    publish: { from: ['draft', 'withdrawn'], to: 'live', words: 'published advert' },
    withdraw: { from: ['live', 'draft'], to: 'withdrawn', words: 'withdrew advert' },
  };
  const move = Object.hasOwn(moves, action) ? moves[action] : undefined;
  if (!move) throw new AdvertProblem('Choose what to do with the advert');
  await db.transaction().execute(async (trx) => {
    // Published or withdrawn, it no longer waits for an officer.
    const changed = await trx
      .updateTable('advert')
      .set({
        state: move.to,
        awaiting_approval_since: null,
        updated_at: now.toISOString(),
        ...(move.to === 'live' ? { published_at: now.toISOString() } : {}),
      })
      .where('id', '=', advertId)
      .where('state', 'in', move.from)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new AdvertProblem(
        move.to === 'live' ? 'Only a draft or a withdrawn advert can be published' : 'Only a live or draft advert can be withdrawn',
      );
    await recordAudit(trx, { staffId: actor.id, action: move.words, entityType: 'advert', entityId: advertId }, now);
  });
}

const detailsSchema = z.object({
  rent: schema.shape.rent,
  deposit: schema.shape.deposit,
  description: schema.shape.description,
});

/**
 * New rent, deposit, dates or description for an advert. A landlord's change to a published advert
 * takes it off the listing until an officer publishes it again; an officer's change stands.
 */
export async function editAdvert(
  db: AppDatabase,
  actor: Actor,
  advertId: string,
  form: AdvertForm,
  now: Date,
  ring: DataKeyring,
): Promise<'live' | 'draft' | 'unchanged-state'> {
  const landlordId = await landlordOfAdvert(db, advertId);
  if (!landlordId) throw new AdvertProblem('There is no such advert');
  authoriseHomes(actor, landlordId);
  const parsed = detailsSchema.safeParse(form);
  if (!parsed.success) throw new AdvertProblem(parsed.error.issues[0]!.message);
  const dates: Record<string, string> = {};
  for (const [name, words] of [
    ['available', DATES.available],
    ['closes', DATES.closes],
  ] as const) {
    const date = parseDateInput(form[`${name}-day`] ?? '', form[`${name}-month`] ?? '', form[`${name}-year`] ?? '');
    if (!date.ok) throw new AdvertProblem(`${words} ${date.problem}`);
    dates[name] = date.date;
  }
  const byLandlord = !can(actor, 'landlords:manage');
  return db.transaction().execute(async (trx) => {
    const advert = await trx.selectFrom('advert').select('state').where('id', '=', advertId).executeTakeFirstOrThrow();
    if (advert.state === 'let') throw new AdvertProblem('This home has been let: its advert can no longer change');
    const backToDraft = byLandlord && advert.state === 'live';
    await trx
      .updateTable('advert')
      .set({
        rent_pcm: Math.round(Number(parsed.data.rent) * 100),
        deposit: Math.round(Number(parsed.data.deposit) * 100),
        description: parsed.data.description,
        available_from: dates.available!,
        closes_on: dates.closes!,
        updated_at: now.toISOString(),
        ...(backToDraft ? { state: 'draft' as const, awaiting_approval_since: now.toISOString() } : {}),
      })
      .where('id', '=', advertId)
      .execute();
    if (backToDraft) await tellOfficersOfAdvert(trx, ring, advertId, 'changed', now);
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: backToDraft ? 'changed advert (back for approval)' : 'changed advert',
        entityType: 'advert',
        entityId: advertId,
      },
      now,
    );
    return backToDraft ? 'draft' : 'unchanged-state';
  });
}
