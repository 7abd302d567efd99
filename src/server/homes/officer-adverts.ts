// Adverts for private sector officers (every one) and for a landlord account (its own): whether
// the public can see each and, when not, why
// ("gas certificate expired on …"), with how many people have expressed interest. Paged in SQL.
import { whyHidden, type AdvertState } from '../../domain/homes/advert-standing.ts';
import { clampPage, offsetOf, pageOf, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { countOf } from '../db/sql.ts';
import { STANDING_COLUMNS, standingOf } from './listing.ts';

export interface OfficerAdvert {
  id: string;
  address: string;
  landlordName: string;
  state: AdvertState;
  rentPcm: number;
  closesOn: string;
  hiddenBecause: string[];
  interested: number;
}

export async function advertsForOfficers(db: AppDatabase, actor: Actor, today: string, asked: PageRequest, onlyAdvertId?: string): Promise<Page<OfficerAdvert>> {
  authorise(actor, 'landlords:manage');
  return advertsWhere(db, today, asked, { advertId: onlyAdvertId });
}

/** A landlord's own adverts (a landlord account's), with why any is hidden. */
export async function ownAdverts(db: AppDatabase, actor: Actor, today: string, asked: PageRequest, onlyAdvertId?: string): Promise<Page<OfficerAdvert>> {
  authorise(actor, 'homes:own');
  if (!actor.landlordId) return pageOf([], 0, asked);
  return advertsWhere(db, today, asked, { landlordId: actor.landlordId, advertId: onlyAdvertId });
}

async function advertsWhere(db: AppDatabase, today: string, asked: PageRequest, only: { landlordId?: string; advertId?: string }): Promise<Page<OfficerAdvert>> {
  let base = db.selectFrom('advert').innerJoin('home', 'home.id', 'advert.home_id').innerJoin('landlord', 'landlord.id', 'home.landlord_id');
  if (only.advertId) base = base.where('advert.id', '=', only.advertId);
  if (only.landlordId) base = base.where('home.landlord_id', '=', only.landlordId);
  const total = await countOf(base);
  const request = clampPage(asked, total);
  const rows = await base
    .select((eb) => [
      'advert.id',
      'home.address',
      'landlord.name as landlord_name',
      'advert.rent_pcm',
      ...STANDING_COLUMNS,
      eb.selectFrom('advert_interest').whereRef('advert_interest.advert_id', '=', 'advert.id').select((sub) => sub.fn.countAll<number | string>().as('n')).as('interested'),
    ])
    .orderBy('advert.closes_on')
    .orderBy('advert.id')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  return pageOf(
    rows.map((row) => ({
      id: row.id,
      address: row.address,
      landlordName: row.landlord_name,
      state: row.state,
      rentPcm: row.rent_pcm,
      closesOn: row.closes_on,
      interested: Number(row.interested ?? 0),
      hiddenBecause: whyHidden(standingOf(row), today),
    })),
    total,
    request,
  );
}

/** One advert for its page: the heading, its state and its certificates. */
export async function officerAdvert(db: AppDatabase, actor: Actor, advertId: string) {
  authorise(actor, 'landlords:manage');
  return (
    (await db
      .selectFrom('advert')
      .innerJoin('home', 'home.id', 'advert.home_id')
      .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
      .select([
        'advert.id',
        'advert.state',
        'advert.rent_pcm',
        'advert.closes_on',
        'home.address',
        'landlord.name as landlord_name',
        'home.epc_rating',
        'home.epc_expires_on',
        'home.has_gas',
        'home.gas_safety_expires_on',
        'home.eicr_expires_on',
        'advert.deposit',
        'advert.available_from',
        'advert.description',
      ])
      .where('advert.id', '=', advertId)
      .executeTakeFirst()) ?? null
  );
}

/** A landlord's own advert's certificates and details, for their forms. */
export async function ownAdvertCertificates(db: AppDatabase, actor: Actor, advertId: string) {
  authorise(actor, 'homes:own');
  return (
    (await db
      .selectFrom('advert')
      .innerJoin('home', 'home.id', 'advert.home_id')
      .select([
        'home.epc_rating',
        'home.epc_expires_on',
        'home.has_gas',
        'home.gas_safety_expires_on',
        'home.eicr_expires_on',
        'advert.rent_pcm',
        'advert.deposit',
        'advert.available_from',
        'advert.closes_on',
        'advert.description',
      ])
      .where('advert.id', '=', advertId)
      .where('home.landlord_id', '=', actor.landlordId ?? '')
      .executeTakeFirst()) ?? null
  );
}
