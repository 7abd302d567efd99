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

export const DIRECT = 'Direct or not known';
export const DEVICE_UNKNOWN = 'Not known (JavaScript off)';
const MAX_PATH = 200;

/** The page's path as counted: no query or fragment, no trailing slash, at most 200 characters. */
export function pagePath(url: URL): string {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return (path || '/').slice(0, MAX_PATH);
}

/** Only the public site is counted: never the back-office, the API or the tracker's own endpoint. */
export function isCountedPath(path: string): boolean {
  return !/^\/(staff|api|_astro)(\/|$)/.test(path);
}

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
  return host.slice(0, 100);
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
