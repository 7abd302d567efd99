// What one counted visit adds to the daily figures, and how a batch of them folds into the few
// rows written. Reports read these rows, never single visits (which are not kept).
//
// Dimensions of daily_rollup:
//   pageviews  ''                 every counted page view
//   page       '/homes'           views of each page (the path only: never the query string)
//   script     'on' | 'off'       views with JavaScript on (the tracker) or off (the <noscript> image)
//   entries    ''                 views that began a visit: from another site, or from nowhere
//   source     'search.example'   where those visits came from ('Direct or not known' when nobody said)
//   device     'Mobile' ...       the screen those visits began on, from its width
//   event      'File download'    custom events other than page views
//   goal       'completed' ...    goals counted on the server (src/domain/analytics/goals.ts)

import { isPublicPage } from './public-pages.ts';

export const DIRECT = 'Direct or not known';
export const DEVICE_UNKNOWN = 'Not known (JavaScript off)';
const MAX_PATH = 200;

/** The page's path as counted: no query or fragment, no trailing slash, at most 200 characters. */
export function pagePath(url: URL): string {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return (path || '/').slice(0, MAX_PATH);
}

/**
 * Only the public site's pages are counted (./public-pages.ts): never the back-office,
 * the API, the tracker's own endpoint, or an address made up to put spam in the report.
 */
export function isCountedPath(path: string): boolean {
  return isPublicPage(path);
}

/** A host name as a URL gives it: letters, digits and dashes in dot-separated labels (punycode for others). */
const HOST_NAME = /^(?=.{1,100}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/**
 * Where a visit came from: null when the referrer is a page of this site (not a new visit), the
 * other site's host name (without "www.") when it is another site, or DIRECT when there is none.
 */
export function entrySource(referrer: string | null, siteHost: string): string | null {
  if (!referrer) return DIRECT;
  const url = URL.canParse(referrer) ? new URL(referrer) : null;
  if (!url || !url.hostname) return DIRECT;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === siteHost.toLowerCase().replace(/^www\./, '')) return null;
  // Only a host name is listed as a source: an address (203.0.113.9, [::1]) or anything odder is "not known".
  return HOST_NAME.test(host) && !/^[\d.]+$/.test(host) ? host : DIRECT;
}

/** Device class from screen width in CSS pixels, with the same bands as Plausible. */
export function deviceClass(screenWidth: number | null): string {
  if (screenWidth === null) return DEVICE_UNKNOWN;
  if (screenWidth < 576) return 'Mobile';
  if (screenWidth < 992) return 'Tablet';
  if (screenWidth < 1440) return 'Laptop';
  return 'Desktop';
}

export interface CountedVisit {
  /** Day and week it happened in (England). */
  day: string;
  week: string;
  /** The week's visitor hash. */
  visitor: string;
  /** 'pageview', or a custom event's name. */
  name: string;
  path: string;
  /** From src/domain/analytics/rollup.ts entrySource: null for a page reached from this site. */
  source: string | null;
  screenWidth: number | null;
  script: 'on' | 'off';
}

export interface RollupRow {
  day: string;
  dimension: string;
  value: string;
  count: number;
}

export interface Rollup {
  /** Each week's visitor hashes in this batch (each once). */
  visitors: Map<string, Set<string>>;
  rows: RollupRow[];
}

/** The most values a dimension listed by name (pages, sources) takes in one day; past it, new ones are OTHER. */
export const MAX_NEW_VALUES_PER_DAY = 500;
export const OTHER = 'Others (past the day’s limit)';
const CAPPED = new Set(['page', 'source']);

/** Whether a dimension's values are capped per day (the ones listed by name in the report). */
export function isCappedDimension(dimension: string): boolean {
  return CAPPED.has(dimension);
}

/** What a day's dimension already holds: how many values, and which of a batch's values it has. */
export interface DayValues {
  count: number;
  known: ReadonlySet<string>;
}

/**
 * A batch's rows with the values a day has not seen before folded into OTHER once the day holds
 * `cap` values for that dimension, so made-up pages or sources cannot grow the table or the report
 * without end. `existing` is keyed by day and dimension (`${day} ${dimension}`).
 */
export function capNewValues(
  rows: readonly RollupRow[],
  existing: ReadonlyMap<string, DayValues>,
  cap = MAX_NEW_VALUES_PER_DAY,
): RollupRow[] {
  const seen = new Map<string, { count: number; known: Set<string> }>();
  const out = new Map<string, RollupRow>();
  for (const row of rows) {
    let value = row.value;
    if (isCappedDimension(row.dimension)) {
      const key = `${row.day} ${row.dimension}`;
      let day = seen.get(key);
      if (!day) {
        const before = existing.get(key);
        day = { count: before?.count ?? 0, known: new Set(before?.known ?? []) };
        seen.set(key, day);
      }
      if (!day.known.has(value)) {
        if (day.count >= cap) value = OTHER;
        else {
          day.known.add(value);
          day.count += 1;
        }
      }
    }
    const key = `${row.day}\u0000${row.dimension}\u0000${value}`;
    const merged = out.get(key);
    if (merged) merged.count += row.count;
    else out.set(key, { ...row, value });
  }
  return [...out.values()];
}

/** Folds a batch of counted visits into the visitor sets and the daily rows to add to. */
export function rollUp(visits: readonly CountedVisit[]): Rollup {
  const visitors = new Map<string, Set<string>>();
  const counts = new Map<string, RollupRow>();
  const add = (day: string, dimension: string, value: string) => {
    const key = `${day}\u0000${dimension}\u0000${value}`;
    const row = counts.get(key);
    if (row) row.count += 1;
    else counts.set(key, { day, dimension, value, count: 1 });
  };
  for (const visit of visits) {
    if (visit.name !== 'pageview') {
      add(visit.day, 'event', visit.name);
      continue;
    }
    let set = visitors.get(visit.week);
    if (!set) visitors.set(visit.week, (set = new Set()));
    set.add(visit.visitor);
    add(visit.day, 'pageviews', '');
    add(visit.day, 'page', visit.path);
    add(visit.day, 'script', visit.script);
    if (visit.source !== null) {
      add(visit.day, 'entries', '');
      add(visit.day, 'source', visit.source);
      add(visit.day, 'device', deviceClass(visit.screenWidth));
    }
  }
  return { visitors, rows: [...counts.values()] };
}
