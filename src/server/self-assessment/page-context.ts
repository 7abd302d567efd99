// The shared start of the self-assessment's server pages, so each page holds only what is its own.
import type { AstroCookies } from 'astro';
import type { AppDatabase } from '../db/open-database.ts';
import type { DraftState, MoneyCheckInPlan } from './draft-state.ts';
import type { DraftKeeping, DraftRecord } from './drafts.ts';
import { handoffRedirect } from './handoff-steps.ts';
import { clearFlash, progressOf, recordCompletion } from './questionnaire.ts';
import { downsizingOfferFor, resultFor, type AssessmentResult, type DownsizingOffer } from './result.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { currentDraft } from './web.ts';
import { servicesForNeed } from '../../config/pathways.ts';
import { selfAssessmentIn } from '../../config/languages.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/language/locales.ts';
import { getActiveServices, type DirectoryService } from '../directory/services.ts';
import type { FormValues } from '../web/forms.ts';
import { answerForm } from '../web/answer-form.ts';
import { SELF_ASSESSMENT_PATH, stepUrl, type HandoffPage } from '../../routes/self-assessment.ts';
import { seeOther } from '../web/responses.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { Settings } from '../../config/settings.ts';
import { publicLimits, type PublicLimits } from '../security/public-limits.ts';
import { clientAddressOf } from '../web/client-address.ts';

/**
 * What a hand-off page's use case is given besides the form: the council's rules, the service's
 * settings, and the public limits with the address they are counted against.
 */
export interface HandoffServices {
  /** The language of the page: its errors, and the consent the person reads, are in it. */
  locale: Locale;
  rules: ServiceRules;
  settings: Settings;
  limits: PublicLimits;
  address: string;
}

/** The parts of Astro's page context a hand-off page needs. */
interface PageRequest {
  cookies: AstroCookies;
  locals: App.Locals;
  request: Request;
  response: { status?: number };
  clientAddress: string;
}

type HandoffAnswer = (
  db: AppDatabase,
  draft: DraftRecord,
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
  services: HandoffServices,
) => Promise<{ next: string }>;

export interface HandoffPageContext {
  draft: DraftRecord;
  /** A one-time error from the last POST of this page, with what was sent. */
  flash: DraftState['flash'];
}

/**
 * A hand-off page: sends the person back if they have not reached it, records a POST through
 * its use case and redirects (Post/Redirect/Get), or gives the page what it needs to show.
 */
export async function handoffPage(astro: PageRequest, page: HandoffPage, onPost?: HandoffAnswer): Promise<Response | HandoffPageContext> {
  const { request } = astro;
  const { db, draft, now, keeping, settings, rules } = await currentDraft(astro);
  const elsewhere = handoffRedirect(draft, page);
  if (elsewhere || !draft) return seeOther(elsewhere ?? SELF_ASSESSMENT_PATH);
  if (request.method === 'POST' && onPost) {
    const locale = astro.locals.locale ?? DEFAULT_LOCALE;
    const services = { locale, rules, settings, limits: publicLimits(db, settings), address: clientAddressOf(astro) };
    // A problem is kept in the draft (the flash) and shown after the redirect, so every answer redirects.
    const posted = await answerForm(astro, { run: async (form) => (await onPost(db, draft, form, now, keeping, services)).next });
    if (posted instanceof Response) return posted;
  }
  const flash = draft.state.flash?.page === page ? draft.state.flash : undefined;
  if (flash) await clearFlash(db, draft, now, keeping);
  return { draft, flash };
}

export interface ResultPageContext {
  path: string[];
  result: AssessmentResult;
  /** The directory services on the plan's referral pathways, for "who can help" (one query). */
  directory: DirectoryService[];
  now: Date;
  /** The request they have already sent, if they have (the plan stays theirs to read until they finish). */
  sent: { reference: string } | null;
  /** The money check they added to the plan, if they did. */
  money: MoneyCheckInPlan | null;
  /** For a social tenant with a spare bedroom: what moving to a smaller home could gain. */
  downsizing: DownsizingOffer | null;
}

/** The result or emergency page: only when the answers lead there; counted once as completed. */
export async function resultPage(
  astro: { cookies: AstroCookies; locals: App.Locals },
  expected: 'result' | 'emergency',
): Promise<Response | ResultPageContext> {
  const { db, draft, now, keeping } = await currentDraft(astro);
  if (!draft) return seeOther(SELF_ASSESSMENT_PATH);
  const progress = progressOf(draft.state);
  if (progress.current !== expected) return seeOther(stepUrl(progress.current));
  const locale = astro.locals.locale ?? DEFAULT_LOCALE;
  const result = resultFor(progress.answers, selfAssessmentIn(locale));
  await recordCompletion(db, draft, now, keeping, result, locale);
  const directory = await getActiveServices(
    db,
    result.plan.flatMap((step) => servicesForNeed(step.id)),
  );
  return {
    path: progress.path,
    result,
    directory,
    now,
    sent: draft.state.handedOff ? { reference: draft.state.handedOff.reference } : null,
    money: draft.state.money ?? null,
    downsizing: downsizingOfferFor(progress.answers, localDate(now)),
  };
}
