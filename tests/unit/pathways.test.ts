import { describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/config/directory.ts';
import { pathwayProblems, pathways, servicesForNeed } from '../../src/config/pathways.ts';
import { selfAssessment } from '../../src/config/self-assessment.ts';

const serviceIds = demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id));

describe('referral pathways', () => {
  it('give every need the self-assessment can flag at least one real directory service', () => {
    for (const step of selfAssessment.plan.steps) {
      expect(servicesForNeed(step.id).length, step.id).toBeGreaterThan(0);
      for (const id of servicesForNeed(step.id)) expect(serviceIds, `${step.id} -> ${id}`).toContain(id);
    }
  });

  it('put the domestic abuse helpline first for someone in danger', () => {
    expect(servicesForNeed('stay-safe')[0]).toBe('national-domestic-abuse-helpline');
  });

  it('say exactly what does not fit', () => {
    expect(pathwayProblems({ ...pathways, made_up: ['nowhere'] }, ['stay-safe', 'tonight'], ['housing-options-advice'])).toEqual(
      expect.arrayContaining(['"made_up" is not a need the self-assessment can flag', 'made_up: no directory service "nowhere"', 'stay-safe: no directory service "national-domestic-abuse-helpline"']),
    );
    expect(pathwayProblems({}, ['tonight'], [])).toEqual(['no pathway for the need "tonight"']);
  });
});
