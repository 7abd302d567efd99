// Use cases of the question pages, shared by the no-JavaScript form posts and the island's
// background saves: answer a question, confirm "check your answers", see the result.
import { questionIn, translator } from '../../config/languages.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/language/locales.ts';
import { answer, canShow, confirm, replay, type Progress } from '../../domain/questionnaire/journey.ts';
import { validateAnswer } from '../../domain/questionnaire/questions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { countGoals } from '../analytics/goals.ts';
import type { Goal } from '../../domain/analytics/goals.ts';
import type { DraftState } from './draft-state.ts';
import { updateDraft, type DraftKeeping, type DraftRecord } from './drafts.ts';
import { resultFor, type AssessmentResult } from './result.ts';

export function progressOf(state: DraftState): Progress {
  return replay({ answers: state.answers, confirmed: state.confirmed });
}

export type SubmitOutcome = { ok: true; next: string; draft: DraftRecord } | { ok: false; error: string; draft: DraftRecord };

export interface SubmitAnswerInput {
  step: string;
  /** The field's value(s) as the form sent them. */
  raw: string | string[] | undefined;
  changing: boolean;
  /** The language of the page it came from: the error, if any, is in it. English when absent. */
  locale?: Locale;
}

/**
 * Checks and records one answer. On a bad answer the error and what was sent are kept for the
 * next page view (Post/Redirect/Get) and nothing already saved is lost.
 */
export async function submitAnswer(
  db: AppDatabase,
  draft: DraftRecord,
  input: SubmitAnswerInput,
  now: Date,
  keeping: DraftKeeping,
): Promise<SubmitOutcome> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const question = questionIn(locale, input.step);
  const progress = progressOf(draft.state);
  if (!question || !canShow(progress, input.step)) {
    return { ok: true, next: progress.current, draft };
  }
  const checked = validateAnswer(question, input.raw, translator(locale)('questionnaire.exclusiveError'));
  if (!checked.ok) {
    const submitted = { answer: input.raw ?? [] };
    const state: DraftState = {
      ...draft.state,
      flash: { page: input.step, errors: [{ field: 'answer', message: checked.error }], submitted },
    };
    return { ok: false, error: checked.error, draft: await updateDraft(db, draft, state, now, keeping) };
  }
  const outcome = answer({ answers: draft.state.answers, confirmed: draft.state.confirmed }, input.step, checked.value, {
    changing: input.changing,
  });
  // completionCounted is kept: finishing again after changing an answer is still one self-assessment.
  const state: DraftState = { ...draft.state, answers: outcome.draft.answers, confirmed: outcome.draft.confirmed, flash: undefined };
  return { ok: true, next: outcome.next, draft: await updateDraft(db, draft, state, now, keeping) };
}

export async function confirmAnswers(
  db: AppDatabase,
  draft: DraftRecord,
  now: Date,
  keeping: DraftKeeping,
): Promise<{ next: string; draft: DraftRecord }> {
  const progress = progressOf(draft.state);
  if (progress.current !== 'checkAnswers') return { next: progress.current, draft };
  const confirmed = confirm({ answers: draft.state.answers, confirmed: draft.state.confirmed });
  const state: DraftState = { ...draft.state, confirmed: true, answers: confirmed.draft.answers };
  return { next: confirmed.progress.current, draft: await updateDraft(db, draft, state, now, keeping) };
}

/**
 * Counts a finished self-assessment once (not again on reload): completed, its need level, the
 * domains flagged and, for the ordinary result, the route to guidance (a hand-off counts later).
 */
export async function recordCompletion(
  db: AppDatabase,
  draft: DraftRecord,
  now: Date,
  keeping: DraftKeeping,
  /** The result, if the caller has already worked it out. */
  known?: AssessmentResult,
  /** The language it was done in, counted too. */
  locale: Locale = DEFAULT_LOCALE,
): Promise<DraftRecord> {
  if (draft.state.completionCounted) return draft;
  const progress = progressOf(draft.state);
  if (progress.current !== 'result' && progress.current !== 'emergency') return draft;
  const result = known ?? resultFor(progress.answers);
  const metrics: Goal[] = [
    'completed',
    `need_level:${result.need.level}`,
    ...result.domains.map((d) => `domain:${d}` as const),
    ...(progress.current === 'emergency' ? (['emergency_result'] as const) : []),
    `language:${locale}`,
  ];
  await countGoals(db, metrics, now);
  return updateDraft(db, draft, { ...draft.state, completionCounted: true }, now, keeping);
}

/** Clears a one-time error once it has been shown. */
export async function clearFlash(db: AppDatabase, draft: DraftRecord, now: Date, keeping: DraftKeeping): Promise<DraftRecord> {
  if (!draft.state.flash) return draft;
  return updateDraft(db, draft, { ...draft.state, flash: undefined }, now, keeping);
}
