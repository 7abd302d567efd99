// What moving to a smaller home would gain: the under-occupancy deduction (14% for one spare
// bedroom, 25% for two or more: the Welfare Reform Act 2012 s.69 rates in content/money), the
// council's rent and energy estimates, and its incentive; nothing at all with no spare bedroom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bedroomsNeeded, downsizingGain, incentiveFor, type DownsizingScheme } from '../../../src/domain/downsizing/gain.ts';
import type { Household } from '../../../src/domain/homes/bedroom-entitlement.ts';
import { certainSpareBedrooms, holds, holdsWithDerived, reasonsFor } from '../../../src/domain/questionnaire/conditions.ts';
import type { Answers } from '../../../src/domain/questionnaire/answers.ts';
import { downsizingOfferFor, resultFor } from '../../../src/server/self-assessment/result.ts';

const scheme: DownsizingScheme = {
  incentive: { firstBedroomPence: 150_000, eachFurtherBedroomPence: 50_000, mostPence: 300_000 },
  weeklyRentPence: { '1': 8520, '2': 9740, '3': 10810, '4': 12130 },
  weeklyEnergyPence: { '1': 2100, '2': 2550, '3': 2950, '4': 3400 },
};
const rates = { oneSpareBedroomRate: 0.14, twoOrMoreSpareBedroomsRate: 0.25 };
const couple: Household = { adults: 2, couple: true, children: [], under35: false };

describe('bedrooms needed', () => {
  it('follows the size criteria, with no shared-room rate and no cap', () => {
    expect(bedroomsNeeded({ adults: 1, couple: false, children: [], under35: true }).bedrooms).toBe(1);
    expect(bedroomsNeeded(couple).bedrooms).toBe(1);
    // Children share where the rules allow: the girls of 12 and 6, the boys of 11 and 8.
    const family: Household = {
      adults: 2,
      couple: true,
      children: [
        { age: 12, sex: 'female' },
        { age: 11, sex: 'male' },
        { age: 8, sex: 'male' },
        { age: 6, sex: 'female' },
        { age: 17, sex: 'male' },
      ],
      under35: false,
    };
    expect(bedroomsNeeded(family).bedrooms).toBe(4);
    // Housing costs help stops at 4 bedrooms; a social home's size criteria do not.
    expect(bedroomsNeeded({ adults: 5, couple: true, children: [{ age: 4, sex: 'male' }], under35: false }).bedrooms).toBe(5);
  });
});

describe('the gain of moving to a smaller home', () => {
  it('for a couple in a 3-bedroom home who get help with rent: 25% off and the lower bills theirs, the lower rent the help’s, and the incentive', () => {
    const gain = downsizingGain({ bedroomsNow: 3, household: couple, weeklyRentPence: 11_000, helpWithRent: true }, scheme, rates);
    expect(gain.kind).toBe('gain');
    if (gain.kind !== 'gain') return;
    expect([gain.bedroomsNeeded, gain.spareBedrooms]).toEqual([1, 2]);
    expect(gain.lines.map((l) => [l.id, l.weeklyPence, l.estimate, l.toYou])).toEqual([
      ['deduction', 2750, false, true],
      ['rent', 2480, true, false],
      ['energy', 850, true, true],
    ]);
    // The lower rent is paid by their help, so it is not counted as theirs: 27.50 + 8.50.
    expect(gain.weeklyPence).toBe(3600);
    expect(gain.lines[1]!.because).toContain('the saving goes mostly to that help, not to you');
    expect(gain.lines[0]!.because).toContain('25% of your rent (£110 a week)');
    expect(gain.incentivePence).toBe(200_000);
    expect(gain.incentiveBecause).toBe(
      'The council pays £1,500 for the first bedroom you give up and £500 for each one after it, up to £3,000: 2 bedrooms released.',
    );
  });

  it('for one spare bedroom takes 14%, and with no rent given uses the council’s average, said so', () => {
    const gain = downsizingGain({ bedroomsNow: 2, household: couple, weeklyRentPence: null, helpWithRent: true }, scheme, rates);
    if (gain.kind !== 'gain') throw new Error('expected a gain');
    expect(gain.lines[0]).toMatchObject({ id: 'deduction', weeklyPence: Math.round(9740 * 0.14), estimate: true });
    expect(gain.lines[0]!.because).toContain('the council’s average for a home your size');
  });

  it('without help with rent has no deduction line', () => {
    const gain = downsizingGain({ bedroomsNow: 2, household: couple, weeklyRentPence: null, helpWithRent: false }, scheme, rates);
    if (gain.kind !== 'gain') throw new Error('expected a gain');
    expect(gain.lines.map((l) => l.id)).toEqual(['rent', 'energy']);
    // Paying the rent themselves, the lower rent is theirs: £97.40 against £85.20, and £25.50 against £21.
    expect(gain.weeklyPence).toBe(9740 - 8520 + 2550 - 2100);
  });

  it('says nothing to a household with no spare bedroom', () => {
    const family: Household = {
      adults: 2,
      couple: true,
      children: [
        { age: 12, sex: 'female' },
        { age: 11, sex: 'male' },
      ],
      under35: false,
    };
    expect(downsizingGain({ bedroomsNow: 3, household: family, weeklyRentPence: 11_000, helpWithRent: true }, scheme, rates)).toMatchObject(
      {
        kind: 'no-spare-bedroom',
        bedroomsNeeded: 3,
      },
    );
  });

  it('never gains less, or pays less incentive, for more spare bedrooms; never pays more than the most', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (bedrooms, extra, help) => {
        const situation = (n: number) => ({ bedroomsNow: n, household: couple, weeklyRentPence: null, helpWithRent: help });
        const a = downsizingGain(situation(bedrooms), scheme, rates);
        const b = downsizingGain(situation(bedrooms + extra), scheme, rates);
        const weekly = (g: typeof a) => (g.kind === 'gain' ? g.weeklyPence : 0);
        const paid = (g: typeof a) => (g.kind === 'gain' ? g.incentivePence : 0);
        return weekly(b) >= weekly(a) && paid(b) >= paid(a) && paid(b) <= scheme.incentive.mostPence;
      }),
    );
    expect([0, 1, 2, 3, 4, 5].map((n) => incentiveFor(scheme, n))).toEqual([0, 150_000, 200_000, 250_000, 300_000, 300_000]);
  });
});

describe('a spare bedroom in the self-assessment', () => {
  it('is certain only with a bedroom counted for every person, and needs all three answers', () => {
    expect(certainSpareBedrooms({ bedrooms: 3, adults: 1, children: 0 })).toBe(2);
    expect(certainSpareBedrooms({ bedrooms: 3, adults: 2, children: 1 })).toBe(0);
    expect(certainSpareBedrooms({ bedrooms: 2, adults: 2, children: 2 })).toBe(0);
    expect(certainSpareBedrooms({ bedrooms: 3, adults: 1 })).toBeNull();
    expect(holdsWithDerived({ spareBedroomsAtLeast: 1 }, { bedrooms: 3, adults: 1, children: 0 })).toBe(true);
    // The questionnaire's own guards never see it (nor carry it to the browser).
    expect(holds({ spareBedroomsAtLeast: 1 }, { bedrooms: 3, adults: 1, children: 0 })).toBe(false);
    expect(holdsWithDerived({ spareBedroomsAtLeast: 1 }, { bedrooms: 1, adults: 1, children: 0 })).toBe(false);
    expect(reasonsFor({ spareBedroomsAtLeast: 1 }, { bedrooms: 3, adults: 1, children: 0 })).toEqual([
      { q: 'bedrooms', values: ['3'] },
      { q: 'adults', values: ['1'] },
      { q: 'children', values: ['0'] },
    ]);
  });

  it('puts "Think about moving to a smaller home" in the plan of a tenant with one, and the gain under it; never without', () => {
    const tenant = { homeType: 'councilTenant', homeProblems: ['none'], adults: 1, children: 0 };
    const planOf = (answers: Record<string, unknown>) => resultFor(answers as Answers).plan.map((s) => s.id);
    expect(planOf({ ...tenant, bedrooms: 3 })).toContain('downsizing');
    expect(planOf({ ...tenant, bedrooms: 1 })).not.toContain('downsizing');
    const offer = downsizingOfferFor({ ...tenant, bedrooms: 3 } as Answers, '2026-12-07')!;
    expect([offer.bedroomsNow, offer.people, offer.gain.spareBedrooms]).toEqual([3, 1, 2]);
    expect(offer.gain.lines.map((l) => [l.id, l.rate ?? null])).toEqual([
      ['deduction', 0.25],
      ['rent', null],
      ['energy', null],
    ]);
    expect(downsizingOfferFor({ ...tenant, bedrooms: 1 } as Answers, '2026-12-07')).toBeNull();
    // "Help to move to a smaller home" is a hand-off of its own kind: offered first with the step, never without it.
    const servicesOf = (answers: Record<string, unknown>) => resultFor(answers as Answers).services.map((s) => [s.id, s.suggested]);
    expect(servicesOf({ ...tenant, bedrooms: 3 })[0]).toEqual(['smaller-home', true]);
    expect(servicesOf({ ...tenant, bedrooms: 1 }).map(([id]) => id)).not.toContain('smaller-home');
    // A private renter is not offered the scheme (it is for council and housing association tenants).
    expect(downsizingOfferFor({ ...tenant, homeType: 'privateRenter', bedrooms: 3 } as Answers, '2026-12-07')).toBeNull();
    // Before the first rates the files hold, the deduction is left out rather than guessed.
    expect(downsizingOfferFor({ ...tenant, bedrooms: 3 } as Answers, '2020-01-01')!.gain.lines.map((l) => l.id)).toEqual([
      'rent',
      'energy',
    ]);
  });
});
