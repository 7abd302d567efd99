// One question page, wherever it is shown: the website's (in the person's language) and the back
// office's (an adviser with someone). The post is answered the same way (Post/Redirect/Get, or
// JSON for the island's background save), and the island gets the same props, in both (the page
// types them as the island's QuestionnaireProps: the server never imports an island).
import { selfAssessmentIn, translator } from '../../config/languages.ts';
import type { Locale } from '../../domain/language/locales.ts';
import type { Question } from '../../domain/questionnaire/questions.ts';
import { stepUrl } from '../../routes/self-assessment.ts';
import { answerForm, type PostedPage } from '../web/answer-form.ts';
import { field } from '../web/forms.ts';
import { NO_STORE, wantsJson } from '../web/responses.ts';
import type { DraftState } from './draft-state.ts';
import type { DraftKeeping, DraftRecord } from './drafts.ts';
import { progressOf, submitAnswer } from './questionnaire.ts';
import type { AppDatabase } from '../db/open-database.ts';

export interface QuestionPage {
  db: AppDatabase;
  draft: DraftRecord | null;
  question: Question;
  step: string;
  /** "?change=1": changing an answer from "check your answers". */
  changing: boolean;
  locale: Locale;
  /** Where the self-assessment's pages are: "" for the website in English, "/pl", "/staff/assisted/{id}". */
  base: string;
  now: Date;
  keeping: DraftKeeping;
  /** Where a post with no draft behind it goes (the answers expired). */
  restart: string;
}

/** Records a posted answer and says where to go, or returns the page's state for a GET. */
export async function answerQuestion(page: PostedPage, q: QuestionPage) {
  return answerForm(page, {
    run: async (form) => {
      if (!q.draft) return wantsJson(page.request) ? Response.json({ ok: false, restart: true }, { headers: NO_STORE }) : q.restart;
      const raw = q.question.kind === 'checkboxes' ? (form.answer ?? []) : form.answer ? field(form, 'answer') : undefined;
      const changing = q.changing || field(form, 'change') === '1';
      const outcome = await submitAnswer(q.db, q.draft, { step: q.step, raw, changing, locale: q.locale }, q.now, q.keeping);
      if (wantsJson(page.request))
        return Response.json(outcome.ok ? { ok: true, next: outcome.next } : { ok: false, error: outcome.error }, { headers: NO_STORE });
      const keepChanging = q.changing && outcome.ok && selfAssessmentIn(q.locale).questions.some((x) => x.id === outcome.next);
      return `${q.base}${outcome.ok ? stepUrl(outcome.next, { changing: keepChanging }) : stepUrl(q.step, { changing: q.changing })}`;
    },
  });
}

/** What the island is given to show the question (and, with JavaScript, the rest of them). */
export function questionnaireProps(
  q: Pick<QuestionPage, 'locale' | 'base' | 'step' | 'changing'>,
  state: DraftState,
  flash: DraftState['flash'],
  options: { titleSuffix: string; canSave: boolean },
) {
  const t = translator(q.locale);
  const submitted = flash?.submitted.answer;
  return {
    questions: selfAssessmentIn(q.locale).questions,
    base: q.base,
    text: {
      back: t('common.back'),
      continue: t('common.continue'),
      thereIsAProblem: t('common.thereIsAProblem'),
      errorPrefix: t('layout.errorPrefix'),
      whyWeAsk: t('questionnaire.whyWeAsk'),
      saveForLater: t('questionnaire.saveForLater'),
      or: t('questionnaire.or'),
      exclusiveError: t('questionnaire.exclusiveError'),
    },
    answers: progressOf(state).answers,
    step: q.step,
    changing: q.changing,
    error: flash?.errors[0]?.message,
    submitted: Array.isArray(submitted) ? submitted : submitted ? [submitted] : undefined,
    titleSuffix: options.titleSuffix,
    canSave: options.canSave,
  };
}
