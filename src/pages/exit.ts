// GET /exit: the quick-exit link. Works without JavaScript.
import type { APIRoute } from 'astro';
import { council } from '../config/council.ts';
import { requestContext } from '../server/web/request-context.ts';
import { discardDraft } from '../server/self-assessment/drafts.ts';
import { SESSION_COOKIE } from '../server/self-assessment/web.ts';
import { quickExit } from '../server/visit/quick-exit.ts';

export const prerender = false;

const exit: APIRoute = async ({ request, cookies, locals }) => {
  // End the self-assessment draft, if any. Leaving must never fail, whatever the database does.
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (token) await discardDraft(requestContext(locals).db, token).catch(() => undefined);
  const { status, headers } = quickExit(request.headers.get('cookie'), council.quickExitUrl);
  return new Response(null, { status, headers });
};

export const GET = exit;
export const POST = exit;
