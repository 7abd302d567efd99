// Headers every on-demand response carries. Prerendered pages are plain files served by the Node
// adapter; the same policy for them belongs in the reverse proxy (see README, "Deploying").
import { defineMiddleware } from 'astro:middleware';

export const SECURITY_HEADERS: Record<string, string> = {
  // Nothing about a visit leaks to another site through the Referer header. (Not 'no-referrer':
  // with it Chromium sends "Origin: null" on form posts, which the cross-site check must refuse.)
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered) return response;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages that can show a person's answers are never kept by the browser or any cache.
  if (context.url.pathname.startsWith('/self-assessment')) response.headers.set('Cache-Control', 'no-store');
  return response;
});
