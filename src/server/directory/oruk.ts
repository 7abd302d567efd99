// Open Referral UK (v3) shapes for the directory, so other councils' directories can read ours:
// a service with its organisation, phones, schedules, locations and taxonomy terms, and the
// paged envelope ORUK list endpoints use.
import type { DirectoryService, ServicePage } from './services.ts';

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function orukService(service: DirectoryService) {
  const { organization } = service;
  return {
    id: service.id,
    organization: { id: organization.id, name: organization.name, description: organization.description, email: organization.email, url: organization.url },
    name: service.name,
    description: service.description,
    url: service.url,
    email: service.email,
    status: service.status,
    eligibility_description: service.eligibility,
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    application_process: [
      service.referral.self && 'Self-referral.',
      service.referral.professional && 'Referral by a professional.',
      service.referral.how,
    ]
      .filter(Boolean)
      .join(' '),
    assured_date: service.lastChecked,
    last_modified: service.updatedAt,
    phones: service.phone ? [{ id: `${service.id}-phone`, number: service.phone }] : [],
    contacts: [],
    schedules: service.schedules.map((s) => ({ id: s.id, freq: 'WEEKLY', byday: s.byday, opens_at: s.opensAt, closes_at: s.closesAt })),
    service_at_locations: service.locations.map((l) => ({
      id: `${service.id}-at-${l.id}`,
      location: {
        id: l.id,
        name: l.name,
        location_type: 'physical',
        addresses: [{ id: `${l.id}-address`, address_1: l.address, city: l.town, postal_code: l.postcode, country: 'GB', address_type: 'physical' }],
      },
    })),
    taxonomy_terms: service.taxonomy.map((t) => ({ id: t.id, code: t.id, name: t.name, vocabulary: t.vocabulary })),
  };
}

export function orukPage<T>(page: ServicePage, map: (s: DirectoryService) => T): OrukPage<T> {
  const totalPages = Math.max(1, Math.ceil(page.total / page.perPage));
  return {
    total_items: page.total,
    total_pages: totalPages,
    page_number: page.page,
    size: page.perPage,
    first_page: page.page === 1,
    last_page: page.page >= totalPages,
    empty: page.services.length === 0,
    contents: page.services.map(map),
  };
}

/** Reads ORUK's query parameters: text, taxonomy_term_id, page, per_page. Bad numbers are errors. */
export function orukSearchParams(params: URLSearchParams): { ok: true; search: { text?: string; taxonomyId?: string; page: number; perPage: number } } | { ok: false; error: string } {
  const whole = (name: string, fallback: number, max: number) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    return /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= max ? Number(raw) : null;
  };
  const page = whole('page', 1, 100_000);
  const perPage = whole('per_page', 50, 100);
  if (page === null) return { ok: false, error: 'page must be a whole number from 1' };
  if (perPage === null) return { ok: false, error: 'per_page must be a whole number from 1 to 100' };
  return { ok: true, search: { text: params.get('text') ?? undefined, taxonomyId: params.get('taxonomy_term_id') ?? undefined, page, perPage } };
}
