// GET /self-assessment/summary.html: the person's summary (their answers, their plan, their
// request's reference) as a document to keep, in their language (src/server/share/summary-document.ts).
import type { APIRoute } from 'astro';
import { councilIn, translator } from '../../config/languages.ts';
import { DEFAULT_LOCALE } from '../../domain/language/locales.ts';
import { localDate as englandDate } from '../../domain/time/working-days.ts';
import { localDate } from '../../language/local-time.ts';
import { SELF_ASSESSMENT_PATH } from '../../routes/self-assessment.ts';
import { summaryDocument } from '../../server/share/summary-document.ts';
import { shareableParts, summaryOf } from '../../server/share/summary.ts';
import { currentDraft } from '../../server/self-assessment/web.ts';

export const prerender = false;

export const GET: APIRoute = async ({ cookies, locals, redirect }) => {
  const { draft, now } = await currentDraft({ cookies, locals });
  const parts = draft ? shareableParts(draft.state) : [];
  if (!draft || parts.length === 0) return redirect(SELF_ASSESSMENT_PATH, 303);
  const locale = locals.locale ?? DEFAULT_LOCALE;
  const { name, contacts } = councilIn(locale);
  const { housingOptions } = contacts;
  const document = summaryDocument(summaryOf(draft.state, parts, locale), {
    madeOn: localDate(locale, englandDate(now)),
    council: { name, team: housingOptions.name, phone: housingOptions.phone, email: housingOptions.email, address: housingOptions.address },
    t: translator(locale),
  });
  return new Response(document, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': 'attachment; filename="housing-summary.html"',
      'Cache-Control': 'no-store',
    },
  });
};
