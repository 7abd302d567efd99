import { describe, expect, it } from 'vitest';
import { bedroomEntitlement, mayShare, type Child, type Household } from '../../../src/domain/homes/bedroom-entitlement.ts';
import { affordability, pounds, weeklyToMonthly } from '../../../src/domain/homes/affordability.ts';

const girl = (age: number): Child => ({ age, sex: 'female' });
const boy = (age: number): Child => ({ age, sex: 'male' });
const household = (over: Partial<Household>): Household => ({ adults: 1, couple: false, children: [], under35: false, ...over });
const bedrooms = (h: Household) => {
  const { entitlement } = bedroomEntitlement(h, EXEMPTIONS);
  return entitlement.rate === 'shared' ? 'shared' : entitlement.bedrooms;
};
const EXEMPTIONS = [{ id: 'care-leaver', label: 'A care leaver under 25' }];

describe('the LHA size rules', () => {
  it('a couple share one bedroom; any other adult has their own', () => {
    expect(bedrooms(household({ adults: 2, couple: true }))).toBe(1);
    expect(bedrooms(household({ adults: 2, couple: false }))).toBe(2);
    expect(bedrooms(household({ adults: 3, couple: true }))).toBe(2);
  });

  it('anyone 16 or over has their own bedroom', () => {
    expect(bedrooms(household({ children: [girl(16), girl(17)] }))).toBe(3);
    expect(mayShare(boy(16), boy(15))).toBe(false);
  });

  it('two children of the same sex under 16 share; of different sexes, only while both are under 10', () => {
    expect(bedrooms(household({ children: [girl(14), girl(11)] }))).toBe(2);
    expect(bedrooms(household({ children: [girl(14), boy(11)] }))).toBe(3);
    expect(bedrooms(household({ children: [girl(9), boy(7)] }))).toBe(2);
    expect(bedrooms(household({ children: [girl(10), boy(7)] }))).toBe(3);
  });

  it('pairs children so the fewest bedrooms are needed', () => {
    // The girl of 12 shares with the girl of 8, the boy of 6 with the boy of 4: not girl 8 with boy 6.
    expect(bedrooms(household({ children: [girl(12), girl(8), boy(6), boy(4)] }))).toBe(3);
    const { reasons } = bedroomEntitlement(household({ adults: 2, couple: true, children: [girl(12), girl(8), boy(6), boy(4)] }));
    expect(reasons).toEqual([
      '1 bedroom for you and your partner',
      '1 bedroom for two children of the same sex under 16 (a girl aged 12 and a girl aged 8)',
      '1 bedroom for two children under 10 (a boy aged 6 and a boy aged 4)',
    ]);
  });

  it('pays for at most four bedrooms, and says so', () => {
    const big = household({ adults: 2, couple: true, children: [girl(15), boy(14), girl(12), boy(11), girl(16), boy(3)] });
    expect(bedrooms(big)).toBe(4);
    expect(bedroomEntitlement(big).reasons.at(-1)).toMatch(/at most 4 bedrooms/);
  });

  it('a single person under 35 with no children gets the shared rate, unless an exemption the council lists applies', () => {
    expect(bedrooms(household({ under35: true }))).toBe('shared');
    expect(bedrooms(household({ under35: false }))).toBe(1);
    expect(bedrooms(household({ under35: true, exemption: 'care-leaver' }))).toBe(1);
    expect(bedrooms(household({ under35: true, exemption: 'not-a-listed-one' }))).toBe('shared');
    // Not for couples or parents.
    expect(bedrooms(household({ adults: 2, couple: true, under35: true }))).toBe(1);
    expect(bedrooms(household({ under35: true, children: [boy(3)] }))).toBe(2);
  });
});

describe('could I afford it', () => {
  const rates = { area: 'Test', from: '2026-04-01', weekly: { shared: 8630, 1: 10500, 2: 13151, 3: 15534, 4: 20110 } };

  it('turns the weekly rate into a month (52 weeks over 12 months) and finds the shortfall', () => {
    expect(weeklyToMonthly(10500)).toBe(45500);
    const result = affordability(60000, household({}), rates);
    expect(result).toMatchObject({ rateName: 'the 1-bedroom rate', maxHelpMonthly: 45500, rentMonthly: 60000, shortfallMonthly: 14500 });
    expect(affordability(40000, household({}), rates).shortfallMonthly).toBe(0);
    expect(affordability(60000, household({ under35: true }), rates)).toMatchObject({
      rateName: 'the shared accommodation rate',
      maxHelpMonthly: 37397,
    });
  });

  it('writes money as people read it', () => {
    expect(pounds(45500)).toBe('£455');
    expect(pounds(37397)).toBe('£373.97');
    expect(pounds(123456700)).toBe('£1,234,567');
  });
});
