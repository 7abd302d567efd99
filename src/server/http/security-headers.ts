// The security headers on every response the service makes: added by src/middleware.ts to
// Astro's pages, and by src/server/http/event-route.ts to the visit counter it answers itself.
export const SECURITY_HEADERS: Record<string, string> = {
  // Nothing about a visit leaks to another site through the Referer header. (Not 'no-referrer':
  // with it Chromium sends "Origin: null" on form posts, which the cross-site check must refuse.)
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
