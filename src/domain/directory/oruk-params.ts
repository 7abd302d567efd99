// The query parameters of Open Referral UK's list endpoints (the profile's openapi.json), read
// and checked. A value that cannot be used is an error naming the parameter and what it takes;
// a parameter an endpoint does not know is ignored, as the profile's clients expect.

export const ORUK_MAX_PER_PAGE = 100;
export const ORUK_DEFAULT_PER_PAGE = 50;

export type OrukParamName =
  | 'search'
  | 'page'
  | 'per_page'
  | 'taxonomy_term_id'
  | 'taxonomy_id'
  | 'minimum_age'
  | 'maximum_age'
  | 'start_time'
  | 'end_time'
  | 'day'
  | 'postcode'
  | 'proximity';

export interface OrukListParams {
  page: number;
  perPage: number;
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  minimumAge?: number;
  maximumAge?: number;
  startTime?: string;
  endTime?: string;
  /** Two-letter iCalendar code, MO to SU. */
  day?: string;
  /** The outward code of a UK postcode ("HM1" of "HM1 1AA"). */
  postcodeDistrict?: string;
}

export type OrukParamsResult = { ok: true; params: OrukListParams } | { ok: false; parameter: OrukParamName; error: string };

const DAYS: Record<string, string> = { MO: 'MO', TU: 'TU', WE: 'WE', TH: 'TH', FR: 'FR', SA: 'SA', SU: 'SU' };
for (const name of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
  DAYS[name.toUpperCase()] = name.slice(0, 2).toUpperCase();

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$/;

class BadParameter extends Error {
  readonly parameter: OrukParamName;
  constructor(parameter: OrukParamName, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** Reads the parameters `allowed` for this endpoint from the query string. */
export function readOrukParams(query: URLSearchParams, allowed: readonly OrukParamName[]): OrukParamsResult {
  const value = (name: OrukParamName): string | undefined => {
    if (!allowed.includes(name)) return undefined;
    const raw = query.get(name)?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const whole = (name: OrukParamName, min: number, max: number): number | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new BadParameter(name, `${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}"`);
    return Number(raw);
  };
  const age = (name: OrukParamName): number | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    if (!/^\d{1,3}(\.\d+)?$/.test(raw) || Number(raw) > 150)
      throw new BadParameter(name, `${name} must be an age in years from 0 to 150, not "${raw.slice(0, 40)}"`);
    return Number(raw);
  };
  const time = (name: OrukParamName): string | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const match = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(raw);
    if (!match) throw new BadParameter(name, `${name} must be a time like 09:30 (24-hour clock), not "${raw.slice(0, 40)}"`);
    return `${match[1]!.padStart(2, '0')}:${match[2]}`;
  };
  const id = (name: OrukParamName): string | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    if (!/^[A-Za-z0-9-]{1,100}$/.test(raw))
      throw new BadParameter(name, `${name} must be an id from this API (a UUID), not "${raw.slice(0, 40)}"`);
    return raw.toLowerCase();
  };
  try {
    const search = value('search');
    if (search !== undefined && search.length > 200) throw new BadParameter('search', 'search must be at most 200 characters');
    const dayRaw = value('day');
    const day = dayRaw === undefined ? undefined : DAYS[dayRaw.toUpperCase()];
    if (dayRaw !== undefined && !day)
      throw new BadParameter('day', `day must be a day of the week, MO to SU (or Monday to Sunday), not "${dayRaw.slice(0, 40)}"`);
    const postcodeRaw = value('postcode');
    const postcode = postcodeRaw === undefined ? undefined : POSTCODE.exec(postcodeRaw.toUpperCase());
    if (postcodeRaw !== undefined && !postcode)
      throw new BadParameter(
        'postcode',
        `postcode must be a UK postcode or its first half, like HM1 1AA or HM1, not "${postcodeRaw.slice(0, 40)}"`,
      );
    if (value('proximity') !== undefined) {
      throw new BadParameter(
        'proximity',
        'proximity is not supported: this directory holds no map coordinates. Use postcode to find services at locations in a postcode district',
      );
    }
    const params: OrukListParams = {
      page: whole('page', 1, 100_000) ?? 1,
      perPage: whole('per_page', 1, ORUK_MAX_PER_PAGE) ?? ORUK_DEFAULT_PER_PAGE,
      ...(search !== undefined && { search }),
      ...optional('taxonomyTermId', id('taxonomy_term_id')),
      ...optional('taxonomyId', id('taxonomy_id')),
      ...optional('minimumAge', age('minimum_age')),
      ...optional('maximumAge', age('maximum_age')),
      ...optional('startTime', time('start_time')),
      ...optional('endTime', time('end_time')),
      ...(day !== undefined && { day }),
      ...(postcode && { postcodeDistrict: postcode[1]! }),
    };
    return { ok: true, params };
  } catch (error) {
    if (error instanceof BadParameter) return { ok: false, parameter: error.parameter, error: error.message };
    throw error;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
