// Model-based tests: walk every path through the machine's graph (xstate/graph), answering each
// question with each of its options, and check that every path ends in a result.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { selfAssessment, questionById } from '../../../src/config/self-assessment.ts';
import { replay } from '../../../src/domain/questionnaire/journey.ts';
import { QUESTION_STEPS, RESULT_STEPS, questionnaireMachine, type QuestionnaireEvent } from '../../../src/domain/questionnaire/machine.ts';
import { assessNeed } from '../../../src/domain/questionnaire/need-level.ts';
import { buildPlan } from '../../../src/domain/questionnaire/plan.ts';
import type { AnswerValue } from '../../../src/domain/questionnaire/answers.ts';

type Snapshot = ReturnType<typeof questionnaireMachine.resolveState>;

/** Every answer worth trying at a page: each option on its own, or the ends of a number's range. */
function allEventsFor(snapshot: Snapshot): QuestionnaireEvent[] {
  const step = String(snapshot.value);
  if (step === 'checkAnswers') return [{ type: 'CONFIRM' }];
  const question = questionById(step);
  if (!question) return [];
  const values: AnswerValue[] =
    question.kind === 'number'
      ? [question.min, question.max]
      : question.options.map((o) => (question.kind === 'checkboxes' ? [o.value] : o.value));
  return values.map((value) => ({ type: 'ANSWER', question: step, value }));
}

// A page is told apart by where it is and by the answers later guards read (only homeType, for
// the arrears question); otherwise every combination of answers would be a separate node.
const serializeState = (s: Snapshot) => `${String(s.value)}|${String(s.context.answers.homeType ?? '')}`;

/**
 * One answer per distinct way on: the first option that leads to each different next page. Every
 * edge of the graph is still walked, without multiplying paths by options that go the same way.
 */
function eventsFor(snapshot: Snapshot): QuestionnaireEvent[] {
  const byNext = new Map<string, QuestionnaireEvent>();
  for (const event of allEventsFor(snapshot)) {
    const key = serializeState(transition(questionnaireMachine, snapshot, event)[0]);
    if (!byNext.has(key)) byNext.set(key, event);
  }
  return [...byNext.values()];
}

const paths = getSimplePaths(questionnaireMachine, { events: eventsFor, serializeState });
const finished = paths.filter((p) => p.state.status === 'done');

describe('every path through the self-assessment', () => {
  it('is walked (and there are a lot of them)', () => {
    expect(paths.length).toBeGreaterThan(100);
    expect(finished.length).toBeGreaterThan(50);
    console.log(`${paths.length} paths walked, ${finished.length} of them to a result`);
  });

  it('never gets stuck: every page reached has a way on', () => {
    for (const path of paths) {
      if (path.state.status === 'done') continue;
      const events = allEventsFor(path.state);
      expect(events.length, `no way on from ${String(path.state.value)}`).toBeGreaterThan(0);
      for (const event of events) expect(path.state.can(event), `${String(path.state.value)} refuses ${JSON.stringify(event)}`).toBe(true);
    }
  });

  it('ends only in a result or the emergency result', () => {
    for (const path of finished) expect(RESULT_STEPS).toContain(String(path.state.value));
    const ends = new Set(finished.map((p) => String(p.state.value)));
    expect(ends).toEqual(new Set(['result', 'emergency']));
  });

  it('reaches every question', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    for (const id of QUESTION_STEPS) expect(reached, id).toContain(id);
  });

  it('only ever moves forward in question order, asking each question at most once', () => {
    for (const path of finished) {
      const asked = path.steps.map((s) => String(s.state.value)).filter((v) => QUESTION_STEPS.includes(v));
      const order = asked.map((id) => QUESTION_STEPS.indexOf(id));
      expect(order, asked.join(' > ')).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it('gives the emergency need level exactly on the paths that end in the emergency result', () => {
    for (const path of finished) {
      const level = assessNeed(selfAssessment.needLevels, path.state.context.answers).level;
      expect(level === 'emergency', JSON.stringify(path.state.context.answers)).toBe(String(path.state.value) === 'emergency');
    }
  });

  it('gives everyone who reaches the result at least one step in their plan', () => {
    for (const path of finished) {
      expect(buildPlan(selfAssessment.plan, path.state.context.answers).length, JSON.stringify(path.state.context.answers)).toBeGreaterThan(
        0,
      );
    }
  });

  it('replays each path from its answers alone to the same place', () => {
    for (const path of finished.slice(0, 300)) {
      const progress = replay({ answers: path.state.context.answers, confirmed: true });
      expect(progress.current).toBe(String(path.state.value));
    }
  });
});
