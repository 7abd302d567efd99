import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { brandStyle } from '../../../src/config/brand-style.ts';
import { contentSecurityPolicy, cspHash, securityHeaders } from '../../../src/server/http/security-headers.ts';

describe('the security headers', () => {
  it('tell browsers to use https only when the site is served over https', () => {
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('carry the same policy and the other headers either way', () => {
    for (const https of [true, false]) {
      const headers = securityHeaders({ https });
      expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('same-origin');
      expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    }
  });

  it('allow scripts only from the site, never inline, and no framing', () => {
    const directives = new Map(
      contentSecurityPolicy()
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe');
  });

  it("allow the one inline style, the council's brand colour, by the hash of its exact text", () => {
    const expected = `'sha256-${createHash('sha256').update(':root{--govuk-brand-colour:#00606B}').digest('base64')}'`;
    expect(cspHash(brandStyle('#00606B'))).toBe(expected);
    expect(contentSecurityPolicy()).toContain(`style-src 'self' ${cspHash(brandStyle())}`);
  });
});
