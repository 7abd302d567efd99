import { describe, expect, it } from 'vitest';
import { contentProblems, selfAssessment, type SelfAssessmentContent } from '../../../src/config/self-assessment.ts';
import { assessNeed, offersHandoff } from '../../../src/domain/questionnaire/need-level.ts';
import { buildPlan, flaggedDomains, packTagsFor } from '../../../src/domain/questionnaire/plan.ts';

const rules = selfAssessment.needLevels;
const safe = { danger: 'no', tonight: 'yes', courtOrBailiff: 'no' };

describe('need level', () => {
  it('is emergency for danger, nowhere tonight, or a court or bailiff date, and says why', () => {
    expect(assessNeed(rules, { danger: 'yes' })).toMatchObject({ level: 'emergency', because: [{ q: 'danger', values: ['yes'] }] });
    expect(assessNeed(rules, { danger: 'no', tonight: 'no' }).level).toBe('emergency');
    expect(assessNeed(rules, { ...safe, courtOrBailiff: 'bailiff' }).level).toBe('emergency');
  });

  it('is high when the home could be lost within 56 days, or there is no settled home', () => {
    expect(assessNeed(rules, { ...safe, homeType: 'privateRenter', noticeReceived: 'section21', leaveBy: 'within56' }).level).toBe('high');
    expect(assessNeed(rules, { ...safe, homeType: 'noSettledHome' }).level).toBe('high');
    expect(assessNeed(rules, { ...safe, homeType: 'councilTenant', noticeReceived: 'possessionOrder', leaveBy: 'noDate' }).level).toBe(
      'high',
    );
    expect(
      assessNeed(rules, { ...safe, homeType: 'privateRenter', noticeReceived: 'section8', leaveBy: 'later', arrears: 'yes' }).level,
    ).toBe('high');
  });

  it('is moderate for early signs: a notice with time left, arrears, priority debts, less income, a poor home', () => {
    const renter = {
      ...safe,
      homeType: 'privateRenter',
      noticeReceived: 'none',
      homeProblems: ['none'],
      arrears: 'no',
      otherDebts: ['none'],
      incomeDrop: 'no',
    };
    expect(assessNeed(rules, { ...renter, noticeReceived: 'section21', leaveBy: 'later' }).level).toBe('moderate');
    expect(assessNeed(rules, { ...renter, arrears: 'yes' }).level).toBe('moderate');
    expect(assessNeed(rules, { ...renter, otherDebts: ['councilTax'] }).level).toBe('moderate');
    expect(assessNeed(rules, { ...renter, otherDebts: ['loansOrCards'] }).level).toBe('low');
    expect(assessNeed(rules, { ...renter, incomeDrop: 'fewerHours' }).level).toBe('moderate');
    expect(assessNeed(rules, { ...renter, homeProblems: ['disrepair'] }).level).toBe('moderate');
    expect(assessNeed(rules, { ...renter, homeProblems: ['tooBig'] })).toMatchObject({ level: 'low', because: [] });
  });

  it('offers the hand-off for every level but low', () => {
    expect(['emergency', 'high', 'moderate', 'low'].map((l) => offersHandoff(l as 'low'))).toEqual([true, true, true, false]);
  });
});

describe('the plan', () => {
  const answers = {
    ...safe,
    homeType: 'privateRenter',
    noticeReceived: 'section21',
    leaveBy: 'within56',
    homeProblems: ['tooBig'],
    arrears: 'yes',
    otherDebts: ['energy', 'loansOrCards'],
    incomeDrop: 'no',
    benefits: 'notSure',
    moneyHelp: ['none'],
    work: 'notWorking',
    workHelp: ['training'],
    workBarriers: ['childcare'],
    supportNeeds: ['none'],
  };
  const plan = buildPlan(selfAssessment.plan, answers);

  it('puts the most urgent steps first and says why each is there', () => {
    expect(plan.map((s) => s.priority)).toEqual([...plan.map((s) => s.priority)].sort());
    expect(plan[0]).toMatchObject({ id: 'notice-urgent', priority: 1, because: [{ q: 'leaveBy', values: ['within56'] }] });
    expect(plan.find((s) => s.id === 'priority-debts')?.because).toEqual([{ q: 'otherDebts', values: ['energy'] }]);
    expect(plan.find((s) => s.id === 'income-check')?.because).toEqual([{ q: 'benefits', values: ['notSure'] }]);
  });

  it('covers housing, money, work and training together', () => {
    expect(flaggedDomains(plan)).toEqual(['housing', 'money', 'work']);
    expect(plan.map((s) => s.id)).toEqual(
      expect.arrayContaining(['section-21', 'rent-arrears', 'downsizing', 'work-help', 'work-barriers', 'other-debts']),
    );
    expect(plan.map((s) => s.id)).not.toContain('plan-ahead');
  });

  it('collects the packs that apply, without repeats', () => {
    const tags = packTagsFor(plan);
    expect(tags[0]).toBe('eviction-notice');
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('gives everyone at least one step', () => {
    const quiet = {
      ...safe,
      homeType: 'ownerOutright',
      noticeReceived: 'none',
      homeProblems: ['none'],
      otherDebts: ['none'],
      incomeDrop: 'no',
      benefits: 'yes',
      moneyHelp: ['none'],
      work: 'fullTime',
      workHelp: ['none'],
      supportNeeds: ['none'],
    };
    expect(buildPlan(selfAssessment.plan, quiet).map((s) => s.id)).toEqual(['plan-ahead']);
  });
});

describe('the content files fit together', () => {
  it('as shipped', () => {
    expect(contentProblems(selfAssessment, ['housing-options', 'jet-centre', 'welfare-rights', 'private-sector'])).toEqual([]);
  });

  it('and say exactly where they do not', () => {
    const broken: SelfAssessmentContent = structuredClone(selfAssessment);
    broken.questions = broken.questions.filter((q) => q.id !== 'leaveBy');
    broken.plan.steps[0]!.when = { q: 'danger', is: 'perhaps' };
    expect(contentProblems(broken, ['housing-options'])).toEqual(
      expect.arrayContaining([
        'questions.json has no question "leaveBy", which the questionnaire asks',
        'plan-steps.json (stay-safe): question "danger" has no option "perhaps"',
        'handoff-services.json (jet-centre): no team "jet-centre" in content/council.json',
        'need-levels.json (high): no question "leaveBy"',
      ]),
    );
  });
});
