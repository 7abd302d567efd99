// Where a person is in the self-assessment, worked out by replaying their answers through the
// machine from the start with XState's pure transitions. The same function runs on the server
// (from the stored answers) and in the browser. It gives:
//   - the path of pages the answers lead through, and the page to show now;
//   - the back link (the page before, on that path: never browser history);
//   - which answers still count: answers to questions the path no longer reaches are dropped.
import { initialTransition, transition } from 'xstate';
import type { AnswerValue, Answers } from './answers.ts';
import { QUESTION_STEPS, questionnaireMachine, type QuestionnaireEvent, type StepId } from './machine.ts';

export interface Progress {
  /** Every page reached, in order, ending with the current one. */
  path: StepId[];
  /** The page to show now: the first unanswered question, check answers, or a result. */
  current: StepId;
  /**
   * The answers that still count. Answers to questions the path has passed by are dropped; answers
   * to questions after an unanswered one are kept until the path is known (every transition goes
   * forward in question order, which the model-based tests check).
   */
  answers: Answers;
}

export interface Draft {
  answers: Answers;
  /** The person confirmed their answers on "check your answers". */
  confirmed: boolean;
}

const isQuestion = (step: StepId) => QUESTION_STEPS.includes(step);

type Snapshot = ReturnType<typeof questionnaireMachine.resolveState>;

function step(snapshot: Snapshot, event: QuestionnaireEvent): Snapshot {
  return transition(questionnaireMachine, snapshot, event)[0];
}

/** The first snapshot is the same for everyone: made once (transitions make new snapshots, never change one). */
let first: Snapshot | undefined;

export function replay(draft: Draft): Progress {
  let snapshot = (first ??= initialTransition(questionnaireMachine)[0]);
  const path: StepId[] = [];
  const kept: Record<string, AnswerValue> = {};
  for (;;) {
    const current = String(snapshot.value);
    path.push(current);
    if (snapshot.status === 'done') return { path, current, answers: kept };
    if (current === 'checkAnswers') {
      if (!draft.confirmed) return { path, current, answers: kept };
      snapshot = step(snapshot, { type: 'CONFIRM' });
      continue;
    }
    const answer = draft.answers[current];
    if (answer === undefined) {
      // Stopped at an unanswered question: later questions may still be reached.
      const later = QUESTION_STEPS.slice(QUESTION_STEPS.indexOf(current) + 1);
      for (const id of later) if (draft.answers[id] !== undefined) kept[id] = draft.answers[id];
      return { path, current, answers: kept };
    }
    kept[current] = answer;
    snapshot = step(snapshot, { type: 'ANSWER', question: current, value: answer });
  }
}

/** The page before `step` on the person's path, or null for the first question. */
export function previousStep(progress: Progress, stepId: StepId): StepId | null {
  const index = progress.path.indexOf(stepId);
  return index > 0 ? progress.path[index - 1]! : null;
}

/** A question can be shown only if the answers reach it (no skipping ahead by URL). */
export function canShow(progress: Progress, stepId: StepId): boolean {
  return progress.path.includes(stepId);
}

export interface AnswerOutcome {
  draft: Draft;
  progress: Progress;
  /** Where to go next. */
  next: StepId;
}

/**
 * Records an answer and works out the next page. Normally that is the next page on the path.
 * When changing an answer from "check your answers", it is the first question the change has
 * made necessary, or back to "check your answers". Any answer un-confirms the draft.
 */
export function answer(draft: Draft, question: StepId, value: AnswerValue, options: { changing?: boolean } = {}): AnswerOutcome {
  const before = replay(draft);
  if (!isQuestion(question) || !canShow(before, question)) {
    throw new Error(`Question "${question}" is not on this person's path`);
  }
  const progress = replay({ answers: { ...draft.answers, [question]: value }, confirmed: false });
  const nextDraft: Draft = { answers: progress.answers, confirmed: false };
  const after = progress.path[progress.path.indexOf(question) + 1]!;
  return { draft: nextDraft, progress, next: options.changing ? progress.current : after };
}

/** "Check your answers" confirmed: on to the result. */
export function confirm(draft: Draft): { draft: Draft; progress: Progress } {
  const before = replay(draft);
  if (before.current !== 'checkAnswers') throw new Error('There are questions still to answer');
  const next = { answers: before.answers, confirmed: true };
  return { draft: next, progress: replay(next) };
}
