// The directory's data-layer functions: search and read for the public pages and the Open
// Referral UK API, the stale-entries list for staff, and the edit behind the staff screens.
import { STALE_AFTER_MONTHS, staleCutoff } from '../../domain/content/freshness.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { sql } from 'kysely';
import { containsText } from '../db/sql.ts';

export interface DirectoryService {
  id: string;
  name: string;
  description: string;
  eligibility: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  referral: { self: boolean; professional: boolean; how: string };
  minimumAge: number | null;
  maximumAge: number | null;
  status: 'active' | 'inactive';
  lastChecked: string;
  updatedAt: string;
  organization: { id: string; name: string; description: string; url: string | null; email: string | null };
  locations: Array<{ id: string; name: string; address: string; town: string; postcode: string }>;
  schedules: Array<{ id: string; byday: string; opensAt: string; closesAt: string }>;
  taxonomy: Array<{ id: string; name: string; vocabulary: string }>;
}

export interface ServiceSearch {
  /** Words to find in a service's name, description or organisation. */
  text?: string;
  /** A taxonomy term's id: services with that term. */
  taxonomyId?: string;
  /** A vocabulary: services with any term from it. */
  vocabulary?: string;
  /** Services whose minimum age is at least this, and whose maximum age is at most this (Open Referral UK's meaning). */
  minimumAge?: number;
  maximumAge?: number;
  /** Services running on this day (MO to SU), opening no earlier than `opensFrom` and closing no later than `closesBy` (HH:MM), in one session. */
  day?: string;
  opensFrom?: string;
  closesBy?: string;
  /** From 1. */
  page?: number;
  perPage?: number;
}

/** Running services matching the search: the query every listing builds on (`s` the service, `o` its organisation). */
export function matchingServices(db: AppDatabase, search: ServiceSearch) {
  const words = (search.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  let query = db
    .selectFrom('directory_service as s')
    .innerJoin('directory_organization as o', 'o.id', 's.organization_id')
    .where('s.status', '=', 'active');
  for (const word of words) {
    query = query.where((eb) => eb.or([containsText('s.name', word), containsText('s.description', word), containsText('o.name', word)]));
  }
  if (search.taxonomyId || search.vocabulary) {
    const { taxonomyId, vocabulary } = search;
    query = query.where((eb) => {
      let terms = eb
        .selectFrom('directory_service_taxonomy as t')
        .innerJoin('directory_taxonomy_term as term', 'term.id', 't.term_id')
        .select('t.service_id')
        .whereRef('t.service_id', '=', 's.id');
      if (taxonomyId) terms = terms.where('t.term_id', '=', taxonomyId);
      if (vocabulary) terms = terms.where('term.vocabulary', '=', vocabulary);
      return eb.exists(terms);
    });
  }
  if (search.minimumAge !== undefined) query = query.where('s.minimum_age', '>=', search.minimumAge);
  if (search.maximumAge !== undefined) query = query.where('s.maximum_age', '<=', search.maximumAge);
  if (search.day || search.opensFrom || search.closesBy) {
    const { day, opensFrom, closesBy } = search;
    query = query.where((eb) => {
      let sessions = eb.selectFrom('directory_schedule as h').select('h.service_id').whereRef('h.service_id', '=', 's.id');
      // byday is a comma-separated list of two-letter codes, so a code matches exactly.
      if (day) sessions = sessions.where(sql<string>`',' || h.byday || ','`, 'like', `%,${day},%`);
      if (opensFrom) sessions = sessions.where('h.opens_at', '>=', opensFrom);
      if (closesBy) sessions = sessions.where('h.closes_at', '<=', closesBy);
      return eb.exists(sessions);
    });
  }
  return query;
}

export interface ServicePage {
  total: number;
  page: number;
  perPage: number;
  services: DirectoryService[];
}

/** Running services matching every word (in name, description or organisation) and the other filters, a page at a time. */
export async function searchServices(db: AppDatabase, search: ServiceSearch = {}): Promise<ServicePage> {
  const perPage = Math.min(Math.max(search.perPage ?? 10, 1), 100);
  const page = Math.max(search.page ?? 1, 1);
  const query = matchingServices(db, search);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ids = await query
    .select('s.id')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  const services = await loadServices(
    db,
    ids.map((r) => r.id),
  );
  return { total: Number(total), page, perPage, services };
}

/** Every entry, running or not, by name: for staff. */
export async function allServices(db: AppDatabase): Promise<DirectoryService[]> {
  const ids = await db.selectFrom('directory_service').select('id').orderBy('name').execute();
  return loadServices(
    db,
    ids.map((r) => r.id),
  );
}

export async function getService(db: AppDatabase, id: string): Promise<DirectoryService | null> {
  const [service] = await loadServices(db, [id]);
  return service ?? null;
}

/** Several services by id, in the order given, leaving out any that are missing or inactive. */
export async function getActiveServices(db: AppDatabase, ids: readonly string[]): Promise<DirectoryService[]> {
  return (await loadServices(db, [...new Set(ids)])).filter((s) => s.status === 'active');
}

async function loadServices(db: AppDatabase, ids: string[]): Promise<DirectoryService[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('directory_service as s')
    .innerJoin('directory_organization as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select(['o.name as org_name', 'o.description as org_description', 'o.url as org_url', 'o.email as org_email'])
    .where('s.id', 'in', ids)
    .execute();
  const [locations, schedules, terms] = await Promise.all([
    db.selectFrom('directory_location').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('directory_schedule').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('directory_service_taxonomy as st')
      .innerJoin('directory_taxonomy_term as t', 't.id', 'st.term_id')
      .select(['st.service_id', 't.id', 't.name', 't.vocabulary'])
      .where('st.service_id', 'in', ids)
      .orderBy('t.name')
      .execute(),
  ]);
  const byId = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        description: row.description,
        eligibility: row.eligibility,
        phone: row.phone,
        email: row.email,
        url: row.url,
        referral: { self: row.referral_self === 1, professional: row.referral_professional === 1, how: row.referral_how },
        minimumAge: row.minimum_age,
        maximumAge: row.maximum_age,
        status: row.status,
        lastChecked: row.last_checked,
        updatedAt: row.updated_at,
        organization: {
          id: row.organization_id,
          name: row.org_name,
          description: row.org_description,
          url: row.org_url,
          email: row.org_email,
        },
        locations: locations.filter((l) => l.service_id === row.id).map(({ service_id: _, ...l }) => l),
        schedules: schedules
          .filter((s) => s.service_id === row.id)
          .map((s) => ({ id: s.id, byday: s.byday, opensAt: s.opens_at, closesAt: s.closes_at })),
        taxonomy: terms.filter((t) => t.service_id === row.id).map(({ service_id: _, ...t }) => t),
      } satisfies DirectoryService,
    ]),
  );
  // Keep the order asked for.
  return ids.map((id) => byId.get(id)).filter((s): s is DirectoryService => s !== undefined);
}

export async function listTaxonomy(db: AppDatabase): Promise<Array<{ id: string; name: string; vocabulary: string }>> {
  return db.selectFrom('directory_taxonomy_term').selectAll().orderBy('name').execute();
}

/** Entries not checked for `months` months or more before `today` (YYYY-MM-DD), oldest first: for staff to review. */
export async function staleServices(
  db: AppDatabase,
  today: string,
  months = STALE_AFTER_MONTHS,
): Promise<Array<{ id: string; name: string; lastChecked: string }>> {
  const rows = await db
    .selectFrom('directory_service')
    .select(['id', 'name', 'last_checked'])
    .where('last_checked', '<=', staleCutoff(today, months))
    .orderBy('last_checked')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, lastChecked: r.last_checked }));
}

export interface ServiceChanges {
  name?: string;
  description?: string;
  eligibility?: string;
  phone?: string | null;
  email?: string | null;
  url?: string | null;
  referralHow?: string;
  status?: 'active' | 'inactive';
  /** The details were checked today: moves the entry off the stale list. */
  checkedOn?: string;
}

/** Changes a directory entry. Staff screens call it through editDirectoryService (permission and audit). */
export async function updateService(db: AppDatabase, id: string, changes: ServiceChanges, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('directory_service')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.eligibility !== undefined && { eligibility: changes.eligibility }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.referralHow !== undefined && { referral_how: changes.referralHow }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.checkedOn !== undefined && { last_checked: changes.checkedOn }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
