// POST /self-assessment/start: a new draft and its session cookie, then the first question.
import type { APIRoute } from 'astro';
import { stepUrl, SELF_ASSESSMENT_PATH } from '../../routes/self-assessment.ts';
import { discardDraft, startDraft } from '../../server/self-assessment/drafts.ts';
import { progressOf } from '../../server/self-assessment/questionnaire.ts';
import { lifetimes, SESSION_COOKIE, setSessionCookie } from '../../server/self-assessment/web.ts';
import { appDatabase } from '../../server/startup.ts';

export const prerender = false;

export const POST: APIRoute = async ({ cookies, url, redirect }) => {
  const db = await appDatabase();
  // Starting again replaces any draft this browser had.
  await discardDraft(db, cookies.get(SESSION_COOKIE)?.value);
  const { token, draft } = await startDraft(db, new Date(), lifetimes());
  setSessionCookie(cookies, token, url);
  return redirect(stepUrl(progressOf(draft.state).current), 303);
};

export const GET: APIRoute = ({ redirect }) => redirect(SELF_ASSESSMENT_PATH, 303);
