// The public site's pages, as their routes: what the visit counter counts (a page view of any other
// address is spam or a mistake, and would only fill the managers' report). A [segment] is one part
// of a path (a home's id, a pack's name, a question). tests/unit/analytics/public-pages.test.ts
// checks it against src/pages.
export const PUBLIC_PAGE_ROUTES = [
  '/',
  '/accessibility',
  '/contact',
  '/cookies',
  '/homes',
  '/homes/[id]',
  '/homes/[id]/interest',
  '/information',
  '/information/[id]',
  '/information/your-pack',
  '/information/by-post',
  '/landlords/apply',
  '/money-check',
  '/money-check/[step]',
  '/money-check/check-answers',
  '/money-check/result',
  '/moving-to-a-smaller-home',
  '/not-translated',
  '/privacy',
  '/request-problem',
  '/self-assessment',
  '/self-assessment/[step]',
  '/self-assessment/answers-deleted',
  '/self-assessment/check-answers',
  '/self-assessment/contact',
  '/self-assessment/contact/consent',
  '/self-assessment/contact/details',
  '/self-assessment/contact/safety',
  '/self-assessment/contact/sent',
  '/self-assessment/emergency',
  '/self-assessment/result',
  '/self-assessment/resume',
  '/self-assessment/save',
  '/self-assessment/share',
  '/self-assessment/share/views',
  '/self-assessment/summary',
  '/self-assessment/your-pack',
  '/service-busy',
  '/services',
  '/services/[id]',
  '/staying-safe-online',
  '/talk-to-someone-in-person',
  '/too-many-requests',
  '/view-a-summary',
] as const;

/** A path segment as the site's own ids and names are written: letters, digits, dashes, dots. */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';

// Routes are written in lower-case letters, dashes and slashes only, so only [segment] needs turning into a pattern.
const MATCHERS = PUBLIC_PAGE_ROUTES.map((route) => new RegExp(`^${route.replace(/\[[a-z]+\]/g, SEGMENT)}$`));

/** Whether a path (no query, no trailing slash) is one of the public site's pages. */
export function isPublicPage(path: string): boolean {
  return MATCHERS.some((matcher) => matcher.test(path));
}
