// The shared start of the self-assessment's server pages, so each page holds only what is its own.
import type { AstroCookies } from 'astro';
import type { AppDatabase } from '../db/open-database.ts';
import type { DraftState } from './draft-state.ts';
import type { DraftLifetimes, DraftRecord } from './drafts.ts';
import { handoffRedirect } from './handoff-steps.ts';
import { clearFlash, progressOf, recordCompletion } from './questionnaire.ts';
import { resultFor, type AssessmentResult } from './result.ts';
import { currentDraft, lifetimes } from './web.ts';
import { readForm, type FormValues } from '../web/forms.ts';
import { SELF_ASSESSMENT_PATH, stepUrl, type HandoffPage } from '../../routes/self-assessment.ts';
import { seeOther } from '../web/responses.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { serviceRules } from '../../config/service-rules.ts';
import { settings, type Settings } from '../../config/settings.ts';
import { publicLimits, type PublicLimits } from '../security/public-limits.ts';
import { clientAddressOf } from '../web/client-address.ts';


/**
 * What a hand-off page's use case is given besides the form: the council's rules, the service's
 * settings, and the public limits with the address they are counted against.
 */
export interface HandoffServices {
  rules: ServiceRules;
  settings: Settings;
  limits: PublicLimits;
  address: string;
}

/** The parts of Astro's page context a hand-off page needs. */
interface PageRequest {
  cookies: AstroCookies;
  request: Request;
  clientAddress: string;
}

type HandoffAnswer = (db: AppDatabase, draft: DraftRecord, form: FormValues, now: Date, lifetimes: DraftLifetimes, services: HandoffServices) => Promise<{ next: string }>;

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
  const { cookies, request } = astro;
  const { db, draft, now } = await currentDraft(cookies);
  const elsewhere = handoffRedirect(draft, page);
  if (elsewhere || !draft) return seeOther(elsewhere ?? SELF_ASSESSMENT_PATH);
  if (request.method === 'POST' && onPost) {
    const config = settings();
    const services = { rules: serviceRules, settings: config, limits: publicLimits(db, config), address: clientAddressOf(astro) };
    const { next } = await onPost(db, draft, await readForm(request), now, lifetimes(), services);
    return seeOther(next);
  }
  const flash = draft.state.flash?.page === page ? draft.state.flash : undefined;
  if (flash) await clearFlash(db, draft, now, lifetimes());
  return { draft, flash };
}

export interface ResultPageContext {
  path: string[];
  result: AssessmentResult;
  /** The request they have already sent, if they have (the plan stays theirs to read until they finish). */
  sent: { reference: string } | null;
}

/** The result or emergency page: only when the answers lead there; counted once as completed. */
export async function resultPage(cookies: AstroCookies, expected: 'result' | 'emergency'): Promise<Response | ResultPageContext> {
  const { db, draft, now } = await currentDraft(cookies);
  if (!draft) return seeOther(SELF_ASSESSMENT_PATH);
  const progress = progressOf(draft.state);
  if (progress.current !== expected) return seeOther(stepUrl(progress.current));
  const result = resultFor(progress.answers);
  await recordCompletion(db, draft, now, lifetimes(), result);
  return { path: progress.path, result, sent: draft.state.handedOff ? { reference: draft.state.handedOff.reference } : null };
}
