// Every on-demand request: cross-site posts refused, the back-office's sign-in and permission
// checks, and the security headers (which scripts/serve.ts also sets on every response it makes,
// prerendered pages and static files included; here they cover `astro dev`).
import { defineMiddleware, sequence } from 'astro:middleware';
import { can, grantsFromCouncil, NotAllowed } from './domain/staff/permissions.ts';
import { council } from './config/council.ts';
import { securityHeaders } from './server/http/security-headers.ts';
import { settings } from './config/settings.ts';
import { isDatabaseBusy } from './server/db/busy.ts';
import { describeFailure, log } from './server/log.ts';
import { TooManyRequests } from './server/security/public-limits.ts';
import { startedAppDatabase } from './server/startup.ts';
import { ruleFor } from './server/staff/route-permissions.ts';
import { validateSessionToken } from './server/staff/sessions.ts';
import { UnreadableForm, readForm } from './server/web/forms.ts';
import { isCrossSite } from './server/web/cross-site.ts';
import { NotFound } from './server/web/problems.ts';
import { STAFF_COOKIE, clearStaffCookie, sessionLifetimes } from './server/staff/web.ts';
import { DEFAULT_LOCALE, splitLocalePath } from './domain/language/locales.ts';
import { isTranslated } from './config/languages.ts';
import { NOT_TRANSLATED_PATH } from './routes/languages.ts';
import { localiseRedirect } from './language/page-language.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The language is the address's prefix: /pl/self-assessment/danger is the page at
 * /self-assessment/danger, in Polish (locals.locale). Every later step sees the English path, and
 * a redirect the page makes to a translated page stays in the language. A page that exists only
 * in English says so, in the language asked for, and links to it. No cookie is involved.
 */
const chooseLanguage = defineMiddleware(async (context, next) => {
  // A rewrite (to the 404 or busy page) runs the middleware again: the first pass decided.
  if (context.locals.locale) return next();
  const { locale, path } = splitLocalePath(context.url.pathname);
  context.locals.locale = locale;
  if (locale === DEFAULT_LOCALE || context.isPrerendered) return next();
  const target = isTranslated(locale, path)
    ? `${path}${context.url.search}`
    : `${NOT_TRANSLATED_PATH}?${new URLSearchParams({ page: path })}`;
  return localiseRedirect(await next(target), locale);
});

/**
 * One log line for each request that did not succeed (4xx, and 503s), by method, route pattern,
 * status and who (a staff account's id, or "anonymous"): never the address, the query, the body
 * or a record's id (src/server/log.ts). A failure (500) is
 * logged once, by the error page, with what failed.
 */
const logRefusals = defineMiddleware(async (context, next) => {
  // A rewrite (to the busy or too-many page) runs the middleware again: the request is logged once, as asked.
  if (context.locals.logging) return next();
  context.locals.logging = true;
  const { method } = context.request;
  const route = context.routePattern;
  const started = performance.now();
  const response = await next();
  if (response.status >= 400 && response.status !== 500) {
    // Who was refused: the signed-in person's account id (never a name), or "anonymous".
    const by = context.locals.staff?.actor.id ?? 'anonymous';
    log.info(
      { method, route, status: response.status, by, ms: Math.round(performance.now() - started) },
      response.status === 503 ? 'answered busy' : 'refused',
    );
  }
  return response;
});

/**
 * A request that changes something must come from this site (src/server/web/cross-site.ts): its
 * public address (SITE_URL), so forms post behind a TLS proxy, or the address it arrived at.
 */
const refuseCrossSite = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { method, headers } = context.request;
  if (isCrossSite({ method, headers, ownOrigin: context.url.origin, siteOrigin: settings().siteUrl.origin })) {
    return new Response('Cross-site requests are not accepted.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return next();
});

/**
 * A body that cannot be read as a form never reaches a page: the person gets a page saying so
 * (415 or 400) instead of a crash, and nothing is changed. (/api/ endpoints read their own bodies.)
 */
const refuseUnreadableForms = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || SAFE_METHODS.has(context.request.method) || context.url.pathname.startsWith('/api/')) return next();
  try {
    await readForm(context.request);
  } catch (error) {
    if (!(error instanceof UnreadableForm)) throw error;
    const from = context.url.pathname.startsWith('/staff') ? '&from=staff' : '';
    return context.rewrite(new Request(new URL(`/request-problem?status=${error.status}${from}`, context.url), { method: 'GET' }));
  }
  return next();
});

/**
 * A public request over its address's hourly allowance (src/server/security/public-limits.ts) gets
 * 429 with Retry-After and a page saying when to try again.
 * A page that failed because the database was too busy to answer in time (another writer held it
 * past the wait) gets a polite 503 with Retry-After (src/pages/service-busy.astro), not a failure.
 * One line is logged, without the request's contents.
 */
const answerPolitelyWhenOverloaded = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof TooManyRequests) {
      const query = new URLSearchParams({ limit: error.limit, seconds: String(error.retryAfterSeconds) });
      return context.rewrite(new Request(new URL(`/too-many-requests?${query}`, context.url), { method: 'GET' }));
    }
    if (!isDatabaseBusy(error)) throw error;
    log.warn({ method: context.request.method, route: context.routePattern, failure: describeFailure(error) }, 'database busy');
    const from = context.url.pathname.startsWith('/staff') ? '?from=staff' : '';
    return context.rewrite(new Request(new URL(`/service-busy${from}`, context.url), { method: 'GET' }));
  }
});

/**
 * Hands each on-demand request its database, clock and settings (src/server/web/request-context.ts):
 * the only place a request reaches for them. A rewrite keeps what the first pass set.
 */
const provideRequestContext = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  context.locals.settings ??= settings();
  context.locals.now ??= new Date();
  try {
    context.locals.db ??= await startedAppDatabase();
  } catch (error) {
    // /health says the database is unreachable (503); anything else fails as it would have.
    if (context.url.pathname !== '/health') throw error;
    context.locals.databaseFailure = error;
  }
  return next();
});

const staffAccess = defineMiddleware(async (context, next) => {
  context.locals.staff = null;
  if (context.isPrerendered || !context.url.pathname.startsWith('/staff')) return next();
  const rule = ruleFor(context.url.pathname);
  const token = context.cookies.get(STAFF_COOKIE)?.value;
  if (token) {
    const found = await validateSessionToken(context.locals.db!, token, context.locals.now!, sessionLifetimes(context.locals.settings!));
    // What the council's settings add to a role (administrators reading the reports, when allowed).
    context.locals.staff = found && {
      ...found,
      actor: grantsFromCouncil(found.actor, { administratorsMayReadReports: council.reports.administratorsMayRead }),
    };
    if (!context.locals.staff) clearStaffCookie(context.cookies);
  }
  const staff = context.locals.staff;
  if (rule.kind !== 'open') {
    const wanted = encodeURIComponent(context.url.pathname + context.url.search);
    if (!staff) return context.redirect(`/staff/sign-in${context.request.method === 'GET' ? `?next=${wanted}` : ''}`, 303);
    if (!staff.session.secondFactorDone && rule.kind !== 'before-second-factor') return context.redirect('/staff/sign-in/code', 303);
    if (rule.kind === 'needs' && rule.permission !== 'signed-in' && !can(staff.actor, rule.permission))
      return context.rewrite('/staff/not-allowed');
  }
  return next();
});

/**
 * A use case that refuses (the record is not there, or not this person's to see) throws NotFound
 * or NotAllowed; the person gets the 404 or 403 page, never a failure. Pages do not catch them.
 */
const showRefusals = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (error) {
    const staffArea = context.url.pathname.startsWith('/staff');
    if (error instanceof NotAllowed) return context.rewrite(staffArea ? '/staff/not-allowed' : '/404');
    if (error instanceof NotFound) return context.rewrite(staffArea ? '/staff/not-found' : '/404');
    throw error;
  }
});

let headersForEveryResponse: [string, string][] | undefined;

const addSecurityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered) return response;
  // The built server (scripts/serve.ts) sets them on every response already; only `astro dev` needs them here.
  if (import.meta.env.DEV) {
    headersForEveryResponse ??= Object.entries(securityHeaders({ https: settings().siteUrl.protocol === 'https:' }));
    for (const [name, value] of headersForEveryResponse) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
  }
  // Pages that can show a person's answers or a case are never kept by the browser or any cache.
  if (context.url.pathname.startsWith('/self-assessment') || context.url.pathname.startsWith('/staff'))
    response.headers.set('Cache-Control', 'no-store');
  return response;
});

export const onRequest = sequence(
  chooseLanguage,
  logRefusals,
  addSecurityHeaders,
  answerPolitelyWhenOverloaded,
  refuseCrossSite,
  refuseUnreadableForms,
  provideRequestContext,
  staffAccess,
  showRefusals,
);
