// Whether a request that changes something came from another site (cross-site request forgery).
// Astro's `checkOrigin` compares a form post's Origin with the address the request arrived at,
// which behind a TLS-terminating proxy is http://, not the https:// the browser used, so every
// form post was refused. This check allows the public address (SITE_URL) as well as the request's
// own, and covers every body, not only forms: a browser on another site sends its own Origin, or
// `Sec-Fetch-Site: cross-site`, and neither can be forged by the page that makes the request.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface RequestOrigins {
  method: string;
  headers: Headers;
  /** The origin of the address the request arrived at (http:// behind a proxy). */
  ownOrigin: string;
  /** The site's public origin, from SITE_URL. */
  siteOrigin: string;
}

export function isCrossSite({ method, headers, ownOrigin, siteOrigin }: RequestOrigins): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.get('origin');
  if (origin !== null) return origin !== siteOrigin && origin !== ownOrigin;
  // No Origin: as Astro does, a form (which any site can make a browser send) or a body of no
  // stated type must say where it came from; other bodies (JSON) cannot be sent cross-site
  // without CORS, which this server never grants.
  const type = headers.get('content-type')?.toLowerCase();
  return type === undefined || FORM_TYPES.some((form) => type.includes(form));
}
