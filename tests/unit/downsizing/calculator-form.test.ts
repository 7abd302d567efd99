// The "Moving to a smaller home" calculator's answers read from the address: every field checked
// and what is wrong said against it, nothing worked out until it is sent, the plan's link filling
// the form in; and the scheme's ways to move naming services the directory has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoDirectory } from '../../../src/config/directory.ts';
import { downsizingScheme } from '../../../src/config/downsizing.ts';
import { calculatorFrom, calculatorHref, type CalculatorWords } from '../../../src/domain/downsizing/calculator-form.ts';

const words: CalculatorWords = {
  bedroomsInvalid: 'bedrooms?',
  adultsInvalid: 'adults?',
  coupleRequired: 'couple?',
  coupleNeedsTwo: 'couple needs two',
  childAgeInvalid: 'child {n} age?',
  childSexRequired: 'child {n} sex?',
  rentInvalid: 'rent?',
  helpRequired: 'help?',
};
const read = (query: Record<string, string>) => calculatorFrom(new URLSearchParams(query), words);

describe('the calculator form', () => {
  it('reads a household with children, a rent in pounds and pence, and help with rent', () => {
    const form = read({
      bedrooms: '4',
      adults: '2',
      couple: 'yes',
      'child-1-age': '7',
      'child-1-sex': 'female',
      'child-3-age': '12',
      'child-3-sex': 'male',
      rent: '£121.30',
      help: 'yes',
    });
    expect(form.errors).toEqual([]);
    expect(form.situation).toEqual({
      bedroomsNow: 4,
      household: {
        adults: 2,
        couple: true,
        children: [
          { age: 7, sex: 'female' },
          { age: 12, sex: 'male' },
        ],
        under35: false,
      },
      weeklyRentPence: 12_130,
      helpWithRent: true,
    });
  });

  it('leaves the rent to the council’s averages when it is not given; at pension age there is no deduction', () => {
    const form = read({ bedrooms: '3', adults: '1', rent: '', help: 'pension-age' });
    expect(form.situation).toMatchObject({ weeklyRentPence: null, helpWithRent: false, household: { couple: false } });
  });

  it('says what is wrong with each field, by field, and works nothing out', () => {
    const form = read({
      bedrooms: '0',
      adults: 'two',
      'child-1-age': '18',
      'child-1-sex': 'female',
      'child-2-age': '4',
      rent: '95.555',
      help: 'maybe',
    });
    expect(form.situation).toBeNull();
    expect(form.errors).toEqual([
      { field: 'bedrooms', message: 'bedrooms?' },
      { field: 'adults', message: 'adults?' },
      { field: 'child-1-age', message: 'child 1 age?' },
      { field: 'child-2-sex', message: 'child 2 sex?' },
      { field: 'rent', message: 'rent?' },
      { field: 'help', message: 'help?' },
    ]);
    expect(read({ bedrooms: '3', adults: '2', help: 'no' }).errors).toEqual([{ field: 'couple', message: 'couple?' }]);
    expect(read({ bedrooms: '3', adults: '1', couple: 'yes', help: 'no' }).errors).toEqual([
      { field: 'couple', message: 'couple needs two' },
    ]);
    expect(read({ bedrooms: '3', adults: '1', rent: '1001', help: 'no' }).errors).toEqual([{ field: 'rent', message: 'rent?' }]);
  });

  it('keeps what was typed (cut short) so nothing is lost on an error, and repeated fields count once', () => {
    const params = new URLSearchParams([
      ['bedrooms', '3'],
      ['bedrooms', '9'],
      ['adults', 'x'.repeat(500)],
    ]);
    const form = calculatorFrom(params, words);
    expect(form.values.bedrooms).toBe('3');
    expect(form.values.adults).toHaveLength(12);
  });

  it('fills in what the plan carried, but works nothing out until the form is sent', () => {
    const form = read({ 'home-bedrooms': '3', 'household-adults': '1', 'household-children': '2' });
    expect(form).toMatchObject({ asked: false, situation: null, errors: [], carriedChildren: 2 });
    expect([form.values.bedrooms, form.values.adults]).toEqual(['3', '1']);
    expect(read({ 'home-bedrooms': '<b>', 'household-adults': '99' }).values).toMatchObject({ bedrooms: '', adults: '' });
    expect(calculatorHref('/moving-to-a-smaller-home', { bedrooms: 3, adults: 1, children: 0 })).toBe(
      '/moving-to-a-smaller-home?home-bedrooms=3&household-adults=1&household-children=0#calculator',
    );
    expect(calculatorHref('/moving-to-a-smaller-home', { bedrooms: 3, adults: null, children: 2 })).toBe(
      '/moving-to-a-smaller-home?home-bedrooms=3#calculator',
    );
  });

  it('never throws on any address, and either works something out or says what is wrong', () => {
    const names = ['bedrooms', 'adults', 'couple', 'child-1-age', 'child-1-sex', 'rent', 'help', 'household-adults', 'x'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 20 })), { maxLength: 12 }), (pairs) => {
        const form = calculatorFrom(new URLSearchParams(pairs), words);
        if (!form.asked) return form.situation === null && form.errors.length === 0;
        return (form.situation === null) === form.errors.length > 0;
      }),
    );
  });
});

describe('the scheme’s ways to move', () => {
  it('name exchange and older people’s services the demo directory has', () => {
    const ids = new Set(demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id)));
    expect(downsizingScheme.exchangeServiceIds.length).toBeGreaterThan(0);
    for (const id of [...downsizingScheme.exchangeServiceIds, ...downsizingScheme.olderPeopleServiceIds]) expect(ids, id).toContain(id);
  });
});
