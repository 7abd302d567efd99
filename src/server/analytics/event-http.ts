// /api/event as plain values in and out, so the one behaviour is served both by the Node server's
// own route (src/server/http/event-route.ts: fast, before Astro) and by the Astro endpoint
// (src/pages/api/event.ts, for `astro dev`).
//
// POST is the tracker (JavaScript on): Plausible's events API body, answered 202 whether or not
// the visit counted, as Plausible does ("X-Plausible-Dropped: 1" and "X-Not-Counted: <why>" when
// it did not), 400 with what is wrong for a bad body, 413 for one too large, and 403 from another
// site. GET is the <noscript> image in src/layouts/PublicLayout.astro (JavaScript off, so nobody
// is counted twice): /api/event?p=/path[&r=origin], answered with a transparent pixel.
// Nothing here sets a cookie or keeps the address or user agent.
import { MAX_BODY_BYTES } from '../../domain/analytics/plausible-event.ts';
import { countVisit, type CountResult, type Counter, type VisitRequest } from './count-request.ts';

export const EVENT_PATH = '/api/event';

export interface EventHttpRequest {
  method: string;
  url: URL;
  header(name: string): string | null;
  /** The browser sent the signed-in staff flag (src/server/staff/web.ts NOT_COUNTED_COOKIE). */
  notCounted: boolean;
  address: string;
  /** The body's text; null when it was larger than MAX_BODY_BYTES. */
  body: string | null;
  now: Date;
}

export interface EventHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** A transparent 1×1 GIF: what the <noscript> image shows (nothing). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const NO_STORE = { 'Cache-Control': 'no-store' };

function json(status: number, value: unknown): EventHttpResponse {
  return { status, headers: { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

function accepted(result: CountResult, type: string, body: string | Uint8Array): EventHttpResponse {
  if (result.status === 400) return json(400, { errors: result.errors });
  const headers: Record<string, string> = { ...NO_STORE, 'Content-Type': type };
  if (!result.counted) {
    headers['X-Plausible-Dropped'] = '1';
    headers['X-Not-Counted'] = result.dropped;
  }
  return { status: 202, headers, body };
}

/**
 * Another site's page may not post events here (a browser says so in Sec-Fetch-Site or Origin).
 * Origin is compared by host, as a TLS proxy in front may make the scheme look different here.
 */
function fromAnotherSite(request: EventHttpRequest): boolean {
  const site = request.header('sec-fetch-site');
  const origin = request.header('origin');
  const originHost = origin !== null && URL.canParse(origin) ? new URL(origin).host : null;
  return (site !== null && site !== 'same-origin' && site !== 'none') || (origin !== null && originHost !== request.url.host);
}

export async function answerEventRequest(request: EventHttpRequest, counter: Counter): Promise<EventHttpResponse> {
  const facts: Omit<VisitRequest, 'event'> = {
    address: request.address,
    host: request.url.hostname,
    userAgent: request.header('user-agent'),
    purpose: request.header('sec-purpose') ?? request.header('purpose') ?? request.header('x-purpose') ?? request.header('x-moz'),
    staffFlag: request.notCounted,
    now: request.now,
  };
  if (request.method === 'POST') {
    if (fromAnotherSite(request)) return json(403, { errors: { request: 'Events are accepted only from pages of this site.' } });
    if (request.body === null)
      return json(413, { errors: { request: `The body is larger than ${MAX_BODY_BYTES / 1024} KB: an event is a small JSON object.` } });
    return accepted(await countVisit({ event: { body: request.body }, ...facts }, counter), 'text/plain; charset=utf-8', 'ok');
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    const path = request.url.searchParams.get('p') ?? '';
    if (!path.startsWith('/') || path.startsWith('//') || path.length > 2000) {
      return json(400, { errors: { path: 'The page (p) must be a path on this site, such as /homes.' } });
    }
    const referrer = request.url.searchParams.get('r');
    const event = {
      name: 'pageview',
      url: new URL(path, request.url),
      domain: request.url.hostname,
      // No r: the page was built ahead of the visit, so where it came from is not known; it
      // counts as a page view and a visitor, not as the start of a visit.
      referrer: referrer === null ? request.url.origin : referrer.slice(0, 2000),
      screenWidth: null,
      props: new Map<string, string>(),
    };
    return accepted(await countVisit({ event: { parsed: event }, ...facts }, counter), 'image/gif', PIXEL);
  }
  return {
    status: 405,
    headers: { ...NO_STORE, Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Send events with POST.',
  };
}
