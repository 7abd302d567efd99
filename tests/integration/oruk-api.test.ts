// The Open Referral UK API against the profile's own schemas (tests/schemas/openreferral-uk/, see
// its SOURCE.md), on both databases over the demo directory: every path of the profile's
// openapi.json answers, every record on every page validates (ajv, with formats: UUIDs, URIs,
// emails, date-times), absent values are left out rather than null, and every filter, page and
// bad parameter behaves as documented.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { surgeries } from '../../src/config/outreach.ts';
import { isUuid, orukId } from '../../src/server/directory/oruk-ids.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import {
  orukMeta,
  orukServiceAtLocationById,
  orukServiceAtLocations,
  orukServiceById,
  orukServices,
  orukTaxonomies,
  orukTaxonomyById,
  orukTaxonomyTermById,
  orukTaxonomyTerms,
  ORUK_PATH_PARAMS,
  type OrukAnswer,
} from '../../src/server/directory/oruk-api.ts';
import { orukOpenApi } from '../../src/server/directory/oruk-openapi.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { updateService } from '../../src/server/directory/services.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMAS = 'tests/schemas/openreferral-uk';
const PROFILE = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';
const read = (file: string) => JSON.parse(readFileSync(`${SCHEMAS}/${file}`, 'utf8')) as Record<string, unknown>;
const openapi = read('openapi.json') as {
  paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: unknown } } } } } }>;
  components: { schemas: { Page: unknown } };
};

// The profile's schemas under the addresses its openapi.json refers to them by.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const [file, address] of [
  ['service.json', `${PROFILE}/compiled/service.json`],
  ['service_list.json', `${PROFILE}/compiled/service_list.json`],
  ['service_at_location.json', `${PROFILE}/compiled/service_at_location.json`],
  ['service_at_location_list.json', `${PROFILE}/compiled/service_at_location_list.json`],
  ['taxonomy.json', `${PROFILE}/taxonomy.json`],
  ['taxonomy_term.json', `${PROFILE}/taxonomy_term.json`],
] as const) {
  ajv.addSchema(read(file), address);
}

/** The schema the profile's openapi.json gives for a path's 200 answer, its Page envelope filled in. */
function validatorFor(path: string): ValidateFunction {
  const schema = JSON.parse(JSON.stringify(openapi.paths[path]!.get.responses[200].content['application/json'].schema), (_key, value) =>
    value && typeof value === 'object' && value.$ref === '#/components/schemas/Page' ? openapi.components.schemas.Page : value,
  );
  return ajv.compile(schema);
}

// The profile's openapi.json gives compiled/service.json for /service_at_locations/{id} (a copy
// of the /services/{id} line); a service at location is checked against the profile's own
// compiled/service_at_location.json instead.
const VALIDATORS: Record<string, ValidateFunction> = Object.fromEntries(
  Object.keys(openapi.paths).map((path) => [path, validatorFor(path)]),
);
VALIDATORS['/service_at_locations/{id}'] = ajv.getSchema(`${PROFILE}/compiled/service_at_location.json`)!;

function expectValid(path: string, answer: OrukAnswer): Record<string, any> {
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  const validate = VALIDATORS[path]!;
  expect(validate(answer.body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  // Absent values are left out: no null anywhere.
  expect(JSON.stringify(answer.body), path).not.toContain('null');
  return answer.body as Record<string, any>;
}

/** Every id anywhere in a body (keys ending "id"), for the UUID check. */
function ids(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(ids);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' && (key === 'id' || key.endsWith('_id')) ? [v] : ids(v)));
  return [];
}

const query = (text = '') => new URLSearchParams(text);

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-24T10:00:00Z');
  const demoServices = demoDirectory.organizations.flatMap((o) => o.services);

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('answers every path of the profile, every record valid against its schemas, every id a UUID', async () => {
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/',
      '/service_at_locations',
      '/service_at_locations/{id}',
      '/services',
      '/services/{id}',
      '/taxonomies',
      '/taxonomies/{id}',
      '/taxonomy_terms',
      '/taxonomy_terms/{id}',
    ]);
    expect(expectValid('/', orukMeta(new URL('https://housing.example/api/oruk')))).toEqual({
      version: '3.0',
      profile: 'https://github.com/OpenReferralUK/uk-profile',
      openapi_url: 'https://housing.example/api/oruk/openapi.json',
    });

    const services = expectValid('/services', await orukServices(t.db, query('per_page=100')));
    expect(services.contents).toHaveLength(demoServices.length);
    for (const item of services.contents) {
      const full = expectValid('/services/{id}', await orukServiceById(t.db, item.id));
      expect(full).toMatchObject(item);
      for (const id of ids(full)) expect(isUuid(id), id).toBe(true);
      for (const at of full.service_at_locations) expectValid('/service_at_locations/{id}', await orukServiceAtLocationById(t.db, at.id));
    }
    const atLocations = expectValid('/service_at_locations', await orukServiceAtLocations(t.db, query('per_page=100')));
    // Each service's one location, and each outreach surgery's place (content/outreach/surgeries.json).
    expect(atLocations.contents).toHaveLength(demoServices.filter((s) => s.location).length + surgeries.places.length);

    // The surgeries' sessions are schedules of the service at each place, as RFC 5545 rules.
    const outreach = expectValid('/services/{id}', await orukServiceById(t.db, orukId('service', surgeries.serviceId)));
    expect(outreach.service_at_locations.map((at: { location: { name: string } }) => at.location.name).sort()).toEqual(
      surgeries.places.map((p) => p.name).sort(),
    );
    const byPlace = new Map(
      outreach.service_at_locations.map((at: { id: string; location: { name: string } }) => [at.location.name, at.id]),
    );
    expect(
      outreach.schedules.map((s: Record<string, string>) => [
        s.service_at_location_id,
        s.freq,
        s.byday,
        s.opens_at,
        s.closes_at,
        s.attending_type,
      ]),
    ).toEqual([
      [byPlace.get('Eastgate Library'), 'WEEKLY', 'TU', '10:00', '13:00', 'in_person'],
      [byPlace.get('Harrowmere Jobcentre'), 'MONTHLY', '-1FR', '09:30', '12:30', 'in_person'],
      [byPlace.get('Northfield Family Hub'), 'MONTHLY', '1TH', '13:00', '16:00', 'in_person'],
    ]);
    expect(outreach.schedules[0].notes).toBe(
      'Cancelled on Tuesday 29 December 2026: The library is closed between Christmas and New Year.',
    );
    const oneSurgery = expectValid(
      '/service_at_locations/{id}',
      await orukServiceAtLocationById(t.db, String(byPlace.get('Eastgate Library'))),
    );
    expect(oneSurgery.location.addresses[0].postal_code).toBe('HM3 2QT');

    const taxonomies = expectValid('/taxonomies', await orukTaxonomies(t.db, query()));
    expect(taxonomies.contents.map((x: { name: string }) => x.name)).toEqual(['Housing Options help']);
    expectValid('/taxonomies/{id}', await orukTaxonomyById(t.db, taxonomies.contents[0].id));
    const terms = expectValid('/taxonomy_terms', await orukTaxonomyTerms(t.db, query('per_page=100')));
    expect(terms.contents).toHaveLength(taxonomy.terms.length);
    for (const term of terms.contents) expectValid('/taxonomy_terms/{id}', await orukTaxonomyTermById(t.db, term.id));
    for (const id of [...ids(services), ...ids(atLocations), ...ids(taxonomies), ...ids(terms)]) expect(isUuid(id), id).toBe(true);
  });

  it('nests the organisation, location and address, schedules, service area and taxonomy terms of a service', async () => {
    const service = expectValid('/services/{id}', await orukServiceById(t.db, orukId('service', 'housing-options-advice')));
    expect(service).toMatchObject({
      id: orukId('service', 'housing-options-advice'),
      name: 'Housing Options advice',
      status: 'active',
      assured_date: '2026-11-20',
      organization: {
        id: orukId('organization', 'harrowmere-council'),
        name: 'Harrowmere Borough Council',
        website: 'https://www.harrowmere.example',
      },
      phones: [{ number: '01632 960 100' }],
      schedules: [
        { freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '09:00', closes_at: '17:00' },
        { byday: 'FR', closes_at: '16:30' },
      ],
      service_areas: [{ name: 'Harrowmere' }],
      service_at_locations: [
        {
          location: {
            name: 'Civic Centre',
            location_type: 'physical',
            addresses: [
              { address_1: 'Market Street', city: 'Harrowmere', state_province: 'Harrowshire', postal_code: 'HM1 1AA', country: 'GB' },
            ],
          },
        },
      ],
      attributes: [
        {
          link_type: 'service',
          taxonomy_term: { id: orukId('taxonomy_term', 'housing'), name: 'Housing', description: expect.stringContaining('keep a home') },
        },
      ],
    });
    // The service has no web address and no age limits: left out, not null.
    expect(service).not.toHaveProperty('url');
    expect(service).not.toHaveProperty('minimum_age');
    // Its old slug still finds it; an unknown id is a JSON 404.
    expect((await orukServiceById(t.db, 'housing-options-advice')).body).toEqual(service);
    expect(await orukServiceById(t.db, orukId('service', 'no-such-service'))).toEqual({
      status: 404,
      body: { error: 'There is no service with that id' },
    });
    expect((await orukServiceAtLocationById(t.db, 'not-a-uuid')).status).toBe(404);
    expect((await orukTaxonomyById(t.db, orukId('taxonomy', 'astrology'))).status).toBe(404);
    expect((await orukTaxonomyTermById(t.db, orukId('taxonomy_term', 'astrology'))).status).toBe(404);
    // A service taken out of use is no longer answered.
    await updateService(t.db, 'housing-options-advice', { status: 'inactive' }, now);
    expect((await orukServiceById(t.db, service.id)).status).toBe(404);
  });

  it('filters and pages as the profile’s parameters say', async () => {
    const names = async (text: string) =>
      (expectValid('/services', await orukServices(t.db, query(text))) as { contents: Array<{ name: string }> }).contents.map(
        (s) => s.name,
      );
    const housing = orukId('taxonomy_term', 'housing');
    const page2 = expectValid('/services', await orukServices(t.db, query(`taxonomy_term_id=${housing}&per_page=2&page=2`)));
    expect(page2).toMatchObject({
      total_items: 9,
      total_pages: 5,
      page_number: 2,
      size: 2,
      first_page: false,
      last_page: false,
      empty: false,
    });
    const last = expectValid('/services', await orukServices(t.db, query(`taxonomy_term_id=${housing}&per_page=2&page=5`)));
    expect(last).toMatchObject({ size: 1, last_page: true });
    expect(expectValid('/services', await orukServices(t.db, query('search=nothing+matches+this')))).toMatchObject({
      total_items: 0,
      empty: true,
      contents: [],
    });
    expect(await names('search=debt')).toEqual(expect.arrayContaining([expect.stringMatching(/debt/i)]));
    expect(await names(`taxonomy_id=${orukId('taxonomy', 'housing-options')}&per_page=100`)).toHaveLength(demoServices.length);
    // Ages, days and times, with the profile's meanings.
    const young = demoServices
      .filter((s) => s.maximumAge !== undefined && s.maximumAge <= 25)
      .map((s) => s.name)
      .sort();
    expect((await names('maximum_age=25')).sort()).toEqual(young);
    expect(young.length).toBeGreaterThan(0);
    const adults = demoServices
      .filter((s) => s.minimumAge !== undefined && s.minimumAge >= 17)
      .map((s) => s.name)
      .sort();
    expect((await names('minimum_age=17')).sort()).toEqual(adults);
    expect(adults.length).toBeGreaterThan(0);
    const friday = demoServices
      .filter((s) => s.schedule.some((slot) => slot.days.includes('FR')))
      .map((s) => s.name)
      .sort();
    expect((await names('day=FR&per_page=100')).sort()).toEqual(friday);
    expect((await names('day=friday&per_page=100')).sort()).toEqual(friday);
    expect(friday.length).toBeLessThan(demoServices.length);
    // Only the national helpline, open around the clock, is open on a Sunday.
    expect(await names('day=SU')).toEqual(
      demoServices.filter((s) => s.schedule.some((slot) => slot.days.includes('SU'))).map((s) => s.name),
    );
    expect(await names('day=SU')).toEqual(['National Domestic Abuse Helpline']);
    const lateOpeners = demoServices
      .filter((s) => s.schedule.some((slot) => slot.opens >= '10:00'))
      .map((s) => s.name)
      .sort();
    expect((await names('start_time=10:00&per_page=100')).sort()).toEqual(lateOpeners);
    expect(lateOpeners.length).toBeGreaterThan(0);
    // Service at locations also by postcode district.
    const inHm1 =
      demoServices.filter((s) => s.location?.postcode.startsWith('HM1 ')).length +
      surgeries.places.filter((p) => p.postcode.startsWith('HM1 ')).length;
    const byPostcode = expectValid('/service_at_locations', await orukServiceAtLocations(t.db, query('postcode=hm1+1zz&per_page=100')));
    expect(byPostcode.total_items).toBe(inHm1);
    expect(byPostcode.total_items).toBeGreaterThan(0);
  });

  it('explains a bad parameter in JSON, naming it', async () => {
    const cases: Array<[Promise<OrukAnswer>, string, string]> = [
      [orukServices(t.db, query('per_page=500')), 'per_page', 'per_page must be a whole number from 1 to 100, not "500"'],
      [orukServices(t.db, query('page=0')), 'page', 'page must be a whole number from 1 to 100000, not "0"'],
      [orukServices(t.db, query('page=two')), 'page', 'page must be a whole number'],
      [orukServices(t.db, query('minimum_age=-1')), 'minimum_age', 'minimum_age must be an age in years'],
      [orukServices(t.db, query('day=Caturday')), 'day', 'day must be a day of the week'],
      [orukServices(t.db, query('start_time=9am')), 'start_time', 'start_time must be a time like 09:30'],
      [
        orukServices(t.db, query(`taxonomy_term_id=${orukId('taxonomy_term', 'astrology')}`)),
        'taxonomy_term_id',
        'taxonomy_term_id is not the id of a taxonomy term here',
      ],
      [orukServices(t.db, query('taxonomy_id=%27%3B+drop+table')), 'taxonomy_id', 'taxonomy_id must be an id from this API'],
      [orukServiceAtLocations(t.db, query('postcode=nowhere')), 'postcode', 'postcode must be a UK postcode'],
      [orukServiceAtLocations(t.db, query('postcode=HM1&proximity=500')), 'proximity', 'proximity is not supported'],
      [orukTaxonomyTerms(t.db, query('per_page=0')), 'per_page', 'per_page must be a whole number from 1 to 100'],
    ];
    for (const [answer, parameter, message] of cases) {
      const { status, body } = await answer;
      expect(status, message).toBe(400);
      expect(body).toMatchObject({ parameter, error: expect.stringContaining(message) });
    }
    // A parameter the path does not take is ignored, as clients of the profile expect.
    expect((await orukTaxonomies(t.db, query('search=x&postcode=nowhere'))).status).toBe(200);
  });
});

describe('our OpenAPI document', () => {
  it('describes every path of the profile, with the parameters each reads and the profile’s schemas', () => {
    const ours = orukOpenApi(new URL('https://housing.example/api/oruk'));
    expect(Object.keys(ours.paths).sort()).toEqual(Object.keys(openapi.paths).sort());
    expect(ours.servers).toEqual([{ url: 'https://housing.example/api/oruk' }]);
    for (const [path, names] of Object.entries(ORUK_PATH_PARAMS)) {
      const operation = ours.paths[path as keyof typeof ours.paths].get as { parameters?: Array<{ name: string }> };
      expect(
        operation.parameters?.map((p) => p.name),
        path,
      ).toEqual([...names]);
    }
    // The profile's own parameter lists are all read (proximity answered with a clear 400).
    const profileParams = (path: string) =>
      ((openapi.paths[path]!.get as unknown as { parameters: Array<{ $ref: string }> }).parameters ?? []).map((p) =>
        p.$ref.split('/').pop(),
      );
    for (const path of Object.keys(ORUK_PATH_PARAMS))
      expect([...ORUK_PATH_PARAMS[path as keyof typeof ORUK_PATH_PARAMS]].sort(), path).toEqual(profileParams(path).sort());
    const refs = JSON.stringify(ours)
      .match(/"\$ref":"[^"]+"/g)!
      .map((r) => r.slice(8, -1));
    for (const ref of refs) expect(ajv.getSchema(ref), ref).toBeDefined();
  });
});

describe('ids', () => {
  it('are version 5 UUIDs, one for ever per kind and slug', () => {
    expect(orukId('service', 'housing-options-advice')).toBe(orukId('service', 'housing-options-advice'));
    expect(orukId('service', 'housing-options-advice')).not.toBe(orukId('location', 'housing-options-advice'));
    expect(orukId('service', 'a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Pinned: a consumer stores these, so they must never change.
    expect(orukId('service', 'housing-options-advice')).toMatchInlineSnapshot(`"d66f365a-b6d8-539b-b6b7-8a47f26acb2f"`);
  });
});
