import { describe, expect, it } from 'vitest';
import { answer, canShow, confirm, previousStep, replay, type Draft } from '../../../src/domain/questionnaire/journey.ts';
import type { AnswerValue } from '../../../src/domain/questionnaire/answers.ts';

const empty: Draft = { answers: {}, confirmed: false };

function answerAll(pairs: Array<[string, AnswerValue]>, draft: Draft = empty): Draft {
  return pairs.reduce((d, [question, value]) => answer(d, question, value).draft, draft);
}

const safe: Array<[string, AnswerValue]> = [
  ['danger', 'no'],
  ['tonight', 'yes'],
  ['courtOrBailiff', 'no'],
];
const renterToEnd: Array<[string, AnswerValue]> = [
  ...safe,
  ['homeType', 'privateRenter'],
  ['noticeReceived', 'section21'],
  ['leaveBy', 'later'],
  ['homeProblems', ['overcrowded']],
  ['adults', 2],
  ['children', 3],
  ['arrears', 'no'],
  ['otherDebts', ['none']],
  ['incomeDrop', 'no'],
  ['benefits', 'yes'],
  ['moneyHelp', ['none']],
  ['work', 'fullTime'],
  ['workHelp', ['none']],
  ['supportNeeds', ['none']],
];

describe('the journey', () => {
  it('starts with safety, and sends anyone in danger straight to the emergency result', () => {
    expect(replay(empty).current).toBe('danger');
    const outcome = answer(empty, 'danger', 'yes');
    expect(outcome.next).toBe('emergency');
    expect(outcome.progress).toMatchObject({ current: 'emergency', path: ['danger', 'emergency'] });
  });

  it('asks about household size only when the home is the wrong size, or a council or housing association home', () => {
    const renter = answerAll([...safe, ['homeType', 'privateRenter'], ['noticeReceived', 'none']]);
    expect(answer(renter, 'homeProblems', ['disrepair']).next).toBe('arrears');
    expect(answer(renter, 'homeProblems', ['tooBig']).next).toBe('adults');
    const afterChildren = answer(answer(answer(renter, 'homeProblems', ['tooBig']).draft, 'adults', 2).draft, 'children', 0);
    expect(afterChildren.next).toBe('arrears');
    // A social tenant is asked who lives there and how many bedrooms the home has, whatever is wrong with it.
    const tenant = answerAll([...safe, ['homeType', 'housingAssociation'], ['noticeReceived', 'none']]);
    const household = answer(tenant, 'homeProblems', ['disrepair']);
    expect(household.next).toBe('adults');
    const bedrooms = answer(answer(household.draft, 'adults', 2).draft, 'children', 0);
    expect(bedrooms.next).toBe('bedrooms');
    expect(answer(bedrooms.draft, 'bedrooms', 3).next).toBe('arrears');
  });

  it('does not ask about notices, repairs or arrears when there is no home to lose', () => {
    const d = answerAll([...safe, ['homeType', 'noSettledHome']]);
    expect(replay(d).current).toBe('incomeDrop');
    const leaving = answerAll([...safe, ['homeType', 'leavingInstitution']]);
    expect(replay(leaving).current).toBe('leavingWhere');
    expect(answer(leaving, 'leavingWhere', 'prison').next).toBe('incomeDrop');
  });

  it('does not ask about rent arrears of people living with family or friends', () => {
    const d = answerAll([...safe, ['homeType', 'familyOrFriends'], ['noticeReceived', 'askedToLeave'], ['leaveBy', 'within56']]);
    expect(answer(d, 'homeProblems', ['none']).next).toBe('otherDebts');
  });

  it('reaches check your answers, then the result once confirmed', () => {
    const d = answerAll(renterToEnd);
    expect(replay(d).current).toBe('checkAnswers');
    const { progress } = confirm(d);
    expect(progress.current).toBe('result');
    expect(() => confirm(answerAll(safe))).toThrow('There are questions still to answer');
  });

  it('works out the back link from the answers, not from history', () => {
    const progress = replay(answerAll(renterToEnd));
    expect(previousStep(progress, 'danger')).toBeNull();
    expect(previousStep(progress, 'arrears')).toBe('children');
    expect(previousStep(progress, 'checkAnswers')).toBe('supportNeeds');
  });

  it('refuses answers to questions the path does not reach (no skipping ahead by URL)', () => {
    expect(canShow(replay(empty), 'arrears')).toBe(false);
    expect(() => answer(empty, 'arrears', 'yes')).toThrow('not on this person');
  });

  it('after a change on check your answers, asks newly needed questions and drops unreachable answers', () => {
    const d = answerAll(renterToEnd);
    // No longer a wrong-size home: adults and children are dropped, straight back to check answers.
    const smaller = answer(d, 'homeProblems', ['disrepair'], { changing: true });
    expect(smaller.next).toBe('checkAnswers');
    expect(smaller.draft.answers).not.toHaveProperty('adults');
    expect(smaller.draft.answers).not.toHaveProperty('children');

    // Now wants help with work: the barriers question is new, so it is asked before returning.
    const work = answer(d, 'workHelp', ['training'], { changing: true });
    expect(work.next).toBe('workBarriers');
    expect(answer(work.draft, 'workBarriers', ['childcare'], { changing: true }).next).toBe('checkAnswers');

    // A change that makes it an emergency ends there, and every later answer is dropped.
    const danger = answer(d, 'danger', 'yes', { changing: true });
    expect(danger.next).toBe('emergency');
    expect(Object.keys(danger.draft.answers)).toEqual(['danger']);
  });

  it('any new answer un-confirms, so check your answers is shown again', () => {
    const confirmed = confirm(answerAll(renterToEnd)).draft;
    expect(replay(confirmed).current).toBe('result');
    const changed = answer(confirmed, 'benefits', 'no', { changing: true });
    expect(changed.draft.confirmed).toBe(false);
    expect(changed.next).toBe('checkAnswers');
  });

  it('going back and answering again moves on to the next question, not to the end', () => {
    const d = answerAll(renterToEnd);
    expect(answer(d, 'incomeDrop', 'fewerHours').next).toBe('benefits');
  });
});
