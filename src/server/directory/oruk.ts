// The directory in Open Referral UK's shapes (HSDS 3.0, UK profile: schema/compiled/ in
// OpenReferralUK/uk-profile, kept in tests/schemas/openreferral-uk/). Ids are UUIDs made from the
// records' slugs (src/server/directory/oruk-ids.ts); a value the directory does not hold is left
// out, never sent as null; dates are YYYY-MM-DD and times ISO-8601.
import { council } from '../../config/council.ts';
import { taxonomy as taxonomyContent } from '../../config/directory.ts';
import { orukId } from './oruk-ids.ts';
import { surgeryAtLocation, surgerySchedules } from './surgeries.ts';
import type { DirectoryService } from './services.ts';

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** How many are on this page. */
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The page envelope: `total` matching, `page` (from 1) of `perPage`, holding `contents`. */
export function orukPage<T>(total: number, page: number, perPage: number, contents: T[]): OrukPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Only the fields with a value: Open Referral UK wants absent values left out, not null. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && v !== '')) as {
    [K in keyof T]: Exclude<T[K], null | undefined>;
  };
}

/** A vocabulary as an ORUK taxonomy; the council's own from content, any other by its name. */
export function orukTaxonomy(vocabulary: string) {
  const own = vocabulary === taxonomyContent.vocabulary;
  return {
    id: orukId('taxonomy', vocabulary),
    name: own ? taxonomyContent.name : vocabulary,
    description: own ? taxonomyContent.description : `The "${vocabulary}" taxonomy of kinds of help.`,
  };
}

export interface DirectoryTerm {
  id: string;
  name: string;
  vocabulary: string;
}

export function orukTaxonomyTerm(term: DirectoryTerm) {
  const described =
    term.vocabulary === taxonomyContent.vocabulary ? taxonomyContent.terms.find((t) => t.id === term.id)?.description : undefined;
  return {
    id: orukId('taxonomy_term', term.id),
    name: term.name,
    description: described ?? term.name,
    code: term.id,
    taxonomy: orukTaxonomy(term.vocabulary).name,
    taxonomy_id: orukId('taxonomy', term.vocabulary),
  };
}

function organization(service: DirectoryService) {
  const { organization: o } = service;
  return present({ id: orukId('organization', o.id), name: o.name, description: o.description, email: o.email, website: o.url });
}

/** The one-to-one fields of a service: its list entry. */
export function orukServiceListItem(service: DirectoryService) {
  return {
    ...present({
      id: orukId('service', service.id),
      organization_id: orukId('organization', service.organization.id),
      name: service.name,
      description: service.description,
      url: service.url,
      email: service.email,
      status: service.status,
      minimum_age: service.minimumAge,
      maximum_age: service.maximumAge,
      assured_date: service.lastChecked,
      last_modified: service.updatedAt,
    }),
    organization: organization(service),
  };
}

/** The id of a service at a location, from their slugs. */
export function serviceAtLocationId(serviceSlug: string, locationSlug: string): string {
  return orukId('service_at_location', `${serviceSlug}/${locationSlug}`);
}

function location(place: DirectoryService['locations'][number], withAddress: boolean) {
  const id = orukId('location', place.id);
  return {
    id,
    location_type: 'physical' as const,
    name: place.name,
    ...(withAddress && {
      addresses: [
        {
          id: orukId('address', place.id),
          location_id: id,
          address_1: place.address,
          city: place.town,
          state_province: council.county,
          postal_code: place.postcode,
          country: 'GB',
          address_type: 'physical' as const,
        },
      ],
    }),
  };
}

/** A service with everything about it, nested, as `/services/{id}` answers. */
export function orukService(service: DirectoryService) {
  const id = orukId('service', service.id);
  const howToApply = [
    service.referral.self && 'You can contact them yourself.',
    service.referral.professional && 'A professional can refer you.',
    service.referral.how,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    ...orukServiceListItem(service),
    // HSDS 3.0 core fields the UK profile keeps open: who it is for and how to get it.
    eligibility_description: service.eligibility,
    application_process: howToApply,
    ...(service.phone && { phones: [{ id: orukId('phone', service.id), service_id: id, number: service.phone }] }),
    schedules: [
      ...service.schedules.map((s) => ({
        id: orukId('schedule', s.id),
        service_id: id,
        freq: 'WEEKLY' as const,
        byday: s.byday,
        opens_at: s.opensAt,
        closes_at: s.closesAt,
      })),
      // An outreach surgery's sessions, at its place.
      ...service.locations.flatMap((place) => {
        const surgery = surgeryAtLocation(service.id, place.id);
        return surgery ? surgerySchedules(surgery, { serviceId: id, serviceAtLocationId: serviceAtLocationId(service.id, place.id) }) : [];
      }),
    ],
    service_areas: [
      { id: orukId('service_area', service.id), service_id: id, name: council.shortName, description: `The area ${council.name} serves.` },
    ],
    service_at_locations: service.locations.map((place) => ({
      id: serviceAtLocationId(service.id, place.id),
      service_id: id,
      location_id: orukId('location', place.id),
      location: location(place, true),
    })),
    attributes: service.taxonomy.map((term) => {
      const termRecord = orukTaxonomyTerm(term);
      return {
        id: orukId('attribute', `${service.id}/${term.id}`),
        link_id: id,
        link_type: 'service',
        link_entity: 'service',
        taxonomy_term_id: termRecord.id,
        taxonomy_term: termRecord,
      };
    }),
  };
}

/** A service at one of its locations: `full` nests the whole service and the address (`/service_at_locations/{id}`), otherwise the list entry's fields. */
export function orukServiceAtLocation(service: DirectoryService, place: DirectoryService['locations'][number], full: boolean) {
  return {
    id: serviceAtLocationId(service.id, place.id),
    service_id: orukId('service', service.id),
    location_id: orukId('location', place.id),
    location: location(place, full),
    service: full ? withoutLocations(orukService(service)) : orukServiceListItem(service),
  };
}

function withoutLocations<T extends { service_at_locations: unknown }>(service: T): Omit<T, 'service_at_locations'> {
  const { service_at_locations: _, ...rest } = service;
  return rest;
}
