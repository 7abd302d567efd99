// Adverts for private sector officers (every one) and for a landlord account (its own): whether
// the public can see each and, when not, why ("gas certificate expired on …"), how many people
// have expressed interest, and what the advert's forms show. Paged in SQL; one advert's page is
// the same query narrowed to it.
import { whyHidden, type AdvertState } from '../../domain/homes/advert-standing.ts';
import { clampPage, offsetOf, pageOf, pageRequest, type Page, type PageRequest } from '../../domain/paging.ts';
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
  /** What the certificates form shows. */
  certificates: {
    epc_rating: string;
    epc_expires_on: string;
    has_gas: number;
    gas_safety_expires_on: string | null;
    eicr_expires_on: string;
  };
  /** What the details form shows. */
  details: { rent_pcm: number; deposit: number; available_from: string; closes_on: string; description: string };
}

export async function advertsForOfficers(
  db: AppDatabase,
  actor: Actor,
  today: string,
  asked: PageRequest,
  onlyAdvertId?: string,
): Promise<Page<OfficerAdvert>> {
  authorise(actor, 'landlords:manage');
  return advertsWhere(db, today, asked, { advertId: onlyAdvertId });
}

/** A landlord's own adverts (a landlord account's), with why any is hidden. */
export async function ownAdverts(
  db: AppDatabase,
  actor: Actor,
  today: string,
  asked: PageRequest,
  onlyAdvertId?: string,
): Promise<Page<OfficerAdvert>> {
  authorise(actor, 'homes:own');
  if (!actor.landlordId) return pageOf([], 0, asked);
  return advertsWhere(db, today, asked, { landlordId: actor.landlordId, advertId: onlyAdvertId });
}

async function advertsWhere(
  db: AppDatabase,
  today: string,
  asked: PageRequest,
  only: { landlordId?: string; advertId?: string },
): Promise<Page<OfficerAdvert>> {
  let base = db
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id');
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
      'advert.deposit',
      'advert.available_from',
      'advert.description',
      ...STANDING_COLUMNS,
      eb
        .selectFrom('advert_interest')
        .whereRef('advert_interest.advert_id', '=', 'advert.id')
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .as('interested'),
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
      certificates: {
        epc_rating: row.epc_rating,
        epc_expires_on: row.epc_expires_on,
        has_gas: row.has_gas,
        gas_safety_expires_on: row.gas_safety_expires_on,
        eicr_expires_on: row.eicr_expires_on,
      },
      details: {
        rent_pcm: row.rent_pcm,
        deposit: row.deposit,
        available_from: row.available_from,
        closes_on: row.closes_on,
        description: row.description,
      },
    })),
    total,
    request,
  );
}

/** One advert for an officer's page, or null. */
export async function officerAdvert(db: AppDatabase, actor: Actor, advertId: string, today: string): Promise<OfficerAdvert | null> {
  return (await advertsForOfficers(db, actor, today, pageRequest(1, 1), advertId)).rows[0] ?? null;
}

/** One of a landlord account's own adverts, or null (also for another landlord's: it is not theirs to know of). */
export async function ownAdvert(db: AppDatabase, actor: Actor, advertId: string, today: string): Promise<OfficerAdvert | null> {
  return (await ownAdverts(db, actor, today, pageRequest(1, 1), advertId)).rows[0] ?? null;
}
