// The security headers on every response the service makes: pages, prerendered pages, static
// files, the visit counter and its errors. scripts/serve.ts sets them on each response before
// anything else answers (serve-compressed.ts); src/middleware.ts adds them under `astro dev`.
import { createHash } from 'node:crypto';
import { brandStyle } from '../../config/brand-style.ts';

/** A CSP source for one exact inline text ('sha256-...'). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The content security policy. Scripts only from this site, and no inline script at all (the
 * pages have none: tests/e2e/security-headers.spec.ts checks that none is refused). The one inline
 * style is the council's brand colour, allowed by its hash.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${cspHash(brandStyle())}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export interface SecurityHeaderOptions {
  /** The site's public address is https (SITE_URL): then browsers are told to use nothing else. */
  https: boolean;
}

export function securityHeaders({ https }: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    // Nothing about a visit leaks to another site through the Referer header. (Not 'no-referrer':
    // with it Chromium sends "Origin: null" on form posts, which the cross-site check must refuse.)
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
