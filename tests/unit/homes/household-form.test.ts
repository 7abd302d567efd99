import { describe, expect, it } from 'vitest';
import { carriedHousehold, householdFrom } from '../../../src/domain/homes/household-form.ts';

describe('the household form on an advert', () => {
  it('works nothing out until it is asked', () => {
    expect(householdFrom(new URLSearchParams())).toMatchObject({ asked: false, household: null, errors: [] });
  });

  it('reads adults, a couple, children and the shared-rate answers', () => {
    const form = householdFrom(
      new URLSearchParams('adults=2&couple=yes&child-1-age=7&child-1-sex=female&child-2-age=&child-2-sex=&under-35=no'),
    );
    expect(form.household).toEqual({ adults: 2, couple: true, children: [{ age: 7, sex: 'female' }], under35: false, exemption: null });
  });

  it('says what is wrong, by field, and keeps what was typed', () => {
    const form = householdFrom(new URLSearchParams('adults=0&couple=yes&child-1-age=twelve&child-2-age=5'));
    expect(form.household).toBeNull();
    expect(form.errors.map((e) => e.field)).toEqual(['adults', 'child-1-age', 'child-2-sex']);
    expect(form.values['child-1-age']).toBe('twelve');
    expect(householdFrom(new URLSearchParams('adults=1&couple=yes')).errors.map((e) => e.field)).toEqual(['couple']);
  });

  it('fills in the adults carried from the self-assessment, but works nothing out until sent', () => {
    const carried = new URLSearchParams('household-adults=2&household-children=3');
    expect(carriedHousehold(carried)).toEqual({ adults: 2, children: 3 });
    expect(householdFrom(carried)).toMatchObject({ asked: false, household: null, values: { adults: '2' } });
    expect(carriedHousehold(new URLSearchParams('household-adults=0'))).toBeNull();
    expect(carriedHousehold(new URLSearchParams('household-adults=x&household-children=1'))).toBeNull();
  });
});
