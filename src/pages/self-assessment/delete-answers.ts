// POST /self-assessment/delete-answers: the person has finished; nothing of theirs is kept.
import type { APIRoute } from 'astro';
import { requestContext } from '../../server/web/request-context.ts';
import { discardDraft } from '../../server/self-assessment/drafts.ts';
import { clearSessionCookie, SESSION_COOKIE } from '../../server/self-assessment/web.ts';

export const prerender = false;

export const POST: APIRoute = async ({ cookies, redirect, locals }) => {
  await discardDraft(requestContext(locals).db, cookies.get(SESSION_COOKIE)?.value);
  clearSessionCookie(cookies);
  return redirect('/self-assessment/answers-deleted', 303);
};
