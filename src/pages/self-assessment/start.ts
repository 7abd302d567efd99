// POST /self-assessment/start: a new draft and its session cookie, then the first question.
import type { APIRoute } from 'astro';
import { stepUrl, SELF_ASSESSMENT_PATH } from '../../routes/self-assessment.ts';
import { discardDraft, startDraft } from '../../server/self-assessment/drafts.ts';
import { progressOf } from '../../server/self-assessment/questionnaire.ts';
import { draftKeeping, SESSION_COOKIE, setSessionCookie } from '../../server/self-assessment/web.ts';
import { requestContext } from '../../server/web/request-context.ts';
import { publicLimits, takeToken } from '../../server/security/public-limits.ts';
import { clientAddressOf } from '../../server/web/client-address.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { cookies, redirect } = context;
  const { db, now, settings } = requestContext(context.locals);
  // Each address may start so many an hour (a 429 page past that, src/middleware.ts).
  await takeToken(publicLimits(db, settings), 'starts', clientAddressOf(context));
  // Starting again replaces any draft this browser had.
  await discardDraft(db, cookies.get(SESSION_COOKIE)?.value);
  const { token, draft } = await startDraft(db, now, draftKeeping(settings));
  setSessionCookie(cookies, token, settings.siteUrl);
  return redirect(stepUrl(progressOf(draft.state).current), 303);
};

export const GET: APIRoute = ({ redirect }) => redirect(SELF_ASSESSMENT_PATH, 303);
