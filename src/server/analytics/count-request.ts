// The pipeline behind /api/event: decide whether a request is a visit to count, and count it.
// The HTTP parsing lives in src/pages/api/event.ts; this takes plain values and the clock, so it
// is tested without a server. What is never counted: the back-office and the API, staff who are
// signed in (their browser carries the not-counted flag: src/server/staff/web.ts), robots,
// prefetches, events other than page views, addresses that are not the site's pages, and events
// for another site (which Plausible, too, answers 202 and drops). The address and user agent are used for the hash and
// then forgotten: neither is stored, logged or returned.
import { isbot } from 'isbot';
import { parsePlausibleEvent, type EventErrors, type PlausibleEvent } from '../../domain/analytics/plausible-event.ts';
import { entrySource, isCountedPath, pagePath, type CountedVisit } from '../../domain/analytics/rollup.ts';
import { visitorHash } from './visitor-hash.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { WeeklySalts } from './salts.ts';
import type { VisitBatcher } from './visit-batcher.ts';

export type Dropped = 'other-site' | 'robot' | 'prefetch' | 'staff' | 'not-counted-page' | 'engagement' | 'not-counted-event';

export type CountResult =
  { status: 202; counted: true } | { status: 202; counted: false; dropped: Dropped } | { status: 400; errors: EventErrors };

export interface VisitRequest {
  /** The tracker's JSON body (JavaScript on), or the event already read from the <noscript> image's address. */
  event: { body: string } | { parsed: PlausibleEvent };
  address: string;
  userAgent: string | null;
  /** Sec-Purpose, Purpose or X-Purpose: "prefetch" or "preview" when the browser is only fetching ahead. */
  purpose: string | null;
  /** The host name the request was sent to: the tracker names it as the event's domain. */
  host: string;
  /** The browser carries the signed-in staff flag. */
  staffFlag: boolean;
  now: Date;
}

export interface Counter {
  /** This site's host name: the domain events must name. */
  site: string;
  salts: WeeklySalts;
  batcher: VisitBatcher;
}

export async function countVisit(request: VisitRequest, counter: Counter): Promise<CountResult> {
  const parsed = 'body' in request.event ? parsePlausibleEvent(request.event.body) : { ok: true as const, event: request.event.parsed };
  if (!parsed.ok) return { status: 400, errors: parsed.errors };
  const { event } = parsed;
  const ours = event.domain === counter.site.toLowerCase() || event.domain === request.host.toLowerCase();
  const dropped = ours ? droppedBecause(request, event) : 'other-site';
  if (dropped) return { status: 202, counted: false, dropped };

  const { week, salt } = await counter.salts.saltFor(request.now);
  const visit: CountedVisit = {
    day: localDate(request.now),
    week,
    visitor: visitorHash(salt, request.address, request.userAgent ?? '', counter.site),
    name: event.name,
    path: pagePath(event.url),
    source: entrySource(event.referrer, counter.site),
    screenWidth: event.screenWidth,
    script: 'body' in request.event ? 'on' : 'off',
  };
  await counter.batcher.record(visit);
  return { status: 202, counted: true };
}

function droppedBecause(request: VisitRequest, event: PlausibleEvent): Dropped | null {
  if (request.staffFlag) return 'staff';
  if (request.purpose && /prefetch|preview|prerender/i.test(request.purpose)) return 'prefetch';
  if (!request.userAgent || isbot(request.userAgent)) return 'robot';
  if (!isCountedPath(pagePath(event.url))) return 'not-counted-page';
  if (event.name === 'engagement') return 'engagement';
  // The tracker sends page views only: any other name would be spam, never reported.
  if (event.name !== 'pageview') return 'not-counted-event';
  return null;
}
