// The body the Plausible tracker sends to POST /api/event (Plausible's events API): a JSON object
// with the event's name, the page's URL, the site's domain, the referrer and custom properties,
// under their short names (n, u, d, r, p) or long ones (name, url, domain, referrer, props).
// Anything else in the body (v, i, h, e, sd, $ ...) is ignored. Reading it never throws: a body
// that is not what the API takes gives a list of what is wrong, for a 400.

export const MAX_BODY_BYTES = 8 * 1024;
const MAX_URL = 2000;
const MAX_NAME = 120;
const MAX_PROPS = 30;
const MAX_PROP_VALUE = 300;

export interface PlausibleEvent {
  name: string;
  url: URL;
  domain: string;
  /** The page the person came from, or null when there was none. */
  referrer: string | null;
  /** Screen width in CSS pixels, when the page sent it (this site's tracker adds it as `w`). */
  screenWidth: number | null;
  props: ReadonlyMap<string, string>;
}

export type EventErrors = Record<string, string>;

export type ParsedEvent = { ok: true; event: PlausibleEvent } | { ok: false; errors: EventErrors };

function own(body: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (Object.hasOwn(body, key)) return body[key];
  return undefined;
}

/** Reads the text of a request body as a Plausible event. */
export function parsePlausibleEvent(text: string): ParsedEvent {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, errors: { request: 'The body is not JSON. Send a JSON object such as {"n":"pageview","u":"https://…","d":"…"}.' } };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { request: 'The body must be a JSON object, not a list or a single value.' } };
  }
  const record = body as Record<string, unknown>;
  const errors: EventErrors = {};

  const name = own(record, 'n', 'name');
  if (typeof name !== 'string' || name.trim() === '')
    errors.name = 'The event name (n) is required: "pageview" or the name of a custom event.';
  else if (name.length > MAX_NAME) errors.name = `The event name (n) must be ${MAX_NAME} characters or fewer.`;

  const rawUrl = own(record, 'u', 'url');
  let url: URL | null = null;
  if (typeof rawUrl !== 'string' || rawUrl === '') errors.url = 'The page URL (u) is required.';
  else if (rawUrl.length > MAX_URL) errors.url = `The page URL (u) must be ${MAX_URL} characters or fewer.`;
  else {
    url = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      errors.url = 'The page URL (u) must be a whole http or https address.';
      url = null;
    }
  }

  const domain = own(record, 'd', 'domain');
  if (typeof domain !== 'string' || domain.trim() === '') errors.domain = 'The site domain (d) is required.';

  const referrer = own(record, 'r', 'referrer');
  if (referrer !== undefined && referrer !== null && typeof referrer !== 'string')
    errors.referrer = 'The referrer (r) must be text or null.';
  else if (typeof referrer === 'string' && referrer.length > MAX_URL)
    errors.referrer = `The referrer (r) must be ${MAX_URL} characters or fewer.`;

  const width = own(record, 'w', 'screen_width');
  if (width !== undefined && width !== null && !(typeof width === 'number' && Number.isInteger(width) && width >= 0 && width <= 100_000)) {
    errors.screenWidth = 'The screen width (w) must be a whole number of pixels.';
  }

  const props = new Map<string, string>();
  const rawProps = own(record, 'p', 'props', 'm', 'meta');
  if (rawProps !== undefined && rawProps !== null) {
    const parsedProps = typeof rawProps === 'string' ? safeJson(rawProps) : rawProps;
    if (typeof parsedProps !== 'object' || parsedProps === null || Array.isArray(parsedProps)) {
      errors.props = 'The custom properties (p) must be an object of names and values.';
    } else {
      const entries = Object.entries(parsedProps);
      if (entries.length > MAX_PROPS) errors.props = `There can be at most ${MAX_PROPS} custom properties.`;
      for (const [key, value] of entries.slice(0, MAX_PROPS)) {
        if (value === null || value === undefined) continue;
        if (!['string', 'number', 'boolean'].includes(typeof value)) {
          errors.props = `The custom property "${key.slice(0, 40)}" must be text, a number or true/false.`;
          break;
        }
        props.set(key.slice(0, 300), String(value).slice(0, MAX_PROP_VALUE));
      }
    }
  }

  if (Object.keys(errors).length > 0 || !url) return { ok: false, errors };
  return {
    ok: true,
    event: {
      name: (name as string).trim(),
      url,
      domain: (domain as string).trim().toLowerCase(),
      referrer: typeof referrer === 'string' && referrer !== '' ? referrer : null,
      screenWidth: typeof width === 'number' ? width : null,
      props,
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
