// Cross-site request forgery: a post must come from the site's public address (SITE_URL) or the
// address it arrived at; behind a TLS proxy those differ (https:// and http://).
import { describe, expect, it } from 'vitest';
import { isCrossSite } from '../../../src/server/web/cross-site.ts';

const own = 'http://housing.example.gov.uk';
const site = 'https://housing.example.gov.uk';
const post = (headers: Record<string, string>, method = 'POST') =>
  isCrossSite({ method, headers: new Headers(headers), ownOrigin: own, siteOrigin: site });
const FORM = 'application/x-www-form-urlencoded';

describe('a request that changes something', () => {
  it('is accepted from the public https address behind a proxy, and from the address it arrived at', () => {
    expect(post({ origin: site, 'content-type': FORM, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(post({ origin: own, 'content-type': 'multipart/form-data; boundary=x' })).toBe(false);
  });

  it('is refused from another site, by Origin or by Sec-Fetch-Site, whatever its body', () => {
    expect(post({ origin: 'https://evil.example', 'content-type': FORM })).toBe(true);
    expect(post({ origin: 'https://evil.example', 'content-type': 'application/json' })).toBe(true);
    expect(post({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' })).toBe(true);
    expect(post({ 'sec-fetch-site': 'same-site', origin: site, 'content-type': FORM })).toBe(true);
    expect(post({ origin: 'null', 'content-type': FORM })).toBe(true);
    expect(post({ origin: 'http://housing.example.gov.uk:8080', 'content-type': FORM })).toBe(true);
  });

  it('must name its origin when it is a form or has no type, as Astro asks; JSON need not', () => {
    expect(post({ 'content-type': FORM })).toBe(true);
    expect(post({ 'content-type': 'text/plain;charset=UTF-8' })).toBe(true);
    expect(post({})).toBe(true);
    expect(post({ 'content-type': 'application/json' })).toBe(false);
  });

  it('is not a GET, HEAD or OPTIONS', () => {
    expect(post({ origin: 'https://evil.example' }, 'GET')).toBe(false);
    expect(post({ 'sec-fetch-site': 'cross-site' }, 'head')).toBe(false);
  });
});
