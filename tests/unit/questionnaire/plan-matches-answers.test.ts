// Whatever path a person takes (answering, going back, changing answers from "check your
// answers"), the plan, need level and reasons are those of a fresh run with the same final
// answers: property-based, over random answers and random changes (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionById } from '../../../src/config/self-assessment.ts';
import type { AnswerValue, Answers } from '../../../src/domain/questionnaire/answers.ts';
import { answer, confirm, replay, type Draft } from '../../../src/domain/questionnaire/journey.ts';
import { RESULT_STEPS } from '../../../src/domain/questionnaire/machine.ts';
import type { Question } from '../../../src/domain/questionnaire/questions.ts';
import { resultFor } from '../../../src/server/self-assessment/result.ts';

const isResult = (step: string) => (RESULT_STEPS as readonly string[]).includes(step);

/** A valid answer to `question`, chosen by `pick` (any whole number). */
function valueFor(question: Question, pick: number): AnswerValue {
  if (question.kind === 'number') return question.min + (pick % Math.min(question.max - question.min + 1, 12));
  if (question.kind === 'radios') return question.options[pick % question.options.length]!.value;
  const chosen = question.options.filter((_, i) => (pick >> i) & 1);
  const exclusive = chosen.find((o) => o.exclusive);
  if (exclusive) return [exclusive.value];
  return (chosen.length > 0 ? chosen : [question.options[pick % question.options.length]!]).map((o) => o.value);
}

type Move = { kind: 'answer'; pick: number } | { kind: 'change'; which: number; pick: number };

const moves = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('change' as const), which: fc.nat(), pick: fc.nat() }) },
  ),
  { maxLength: 80 },
);

/** Plays the moves as a person would, then finishes with first choices; returns where they end. */
function play(list: Move[]): { draft: Draft; current: string } {
  let draft: Draft = { answers: {}, confirmed: false };
  const next = (i: number): Move => list[i] ?? { kind: 'answer', pick: 0 };
  for (let i = 0; i < 200; i += 1) {
    const progress = replay(draft);
    if (isResult(progress.current)) return { draft, current: progress.current };
    const move = next(i);
    const asked = progress.path.filter((step) => questionById(step));
    if (move.kind === 'change' && asked.length > 0) {
      // Back to an earlier question (from "check your answers", or the back link) and change it.
      const question = asked[move.which % asked.length]!;
      draft = answer(draft, question, valueFor(questionById(question)!, move.pick), { changing: true }).draft;
    } else if (progress.current === 'checkAnswers') {
      draft = confirm(draft).draft;
    } else {
      draft = answer(draft, progress.current, valueFor(questionById(progress.current)!, move.kind === 'answer' ? move.pick : 0)).draft;
    }
  }
  throw new Error('The journey did not end');
}

/** A new person giving exactly these answers, one question at a time, as asked. */
function freshRun(answers: Answers): { draft: Draft; current: string } {
  let draft: Draft = { answers: {}, confirmed: false };
  for (;;) {
    const progress = replay(draft);
    if (isResult(progress.current)) return { draft, current: progress.current };
    if (progress.current === 'checkAnswers') {
      draft = confirm(draft).draft;
      continue;
    }
    const given = answers[progress.current];
    if (given === undefined) throw new Error(`A fresh run asks "${progress.current}", which the path never answered`);
    draft = answer(draft, progress.current, given).draft;
  }
}

describe('the plan always matches the answers', () => {
  it('equals a fresh run with the same final answers, whatever the path and changes', () => {
    fc.assert(
      fc.property(moves, (list) => {
        const ended = play(list);
        const final = replay(ended.draft).answers;
        const fresh = freshRun(final);
        expect(fresh.current).toBe(ended.current);
        expect(replay(fresh.draft).answers).toEqual(final);
        const result = resultFor(final);
        expect(resultFor(replay(fresh.draft).answers)).toEqual(result);
        // The reasons given only ever quote answers that still count.
        for (const step of result.plan) for (const reason of step.because) expect(final[reason.q]).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never states a time limit the answers contradict', () => {
    fc.assert(
      fc.property(moves, (list) => {
        const final = replay(play(list).draft).answers;
        const { plan, need } = resultFor(final);
        const words = [need.explanation, ...plan.flatMap((s) => [s.title, ...s.actions])].join(' ');
        if (final.leaveBy === 'within7') expect(words).not.toMatch(/8 weeks/);
        if (final.leaveBy === 'later' || final.leaveBy === 'noDate') expect(words).not.toMatch(/within 7 days/);
      }),
      { numRuns: 300 },
    );
  });

  it('after changing "when do you have to leave" to the next 7 days, the plan says 7 days', () => {
    const base: Array<[string, AnswerValue]> = [
      ['danger', 'no'],
      ['tonight', 'yes'],
      ['courtOrBailiff', 'no'],
      ['homeType', 'privateRenter'],
      ['noticeReceived', 'section21'],
      ['leaveBy', 'within56'],
    ];
    let draft = base.reduce((d, [q, v]) => answer(d, q, v).draft, { answers: {}, confirmed: false } as Draft);
    draft = answer(draft, 'leaveBy', 'within7', { changing: true }).draft;
    const words = resultFor(replay(draft).answers)
      .plan.flatMap((s) => s.actions)
      .join(' ');
    expect(words).toContain('within 7 days');
    expect(words).not.toContain('8 weeks');
  });
});
