// The summary a share code shows: what the person chose (their answers, their plan, their
// hand-off's reference), written out at the moment they make the code, in their language, exactly
// as the preview shows it. The hand-off's progress is not in it: the viewer sees it as it is on the day.
import { questionIn, selfAssessmentIn } from '../../config/languages.ts';
import type { Locale } from '../../domain/language/locales.ts';
import { answerLabels } from '../../domain/questionnaire/questions.ts';
import type { SharePart } from '../../domain/share/share-code.ts';
import type { DraftState } from '../self-assessment/draft-state.ts';
import { progressOf } from '../self-assessment/questionnaire.ts';
import { resultFor } from '../self-assessment/result.ts';

export interface SharedSummary {
  locale: Locale;
  answers: Array<{ question: string; answers: string[] }> | null;
  plan: { need: string; needExplanation: string; steps: Array<{ title: string; actions: string[] }> } | null;
  handoff: { reference: string; service: string; sentAt: string | null } | null;
}

/** What the draft lets the person share: the hand-off only once one is sent; answers and plan once they reach their plan. */
export function shareableParts(state: DraftState): SharePart[] {
  const progress = progressOf(state);
  const reachedPlan = progress.current === 'result' || progress.current === 'emergency';
  return [...(reachedPlan ? (['answers', 'plan'] as const) : []), ...(state.handedOff ? (['handoff'] as const) : [])];
}

export function summaryOf(state: DraftState, parts: readonly SharePart[], locale: Locale): SharedSummary {
  const progress = progressOf(state);
  const answers = parts.includes('answers')
    ? progress.path
        .map((id) => questionIn(locale, id))
        .filter((q) => q !== undefined && progress.answers[q.id] !== undefined)
        .map((q) => ({ question: q!.summaryLabel, answers: answerLabels(q!, progress.answers[q!.id]!) }))
    : null;
  const result = parts.includes('plan') ? resultFor(progress.answers, selfAssessmentIn(locale)) : null;
  const plan = result
    ? {
        need: result.need.label,
        needExplanation: result.need.explanation,
        steps: result.plan.map((step) => ({ title: step.title, actions: [...step.actions] })),
      }
    : null;
  const sent = state.handedOff;
  const handoff =
    parts.includes('handoff') && sent ? { reference: sent.reference, service: sent.serviceName, sentAt: sent.sentAt ?? null } : null;
  return { locale, answers, plan, handoff };
}
