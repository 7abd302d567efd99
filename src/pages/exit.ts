// GET /exit: the quick-exit link. Works without JavaScript.
import type { APIRoute } from 'astro';
import { council } from '../config/council.ts';
import { requestContext } from '../server/web/request-context.ts';
import { discardDraft } from '../server/self-assessment/drafts.ts';
import { SESSION_COOKIE } from '../server/self-assessment/web.ts';
import { quickExit } from '../server/visit/quick-exit.ts';
import { MONEY_CHECK_COOKIE } from '../server/money/check-cookie.ts';
import { endSessionOnExit } from '../server/staff/sessions.ts';
import { STAFF_COOKIES, STAFF_EXIT_COOKIE, sessionLifetimes } from '../server/staff/web.ts';

export const prerender = false;

const exit: APIRoute = async ({ request, cookies, locals }) => {
  // End the self-assessment draft, if any. Leaving must never fail, whatever the database does.
  const { db, now, settings } = requestContext(locals);
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (token) await discardDraft(db, token).catch(() => undefined);
  // And a back-office session in the same browser (its token is sent here under its own cookie).
  const staffToken = cookies.get(STAFF_EXIT_COOKIE)?.value;
  if (staffToken) await endSessionOnExit(db, staffToken, now, sessionLifetimes(settings)).catch(() => undefined);
  const { status, headers } = quickExit(request.headers.get('cookie'), council.quickExitUrl, [...STAFF_COOKIES, MONEY_CHECK_COOKIE]);
  return new Response(null, { status, headers });
};

export const GET = exit;
export const POST = exit;
