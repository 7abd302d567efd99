import { describe, expect, it } from 'vitest';
import { caseMetrics, contactedInTime, qualifyingInstants, type CaseFacts } from '../../../src/domain/reporting/case-metrics.ts';
import { funnelDefinition, FUNNEL_STAGES } from '../../../src/domain/reporting/funnel.ts';

const base: CaseFacts = {
  id: 'c1',
  needLevel: 'moderate',
  teamId: 'housing-options',
  serviceId: 'housing-options',
  createdAt: '2026-06-01T09:00:00.000Z',
  acknowledgedAt: '2026-06-02T10:00:00.000Z',
  acknowledgeBy: '2026-06-03',
  urgentContactBy: null,
  closedAt: '2026-07-20T10:00:00.000Z',
  clientGroups: ['lone-parent'],
  siteLanguage: 'pl',
  contactLanguage: 'pl',
  interpreter: true,
  channel: 'phone',
  outcomes: [
    { code: 'prevented-stayed', detail: null, recordedAt: '2026-07-10T10:00:00.000Z' },
    { code: 'income-check', detail: null, recordedAt: '2026-06-20T10:00:00.000Z' },
    { code: 'income-check', detail: null, recordedAt: '2026-06-05T10:00:00.000Z' },
  ],
  followUps: [{ monthsAfter: 6, stillHoused: 1, inWorkOrTraining: 0, financiallySecure: null, recordedAt: '2027-01-20T10:00:00.000Z' }],
  healthChecks: [],
  downsizing: null,
  latestPlan: [
    { area: 'housing', status: 'done' },
    { area: 'work', status: 'in_progress' },
  ],
};

describe('the figures a case counts in', () => {
  it('counts contact as in time by the end of the promised day in England, or by an emergency’s deadline', () => {
    expect(contactedInTime({ acknowledgedAt: '2026-06-03T22:59:00.000Z', acknowledgeBy: '2026-06-03', urgentContactBy: null })).toBe(true);
    // 23:30 UTC on 3 June is 00:30 on 4 June in British Summer Time: a day late.
    expect(contactedInTime({ acknowledgedAt: '2026-06-03T23:30:00.000Z', acknowledgeBy: '2026-06-03', urgentContactBy: null })).toBe(false);
    expect(contactedInTime({ acknowledgedAt: '2026-12-03T23:30:00.000Z', acknowledgeBy: '2026-12-03', urgentContactBy: null })).toBe(true);
    expect(
      contactedInTime({
        acknowledgedAt: '2026-06-01T11:00:00.000Z',
        acknowledgeBy: '2026-06-03',
        urgentContactBy: '2026-06-01T10:30:00.000Z',
      }),
    ).toBe(false);
    expect(contactedInTime({ acknowledgedAt: null, acknowledgeBy: '2026-06-03', urgentContactBy: null })).toBe(false);
  });

  it('counts a case from the first day it met a definition, once', () => {
    const metrics = caseMetrics(base, [
      { key: 'target:checks', definition: { count: 'cases', countedOn: 'outcome', outcomes: ['income-check'] } },
      {
        key: 'target:sustained',
        definition: {
          count: 'cases',
          countedOn: 'follow-up',
          alsoOutcomes: ['prevented-stayed'],
          followUp: { monthsAfter: 6, stillHoused: true },
        },
      },
      {
        key: 'target:in-work',
        definition: { count: 'cases', countedOn: 'follow-up', followUp: { monthsAfter: 6, inWorkOrTraining: true } },
      },
      { key: 'target:work-plan', definition: { count: 'cases', countedOn: 'handoff', plan: { area: 'work' } } },
      { key: 'target:work-done', definition: { count: 'cases', countedOn: 'handoff', plan: { area: 'work', stepDone: true } } },
      { key: 'target:not-lone', definition: { count: 'cases', countedOn: 'closed', notClientGroups: ['lone-parent'] } },
    ]);
    expect(Object.fromEntries(metrics)).toEqual({
      'need:moderate': '2026-06-01',
      'service:housing-options': '2026-06-01',
      'site-language:pl': '2026-06-01',
      'contact-language:pl': '2026-06-01',
      'interpreter:pl': '2026-06-01',
      'channel:phone': '2026-06-01',
      'channel-outcome:phone': '2026-06-05',
      'outcome:any': '2026-06-05',
      'outcome:prevented-stayed': '2026-07-10',
      'outcome:income-check': '2026-06-05',
      'group:lone-parent': '2026-07-20',
      'target:checks': '2026-06-05',
      'target:sustained': '2027-01-20',
      'target:work-plan': '2026-06-01',
    });
  });

  it('keeps each funnel step inside the one before', () => {
    const codes = ['prevented-stayed', 'income-check'];
    const late = { ...base, acknowledgedAt: '2026-06-10T10:00:00.000Z' };
    for (const facts of [base, late, { ...base, outcomes: [] }, { ...base, followUps: [] }]) {
      const reached = FUNNEL_STAGES.map((stage) => qualifyingInstants(funnelDefinition(stage, codes), facts).length > 0);
      // Once a step is not reached, no later one is.
      expect(reached.indexOf(false) === -1 || reached.slice(reached.indexOf(false)).every((r) => !r)).toBe(true);
    }
    expect(FUNNEL_STAGES.map((stage) => qualifyingInstants(funnelDefinition(stage, codes), base).length > 0)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(FUNNEL_STAGES.map((stage) => qualifyingInstants(funnelDefinition(stage, codes), late).length > 0)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
