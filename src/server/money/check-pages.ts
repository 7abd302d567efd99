// The public money check's pages (src/pages/money-check/): starting (the one moment a cookie is
// set, with what the person already said in the self-assessment filled in), each question page
// (shown, or its answers checked and kept), and the answers as the check-your-answers and result
// pages need them. The answers live in the person's browser (./check-cookie.ts).
import type { AstroCookies } from 'astro';
import { moneyCheckPages } from '../../config/money.ts';
import type { FormError } from '../../domain/forms.ts';
import {
  askedFields,
  checkPage,
  completeAnswers,
  firstUnanswered,
  knownFields,
  nextPage,
  pagesAsked,
  previousPage,
  fromSelfAssessment,
  type CheckAnswers,
  type QuestionField,
  type QuestionPage,
} from '../../domain/money/questions.ts';
import type { MoneyAnswers } from '../../domain/money/answers.ts';
import { currentDraft } from '../self-assessment/web.ts';
import type { FormValues } from '../web/forms.ts';
import { FormProblems } from '../web/problems.ts';
import { seeOther } from '../web/responses.ts';
import { requestContext } from '../web/request-context.ts';
import { checkAnswersIn, setCheckCookie } from './check-cookie.ts';

export const MONEY_CHECK_PATH = '/money-check';

export const questionUrl = (id: string, change = false) => `${MONEY_CHECK_PATH}/${id}${change ? '?change=1' : ''}`;
export const CHECK_ANSWERS_URL = `${MONEY_CHECK_PATH}/check-answers`;
export const RESULT_URL = `${MONEY_CHECK_PATH}/result`;

interface PageRequest {
  cookies: AstroCookies;
  locals: App.Locals;
  request: Request;
  url: URL;
  response: { status?: number };
}

/** POST /money-check/start: the answers begin (from the self-assessment's, if any), and the first question. */
export async function startCheck(astro: Pick<PageRequest, 'cookies' | 'locals'>): Promise<Response> {
  const { now, ring, settings } = requestContext(astro.locals);
  const { draft } = await currentDraft(astro);
  const known = draft ? fromSelfAssessment(draft.state.answers as Record<string, unknown>) : {};
  const existing = checkAnswersIn(astro.cookies, ring, now);
  setCheckCookie(astro.cookies, ring, { ...known, ...(existing ?? {}) }, now, settings.siteUrl);
  return seeOther(questionUrl(moneyCheckPages[0]!.id));
}

export interface QuestionPageView {
  page: QuestionPage;
  fields: QuestionField[];
  /** The answers to show in the fields: as saved, or as just posted when something was wrong. */
  values: CheckAnswers;
  errors: FormError[];
  back: string;
  /** Came from check your answers: Continue goes back there. */
  changing: boolean;
  /** "Question 3 of 12". */
  position: { index: number; of: number };
}

/** Every field some page asks, by kind: a form's answers are read by kind, and nothing else rides along. */
const KINDS = knownFields(moneyCheckPages);

/** The answers a form holds for these fields (every field by default): one value a field, checkboxes joined by commas, a missing one empty. */
export function answersFromForm(form: FormValues, names: Iterable<string> = KINDS.keys()): CheckAnswers {
  const answers: CheckAnswers = {};
  for (const name of names) {
    const posted = (form[name] ?? []).map((v) => v.trim()).filter(Boolean);
    answers[name] = KINDS.get(name) === 'checkboxes' ? posted.slice(0, 10).join(',') : (posted[0] ?? '').slice(0, 40);
  }
  return answers;
}

/** A question page: its view, or where to go instead (not started, or not yet reached). */
export function questionPage(astro: Pick<PageRequest, 'cookies' | 'locals' | 'url'>, id: string): Response | QuestionPageView {
  const { now, ring } = requestContext(astro.locals);
  const answers = checkAnswersIn(astro.cookies, ring, now);
  if (!answers) return seeOther(MONEY_CHECK_PATH);
  const page = moneyCheckPages.find((p) => p.id === id);
  const asked = pagesAsked(moneyCheckPages, answers);
  const missing = firstUnanswered(moneyCheckPages, answers);
  // Not a page asked of them, or further on than the first unanswered one: not reached yet.
  if (!page || !asked.includes(page)) return seeOther(questionUrl((missing ?? asked[0]!).id));
  if (missing && asked.indexOf(page) > asked.indexOf(missing)) return seeOther(questionUrl(missing.id));
  const changing = astro.url.searchParams.get('change') === '1';
  const previous = previousPage(moneyCheckPages, answers, page.id);
  return {
    page,
    fields: askedFields(page, answers),
    values: answers,
    errors: [],
    back: changing ? CHECK_ANSWERS_URL : previous ? questionUrl(previous.id) : MONEY_CHECK_PATH,
    changing,
    position: { index: asked.indexOf(page) + 1, of: asked.length },
  };
}

/** The page's answers as posted, over the ones kept: what the fields show again after a problem. */
export function postedAnswers(view: QuestionPageView, form: FormValues): CheckAnswers {
  const names = (answers: CheckAnswers) => askedFields(view.page, answers).map((f) => f.name);
  const updated = { ...view.values, ...answersFromForm(form, names(view.values)) };
  // A page whose fields depend on one of its own answers (the children's ages) is read as answered.
  return { ...updated, ...answersFromForm(form, names(updated)) };
}

/**
 * A question page's post (through the form dispatcher): the answers checked, kept in the cookie,
 * and where to go next; or the page's problems, against their fields.
 */
export function answerQuestion(astro: Pick<PageRequest, 'cookies' | 'locals'>, view: QuestionPageView, form: FormValues): string {
  const { now, ring, settings } = requestContext(astro.locals);
  const answers = postedAnswers(view, form);
  const errors = checkPage(view.page, answers);
  if (errors.length > 0) throw new FormProblems(errors);
  setCheckCookie(astro.cookies, ring, answers, now, settings.siteUrl);
  const next = nextPage(moneyCheckPages, answers, view.page.id);
  if (view.changing && firstUnanswered(moneyCheckPages, answers) === null) return CHECK_ANSWERS_URL;
  return next ? questionUrl(next.id, view.changing) : CHECK_ANSWERS_URL;
}

/** The answers, complete, for check your answers and the result; or where to go to finish them. */
export function finishedAnswers(astro: Pick<PageRequest, 'cookies' | 'locals'>): Response | { answers: CheckAnswers; money: MoneyAnswers } {
  const { now, ring } = requestContext(astro.locals);
  const answers = checkAnswersIn(astro.cookies, ring, now);
  if (!answers) return seeOther(MONEY_CHECK_PATH);
  const complete = completeAnswers(moneyCheckPages, answers);
  if (!complete.ok) return seeOther(questionUrl(complete.page.id));
  return { answers, money: complete.answers };
}
