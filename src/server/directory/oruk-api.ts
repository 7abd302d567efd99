// The Open Referral UK API's answers, one function a path (the pages under src/pages/api/oruk/
// only call these and send the result, src/server/directory/oruk-http.ts). Every path of the
// profile's openapi.json: `/`, services, service at locations, taxonomies and taxonomy terms, each
// listed a page at a time and by id. An id is the record's UUID (or, as before UUIDs, its slug).
import { taxonomy as taxonomyContent } from '../../config/directory.ts';
import { isUuid, orukId, type OrukKind } from './oruk-ids.ts';
import { readOrukParams, type OrukListParams, type OrukParamName } from '../../domain/directory/oruk-params.ts';
import type { AppDatabase } from '../db/open-database.ts';
import {
  orukPage,
  orukService,
  orukServiceAtLocation,
  orukServiceListItem,
  orukTaxonomy,
  orukTaxonomyTerm,
  serviceAtLocationId,
} from './oruk.ts';
import { getActiveServices, matchingServices, searchServices, type ServiceSearch } from './services.ts';

/** The profile this API follows, and the version of HSDS it is built on. */
export const ORUK_PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile';
export const HSDS_VERSION = '3.0';

export type OrukAnswer = { status: 200; body: unknown } | { status: 400 | 404; body: { error: string; parameter?: string } };

const SERVICE_PARAMS: readonly OrukParamName[] = [
  'search',
  'page',
  'per_page',
  'taxonomy_term_id',
  'taxonomy_id',
  'minimum_age',
  'maximum_age',
  'start_time',
  'end_time',
  'day',
];
const SERVICE_AT_LOCATION_PARAMS: readonly OrukParamName[] = [...SERVICE_PARAMS, 'postcode', 'proximity'];
const PAGE_PARAMS: readonly OrukParamName[] = ['page', 'per_page'];

/** The query parameters each list path reads (the profile's lists; our OpenAPI document shows them). */
export const ORUK_PATH_PARAMS = {
  '/services': SERVICE_PARAMS,
  '/service_at_locations': SERVICE_AT_LOCATION_PARAMS,
  '/taxonomies': PAGE_PARAMS,
  '/taxonomy_terms': PAGE_PARAMS,
} as const;

const notFound = (what: string): OrukAnswer => ({ status: 404, body: { error: `There is no ${what} with that id` } });

/** `GET /`: what this API is. `base` is the API's own address (…/api/oruk). */
export function orukMeta(base: URL): OrukAnswer {
  return {
    status: 200,
    body: {
      version: HSDS_VERSION,
      profile: ORUK_PROFILE_URL,
      openapi_url: new URL(`${base.pathname.replace(/\/$/, '')}/openapi.json`, base).href,
    },
  };
}

/** The slug an id (a UUID of `kind`, or the slug itself) stands for, from the slugs there are. */
function slugOf(id: string, kind: OrukKind, slugs: readonly string[]): string | undefined {
  const wanted = id.toLowerCase();
  return isUuid(wanted) ? slugs.find((slug) => orukId(kind, slug) === wanted) : slugs.find((slug) => slug === wanted);
}

async function termSlugs(db: AppDatabase) {
  return db.selectFrom('directory_taxonomy_term').select(['id', 'name', 'vocabulary']).orderBy('name').orderBy('id').execute();
}

/** The service search the parameters ask for, or the answer saying which parameter is wrong. */
async function serviceSearch(db: AppDatabase, params: OrukListParams): Promise<{ search: ServiceSearch } | { answer: OrukAnswer }> {
  const search: ServiceSearch = {
    ...(params.search !== undefined && { text: params.search }),
    ...(params.minimumAge !== undefined && { minimumAge: params.minimumAge }),
    ...(params.maximumAge !== undefined && { maximumAge: params.maximumAge }),
    ...(params.day !== undefined && { day: params.day }),
    ...(params.startTime !== undefined && { opensFrom: params.startTime }),
    ...(params.endTime !== undefined && { closesBy: params.endTime }),
  };
  if (params.taxonomyTermId || params.taxonomyId) {
    const terms = await termSlugs(db);
    if (params.taxonomyTermId) {
      const term = slugOf(
        params.taxonomyTermId,
        'taxonomy_term',
        terms.map((t) => t.id),
      );
      if (!term)
        return {
          answer: {
            status: 400,
            body: { error: 'taxonomy_term_id is not the id of a taxonomy term here (see /taxonomy_terms)', parameter: 'taxonomy_term_id' },
          },
        };
      search.taxonomyId = term;
    }
    if (params.taxonomyId) {
      const vocabulary = slugOf(params.taxonomyId, 'taxonomy', [...new Set(terms.map((t) => t.vocabulary))]);
      if (!vocabulary)
        return {
          answer: {
            status: 400,
            body: { error: 'taxonomy_id is not the id of a taxonomy here (see /taxonomies)', parameter: 'taxonomy_id' },
          },
        };
      search.vocabulary = vocabulary;
    }
  }
  return { search };
}

/** `GET /services`: running services, their one-to-one fields, a page at a time. */
export async function orukServices(db: AppDatabase, query: URLSearchParams): Promise<OrukAnswer> {
  const read = readOrukParams(query, SERVICE_PARAMS);
  if (!read.ok) return { status: 400, body: { error: read.error, parameter: read.parameter } };
  const { params } = read;
  const built = await serviceSearch(db, params);
  if ('answer' in built) return built.answer;
  const found = await searchServices(db, { ...built.search, page: params.page, perPage: params.perPage });
  return { status: 200, body: orukPage(found.total, params.page, params.perPage, found.services.map(orukServiceListItem)) };
}

async function activeServiceSlugs(db: AppDatabase): Promise<string[]> {
  return (await db.selectFrom('directory_service').select('id').where('status', '=', 'active').execute()).map((r) => r.id);
}

/** `GET /services/{id}`: one running service, fully nested. */
export async function orukServiceById(db: AppDatabase, id: string): Promise<OrukAnswer> {
  const slug = slugOf(id, 'service', await activeServiceSlugs(db));
  const [service] = slug ? await getActiveServices(db, [slug]) : [];
  return service ? { status: 200, body: orukService(service) } : notFound('service');
}

/** `GET /service_at_locations`: each running service at each of its locations, a page at a time. */
export async function orukServiceAtLocations(db: AppDatabase, query: URLSearchParams): Promise<OrukAnswer> {
  const read = readOrukParams(query, SERVICE_AT_LOCATION_PARAMS);
  if (!read.ok) return { status: 400, body: { error: read.error, parameter: read.parameter } };
  const { params } = read;
  const built = await serviceSearch(db, params);
  if ('answer' in built) return built.answer;
  let matching = matchingServices(db, built.search).innerJoin('directory_location as l', 'l.service_id', 's.id');
  // A postcode district: locations whose postcode starts with it (then a space, as stored).
  if (params.postcodeDistrict)
    matching = matching.where((eb) => eb(eb.fn('upper', ['l.postcode']), 'like', `${params.postcodeDistrict} %`));
  const { total } = await matching.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const pairs = await matching
    .select(['s.id as service_id', 'l.id as location_id'])
    .orderBy('s.name')
    .orderBy('s.id')
    .orderBy('l.id')
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage)
    .execute();
  const services = new Map(
    (
      await getActiveServices(
        db,
        pairs.map((p) => p.service_id),
      )
    ).map((s) => [s.id, s]),
  );
  const contents = pairs.flatMap((pair) => {
    const service = services.get(pair.service_id);
    const place = service?.locations.find((l) => l.id === pair.location_id);
    return service && place ? [orukServiceAtLocation(service, place, false)] : [];
  });
  return { status: 200, body: orukPage(Number(total), params.page, params.perPage, contents) };
}

/** `GET /service_at_locations/{id}`: one service at one location, with the whole service and the address. */
export async function orukServiceAtLocationById(db: AppDatabase, id: string): Promise<OrukAnswer> {
  const wanted = id.toLowerCase();
  if (!isUuid(wanted)) return notFound('service at location');
  // Work out each pair's id from the slugs alone, then load only the service asked for.
  const pairs = await db
    .selectFrom('directory_location as l')
    .innerJoin('directory_service as s', 's.id', 'l.service_id')
    .where('s.status', '=', 'active')
    .select(['s.id as serviceId', 'l.id as locationId'])
    .execute();
  const match = pairs.find((pair) => serviceAtLocationId(pair.serviceId, pair.locationId) === wanted);
  const [service] = match ? await getActiveServices(db, [match.serviceId]) : [];
  const place = service?.locations.find((l) => l.id === match!.locationId);
  return service && place ? { status: 200, body: orukServiceAtLocation(service, place, true) } : notFound('service at location');
}

/** Every vocabulary in use, the council's own first. */
async function vocabularies(db: AppDatabase): Promise<string[]> {
  const used = [...new Set((await termSlugs(db)).map((t) => t.vocabulary))];
  return [...used.filter((v) => v === taxonomyContent.vocabulary), ...used.filter((v) => v !== taxonomyContent.vocabulary).sort()];
}

/** `GET /taxonomies`: the taxonomies terms are drawn from, a page at a time. */
export async function orukTaxonomies(db: AppDatabase, query: URLSearchParams): Promise<OrukAnswer> {
  return pageOfAll(query, await vocabularies(db), orukTaxonomy);
}

/** A page of a short list read whole (taxonomies and their terms number tens, not thousands). */
function pageOfAll<T>(query: URLSearchParams, all: T[], shape: (item: T) => unknown): OrukAnswer {
  const read = readOrukParams(query, PAGE_PARAMS);
  if (!read.ok) return { status: 400, body: { error: read.error, parameter: read.parameter } };
  const { page, perPage } = read.params;
  return { status: 200, body: orukPage(all.length, page, perPage, all.slice((page - 1) * perPage, page * perPage).map(shape)) };
}

/** `GET /taxonomies/{id}`. */
export async function orukTaxonomyById(db: AppDatabase, id: string): Promise<OrukAnswer> {
  const vocabulary = slugOf(id, 'taxonomy', await vocabularies(db));
  return vocabulary ? { status: 200, body: orukTaxonomy(vocabulary) } : notFound('taxonomy');
}

/** `GET /taxonomy_terms`: every term, by name, a page at a time. */
export async function orukTaxonomyTerms(db: AppDatabase, query: URLSearchParams): Promise<OrukAnswer> {
  return pageOfAll(query, await termSlugs(db), orukTaxonomyTerm);
}

/** `GET /taxonomy_terms/{id}`. */
export async function orukTaxonomyTermById(db: AppDatabase, id: string): Promise<OrukAnswer> {
  const terms = await termSlugs(db);
  const slug = slugOf(
    id,
    'taxonomy_term',
    terms.map((t) => t.id),
  );
  const term = terms.find((t) => t.id === slug);
  return term ? { status: 200, body: orukTaxonomyTerm(term) } : notFound('taxonomy term');
}
