import { describe, expect, it } from 'vitest';
import { demoDirectory } from '../../../src/config/directory.ts';
import { pathways, servicesForNeed } from '../../../src/config/pathways.ts';
import { pathwayProblems, suggestedHandoffs } from '../../../src/domain/directory/pathways.ts';
import { resultFor } from '../../../src/server/self-assessment/result.ts';
import { selfAssessment } from '../../../src/config/self-assessment.ts';

const serviceIds = demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id));

describe('referral pathways', () => {
  it('give every need the self-assessment can flag at least one real directory service', () => {
    for (const step of selfAssessment.plan.steps) {
      expect(servicesForNeed(step.id).length, step.id).toBeGreaterThan(0);
      for (const id of servicesForNeed(step.id)) expect(serviceIds, `${step.id} -> ${id}`).toContain(id);
    }
  });

  it('put the local domestic abuse service, then the national helpline, first for someone in danger', () => {
    expect(servicesForNeed('stay-safe').slice(0, 2)).toEqual(['harrowmere-domestic-abuse-service', 'national-domestic-abuse-helpline']);
  });

  it('offer someone in danger the local domestic abuse service, not only council teams, and no one else', () => {
    const inDanger = resultFor({ danger: 'yes' }).services;
    expect(inDanger[0]).toMatchObject({
      id: 'domestic-abuse-support',
      suggested: true,
      partnerServiceId: 'harrowmere-domestic-abuse-service',
    });
    const safe = resultFor({ danger: 'no', tonight: 'yes', courtOrBailiff: 'no', homeType: 'ownerOutright' }).services;
    expect(safe.map((s) => s.id)).not.toContain('domestic-abuse-support');
  });

  it('say exactly what does not fit', () => {
    expect(pathwayProblems({ ...pathways, made_up: ['nowhere'] }, ['stay-safe', 'tonight'], ['housing-options-advice'])).toEqual(
      expect.arrayContaining([
        '"made_up" is not a need the self-assessment can flag',
        'made_up: no directory service "nowhere"',
        'stay-safe: no directory service "national-domestic-abuse-helpline"',
      ]),
    );
    expect(pathwayProblems({}, ['tonight'], [])).toEqual(['no pathway for the need "tonight"']);
  });

  it('let every need reach at least one council team that takes hand-offs', () => {
    const standing = new Set(selfAssessment.services.flatMap((s) => s.directoryServiceIds));
    for (const step of selfAssessment.plan.steps) {
      expect(
        servicesForNeed(step.id).some((id) => standing.has(id)),
        step.id,
      ).toBe(true);
    }
  });
});

describe('hand-off suggestions from the pathways', () => {
  const handoffs = [
    { id: 'housing', directoryServiceIds: ['housing-advice'] },
    { id: 'money', directoryServiceIds: ['debt-advice', 'income-check'] },
    { id: 'work', directoryServiceIds: ['jobs'] },
  ];
  const testPathways = { arrears: ['national-line', 'debt-advice'], notice: ['housing-advice'], jobs: ['jobs', 'income-check'] };

  it('suggest the teams behind the services the needs name, most urgent need first', () => {
    expect(suggestedHandoffs(testPathways, ['notice', 'arrears'], handoffs)).toEqual(['housing', 'money']);
    expect(suggestedHandoffs(testPathways, ['arrears', 'notice'], handoffs)).toEqual(['money', 'housing']);
    expect(suggestedHandoffs(testPathways, ['jobs'], handoffs)).toEqual(['work', 'money']);
  });

  it('suggest nobody for needs with no pathway or only national services', () => {
    expect(suggestedHandoffs(testPathways, ['unknown'], handoffs)).toEqual([]);
    expect(suggestedHandoffs({ only: ['national-line'] }, ['only'], handoffs)).toEqual([]);
  });

  it('decide what the hand-off page offers for real answers', () => {
    const answers = {
      ...{ danger: 'no', tonight: 'yes', courtOrBailiff: 'no', homeType: 'privateRenter', noticeReceived: 'none', homeProblems: ['none'] },
      ...{
        arrears: 'yes',
        otherDebts: ['none'],
        incomeDrop: 'no',
        benefits: 'yes',
        moneyHelp: ['none'],
        work: 'fullTime',
        workHelp: ['none'],
      },
      supportNeeds: ['none'],
    };
    const offered = resultFor(answers).services;
    expect(offered.filter((s) => s.suggested).map((s) => s.id)[0]).toBe('debt-advice');
    // Every council team is offered; a partner's service, or a hand-off of its own kind (help to move
    // to a smaller home), only where the needs lead to it.
    expect(offered.map((s) => s.id).sort()).toEqual(
      selfAssessment.services
        .filter((s) => !s.partnerServiceId && !s.onlyForNeeds)
        .map((s) => s.id)
        .sort(),
    );
  });
});
