// GET /self-assessment/plan.txt: the plan as a file to keep.
import type { APIRoute } from 'astro';
import { SELF_ASSESSMENT_PATH } from '../../routes/self-assessment.ts';
import { planAsText } from '../../server/self-assessment/plan-text.ts';
import { progressOf } from '../../server/self-assessment/questionnaire.ts';
import { resultFor } from '../../server/self-assessment/result.ts';
import { currentDraft } from '../../server/self-assessment/web.ts';

export const prerender = false;

export const GET: APIRoute = async ({ cookies, locals, redirect }) => {
  const { draft, now } = await currentDraft({ cookies, locals });
  const progress = draft ? progressOf(draft.state) : null;
  if (!progress || (progress.current !== 'result' && progress.current !== 'emergency')) return redirect(SELF_ASSESSMENT_PATH, 303);
  return new Response(planAsText(resultFor(progress.answers), now, draft!.state.money ?? null), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': 'attachment; filename="housing-plan.txt"',
      'Cache-Control': 'no-store',
    },
  });
};
