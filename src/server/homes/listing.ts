// The public listing of homes to rent: live adverts from landlords whose accreditation is current,
// for homes whose certificates are in date (the rules of src/domain/homes/advert-standing.ts,
// written here as SQL so the listing filters, sorts and pages in the database), newest first or
// by rent. No full address and nothing about the landlord beyond their accreditation.
import type { ExpressionBuilder } from 'kysely';
import { council } from '../../config/council.ts';
import { LETTABLE_EPC, type AdvertStanding } from '../../domain/homes/advert-standing.ts';
import { clampPage, offsetOf, pageOf, type Page, type PageRequest } from '../../domain/paging.ts';
import { carriedHousehold } from '../../domain/homes/household-form.ts';
import type { FormError } from '../../domain/forms.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { Database, HomeType } from '../db/schema.ts';
import { HOME_TYPES } from '../../domain/homes/home-types.ts';
import { countOf } from '../db/sql.ts';
import { photosOf } from './photos.ts';

export const HOMES_PAGE_SIZE = 12;

export interface HomeFilter {
  area: string;
  /** At least this many bedrooms ('' for any). */
  bedrooms: string;
  /** The most rent a month, whole pounds ('' for any). */
  maxRent: string;
  type: string;
  stepFree: boolean;
  furnished: boolean;
  /** 'yes' only shared, 'no' only self-contained, '' either. */
  shared: string;
  pets: boolean;
  housingCostsHelp: boolean;
  sort: 'newest' | 'rent';
  /**
   * Homes that sleep at least this many: the household the self-assessment carried (its adults and
   * children), unless the person asked to see every size (`size=any`). Null with no household.
   */
  sleepsAtLeast: number | null;
  /** The person asked to see homes of every size, although a household was carried. */
  anySize: boolean;
}

/** The filters from the address, each checked: what is not understood is said, and left out. */
export function homeFilterFrom(params: URLSearchParams): { filter: HomeFilter; errors: FormError[] } {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 80);
  const errors: FormError[] = [];
  const area = council.areas.includes(get('area')) ? get('area') : '';
  const bedrooms = /^[0-4]$/.test(get('bedrooms')) ? get('bedrooms') : '';
  let maxRent = get('max-rent').replace(/^£/, '').replace(/,/g, '');
  if (maxRent !== '' && !/^\d{1,6}$/.test(maxRent)) {
    errors.push({ field: 'max-rent', message: 'Enter the most rent a month in whole pounds, like 750' });
    maxRent = '';
  }
  const type = Object.hasOwn(HOME_TYPES, get('type')) ? get('type') : '';
  const shared = ['yes', 'no'].includes(get('shared')) ? get('shared') : '';
  const flag = (name: string) => params.getAll('features').includes(name);
  const carried = carriedHousehold(params);
  const anySize = carried !== null && get('size') === 'any';
  return {
    filter: {
      area,
      bedrooms,
      maxRent,
      type,
      shared,
      stepFree: flag('step-free'),
      furnished: flag('furnished'),
      pets: flag('pets'),
      housingCostsHelp: flag('housing-costs-help'),
      sort: get('sort') === 'rent' ? 'rent' : 'newest',
      sleepsAtLeast: carried && !anySize ? carried.adults + carried.children : null,
      anySize,
    },
    errors,
  };
}

/** The filter as address parameters (to keep it in links: pages, sorting, sharing). */
export function homeFilterParams(filter: HomeFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.area) params.set('area', filter.area);
  if (filter.bedrooms) params.set('bedrooms', filter.bedrooms);
  if (filter.maxRent) params.set('max-rent', filter.maxRent);
  if (filter.type) params.set('type', filter.type);
  if (filter.shared) params.set('shared', filter.shared);
  for (const [on, name] of [
    [filter.stepFree, 'step-free'],
    [filter.furnished, 'furnished'],
    [filter.pets, 'pets'],
    [filter.housingCostsHelp, 'housing-costs-help'],
  ] as const)
    if (on) params.append('features', name);
  if (filter.sort !== 'newest') params.set('sort', filter.sort);
  if (filter.anySize) params.set('size', 'any');
  return params;
}

/** What the public may see of an advert: the conditions every public query applies. */
function advertisable(today: string) {
  return (eb: ExpressionBuilder<Database, 'advert' | 'home' | 'landlord'>) =>
    eb.and([
      eb('advert.state', '=', 'live'),
      eb('advert.closes_on', '>=', today),
      eb('landlord.accreditation_status', '=', 'accredited'),
      eb('landlord.accreditation_expires_on', '>=', today),
      eb.or([eb('home.has_gas', '=', 0), eb('home.gas_safety_expires_on', '>=', today)]),
      eb('home.eicr_expires_on', '>=', today),
      eb('home.epc_expires_on', '>=', today),
      eb('home.epc_rating', 'in', [...LETTABLE_EPC]),
    ]);
}

function adverts(db: AppDatabase) {
  return db.selectFrom('advert').innerJoin('home', 'home.id', 'advert.home_id').innerJoin('landlord', 'landlord.id', 'home.landlord_id');
}

export interface HomeCard {
  id: string;
  street: string;
  area: string;
  type: HomeType;
  bedrooms: number;
  rentPcm: number;
  availableFrom: string;
  shared: boolean;
  stepFree: boolean;
  housingCostsHelp: boolean;
  /** The first photo, for the card. */
  photo: { id: string; altText: string } | null;
}

const cardPhoto = (photos: Array<{ id: string; altText: string }> | undefined) =>
  photos?.[0] ? { id: photos[0].id, altText: photos[0].altText } : null;

export async function searchHomes(db: AppDatabase, filter: HomeFilter, today: string, asked: PageRequest): Promise<Page<HomeCard>> {
  let query = adverts(db).where(advertisable(today));
  if (filter.area) query = query.where('home.area', '=', filter.area);
  if (filter.bedrooms) query = query.where('home.bedrooms', '>=', Number(filter.bedrooms));
  if (filter.maxRent) query = query.where('advert.rent_pcm', '<=', Number(filter.maxRent) * 100);
  if (filter.type) query = query.where('home.type', '=', filter.type as HomeType);
  if (filter.shared) query = query.where('home.shared', '=', filter.shared === 'yes' ? 1 : 0);
  if (filter.stepFree) query = query.where('home.step_free', '=', 1);
  if (filter.furnished) query = query.where('home.furnished', '<>', 'unfurnished');
  if (filter.pets) query = query.where('home.pets', '=', 1);
  if (filter.housingCostsHelp) query = query.where('home.housing_costs_help', '=', 1);
  if (filter.sleepsAtLeast) query = query.where('home.bed_spaces', '>=', filter.sleepsAtLeast);
  const total = await countOf(query);
  const request = clampPage(asked, total);
  const ordered =
    filter.sort === 'rent'
      ? query.orderBy('advert.rent_pcm').orderBy('advert.published_at', 'desc')
      : query.orderBy('advert.published_at', 'desc').orderBy('advert.rent_pcm');
  const rows = await ordered
    .select([
      'advert.id',
      'home.street',
      'home.area',
      'home.type',
      'home.bedrooms',
      'advert.rent_pcm',
      'advert.available_from',
      'home.shared',
      'home.step_free',
      'home.housing_costs_help',
    ])
    .orderBy('advert.id')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  const photos = await photosOf(
    db,
    rows.map((row) => row.id),
  );
  return pageOf(
    rows.map((row) => ({
      id: row.id,
      photo: cardPhoto(photos.get(row.id)),
      street: row.street,
      area: row.area,
      type: row.type,
      bedrooms: row.bedrooms,
      rentPcm: row.rent_pcm,
      availableFrom: row.available_from,
      shared: row.shared === 1,
      stepFree: row.step_free === 1,
      housingCostsHelp: row.housing_costs_help === 1,
    })),
    total,
    request,
  );
}

/** Everything about one advert the public may see, or null when it is not (or no longer) advertised. */
export async function publicAdvert(db: AppDatabase, id: string, today: string) {
  const row = await adverts(db)
    .where('advert.id', '=', id)
    .where(advertisable(today))
    .select([
      'advert.id',
      'advert.rent_pcm',
      'advert.deposit',
      'advert.available_from',
      'advert.closes_on',
      'advert.description',
      'home.street',
      'home.area',
      'home.type',
      'home.bedrooms',
      'home.bed_spaces',
      'home.floor',
      'home.has_lift',
      'home.step_free',
      'home.furnished',
      'home.shared',
      'home.heating',
      'home.garden',
      'home.parking',
      'home.pets',
      'home.housing_costs_help',
      'home.epc_rating',
      'home.epc_expires_on',
      'home.has_gas',
      'home.gas_safety_expires_on',
      'home.eicr_expires_on',
      'home.empty_home_returned',
      'landlord.name as landlord_name',
      'landlord.membership_number',
      'landlord.accreditation_expires_on',
    ])
    .executeTakeFirst();
  return row ?? null;
}

export type PublicAdvert = NonNullable<Awaited<ReturnType<typeof publicAdvert>>>;

/** Every advert with what decides whether it may be shown (for officers, and to check the SQL against the rules). */
export async function advertStandings(db: AppDatabase): Promise<Array<{ id: string; standing: AdvertStanding }>> {
  const rows = await adverts(db)
    .select(['advert.id', ...STANDING_COLUMNS])
    .orderBy('advert.id')
    .execute();
  return rows.map((row) => ({ id: row.id, standing: standingOf(row) }));
}

/** The columns whyHidden needs, from advert, home and landlord joined. */
export const STANDING_COLUMNS = [
  'advert.state',
  'advert.closes_on',
  'landlord.accreditation_status',
  'landlord.accreditation_expires_on',
  'home.has_gas',
  'home.gas_safety_expires_on',
  'home.eicr_expires_on',
  'home.epc_expires_on',
  'home.epc_rating',
] as const;

/** Those columns as the rules read them. */
export function standingOf(row: {
  state: AdvertStanding['state'];
  closes_on: string;
  accreditation_status: AdvertStanding['accreditationStatus'];
  accreditation_expires_on: string | null;
  has_gas: number;
  gas_safety_expires_on: string | null;
  eicr_expires_on: string;
  epc_expires_on: string;
  epc_rating: AdvertStanding['epcRating'];
}): AdvertStanding {
  return {
    state: row.state,
    closesOn: row.closes_on,
    accreditationStatus: row.accreditation_status,
    accreditationExpiresOn: row.accreditation_expires_on,
    hasGas: row.has_gas === 1,
    gasSafetyExpiresOn: row.gas_safety_expires_on,
    eicrExpiresOn: row.eicr_expires_on,
    epcExpiresOn: row.epc_expires_on,
    epcRating: row.epc_rating,
  };
}

/** A photo's bytes for the public: only while its advert may be seen. */
export async function publicPhoto(db: AppDatabase, photoId: string, today: string): Promise<Uint8Array | null> {
  const photo = await adverts(db)
    .innerJoin('advert_photo', 'advert_photo.advert_id', 'advert.id')
    .where('advert_photo.id', '=', photoId)
    .where(advertisable(today))
    .select('advert_photo.bytes')
    .executeTakeFirst();
  return photo?.bytes ?? null;
}
