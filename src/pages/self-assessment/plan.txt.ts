// GET /self-assessment/plan.txt: the plan as a file to keep.
import type { APIRoute } from 'astro';
import { SELF_ASSESSMENT_PATH } from '../../routes/self-assessment.ts';
import { planAsText } from '../../server/self-assessment/plan-text.ts';
import { progressOf } from '../../server/self-assessment/questionnaire.ts';
import { resultFor } from '../../server/self-assessment/result.ts';
import { currentDraft } from '../../server/self-assessment/web.ts';
import { selfAssessmentIn } from '../../config/languages.ts';
import { DEFAULT_LOCALE } from '../../domain/language/locales.ts';

export const prerender = false;

export const GET: APIRoute = async ({ cookies, locals, redirect }) => {
  const { draft, now } = await currentDraft({ cookies, locals });
  const progress = draft ? progressOf(draft.state) : null;
  if (!progress || (progress.current !== 'result' && progress.current !== 'emergency')) return redirect(SELF_ASSESSMENT_PATH, 303);
  const locale = locals.locale ?? DEFAULT_LOCALE;
  const plan = planAsText(resultFor(progress.answers, selfAssessmentIn(locale)), now, draft!.state.money ?? null, locale);
  return new Response(plan, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': 'attachment; filename="housing-plan.txt"',
      'Cache-Control': 'no-store',
    },
  });
};
