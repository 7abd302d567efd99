// Our own OpenAPI document (GET /api/oruk/openapi.json): the paths of the Open Referral UK
// profile this API answers, each with the parameters it reads (the same lists the endpoints use,
// so the document cannot drift from them), answering the profile's schemas.
import { council } from '../../config/council.ts';
import { ORUK_DEFAULT_PER_PAGE, ORUK_MAX_PER_PAGE, type OrukParamName } from '../../domain/directory/oruk-params.ts';
import { HSDS_VERSION, ORUK_PROFILE_URL, ORUK_PATH_PARAMS } from './oruk-api.ts';

const PROFILE_SCHEMAS = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';

const PARAMETERS: Record<OrukParamName, { description: string; schema: Record<string, unknown> }> = {
  search: {
    description: 'Words to find in a service’s name, description or organisation (every word must match).',
    schema: { type: 'string', maxLength: 200 },
  },
  page: { description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  per_page: {
    description: `Results a page, 1 to ${ORUK_MAX_PER_PAGE}.`,
    schema: { type: 'integer', minimum: 1, maximum: ORUK_MAX_PER_PAGE, default: ORUK_DEFAULT_PER_PAGE },
  },
  taxonomy_term_id: {
    description: 'Services with this taxonomy term (its id from /taxonomy_terms).',
    schema: { type: 'string', format: 'uuid' },
  },
  taxonomy_id: {
    description: 'Services with any term from this taxonomy (its id from /taxonomies).',
    schema: { type: 'string', format: 'uuid' },
  },
  minimum_age: { description: 'Services whose minimum age is at least this.', schema: { type: 'number', minimum: 0, maximum: 150 } },
  maximum_age: { description: 'Services whose maximum age is at most this.', schema: { type: 'number', minimum: 0, maximum: 150 } },
  start_time: {
    description: 'Services with a session opening at this time (HH:MM) or later.',
    schema: { type: 'string', pattern: '^\\d{1,2}:\\d{2}$' },
  },
  end_time: {
    description: 'Services with a session closing at this time (HH:MM) or earlier.',
    schema: { type: 'string', pattern: '^\\d{1,2}:\\d{2}$' },
  },
  day: { description: 'Services with a session on this day: MO to SU, or Monday to Sunday.', schema: { type: 'string' } },
  postcode: { description: 'Services at locations in this postcode district (HM1 1AA and HM1 both mean HM1).', schema: { type: 'string' } },
  proximity: { description: 'Not supported (the directory holds no map coordinates): answered with a 400.', schema: { type: 'string' } },
};

const error = {
  description: 'A parameter that cannot be used, or an id not known: what is wrong, in words.',
  content: {
    'application/json': {
      schema: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, parameter: { type: 'string' } } },
    },
  },
};

const page = (items: string) => ({
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: {
    total_items: { type: 'integer' },
    total_pages: { type: 'integer' },
    page_number: { type: 'integer' },
    size: { type: 'integer', description: 'How many are on this page.' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array', items: { $ref: `${PROFILE_SCHEMAS}/${items}` } },
  },
});

function list(summary: string, path: keyof typeof ORUK_PATH_PARAMS, items: string) {
  return {
    get: {
      summary,
      parameters: ORUK_PATH_PARAMS[path].map((name) => ({ name, in: 'query', required: false, ...PARAMETERS[name] })),
      responses: { 200: { description: summary, content: { 'application/json': { schema: page(items) } } }, 400: error },
    },
  };
}

function one(summary: string, schema: string) {
  return {
    get: {
      summary,
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'The record’s id (a UUID) from a list.', schema: { type: 'string' } },
      ],
      responses: {
        200: { description: summary, content: { 'application/json': { schema: { $ref: `${PROFILE_SCHEMAS}/${schema}` } } } },
        404: error,
      },
    },
  };
}

/** The document, for the API at `base` (…/api/oruk). */
export function orukOpenApi(base: URL) {
  return {
    openapi: '3.0.3',
    info: {
      title: `${council.name} directory of services (Open Referral UK)`,
      version: HSDS_VERSION,
      description: `The council's directory of services in the Open Referral UK profile of HSDS ${HSDS_VERSION} (${ORUK_PROFILE_URL}). Open to all: no key, any origin.`,
    },
    servers: [{ url: base.href.replace(/\/$/, '') }],
    paths: {
      '/': {
        get: {
          summary: 'What this API is',
          responses: {
            200: {
              description: 'The HSDS version, the profile and this document',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      version: { type: 'string' },
                      profile: { type: 'string', format: 'uri' },
                      openapi_url: { type: 'string', format: 'uri' },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/services': list('Running services, their one-to-one fields', '/services', 'compiled/service_list.json'),
      '/services/{id}': one('A service, fully nested', 'compiled/service.json'),
      '/service_at_locations': list(
        'Each running service at each of its locations',
        '/service_at_locations',
        'compiled/service_at_location_list.json',
      ),
      '/service_at_locations/{id}': one(
        'A service at a location, with the whole service and the address',
        'compiled/service_at_location.json',
      ),
      '/taxonomies': list('The taxonomies the terms come from', '/taxonomies', 'taxonomy.json'),
      '/taxonomies/{id}': one('A taxonomy', 'taxonomy.json'),
      '/taxonomy_terms': list('Every taxonomy term', '/taxonomy_terms', 'taxonomy_term.json'),
      '/taxonomy_terms/{id}': one('A taxonomy term', 'taxonomy_term.json'),
    },
  };
}
