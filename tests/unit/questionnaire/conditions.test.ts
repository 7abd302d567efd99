import { describe, expect, it } from 'vitest';
import { holds, optionValuesIn, questionsIn, reasonsFor, type Condition } from '../../../src/domain/questionnaire/conditions.ts';

const answers = { homeType: 'privateRenter', otherDebts: ['energy', 'loansOrCards'], adults: 2, workHelp: ['none'] };

describe('conditions', () => {
  it('compare radios, checkboxes and numbers', () => {
    expect(holds({ q: 'homeType', is: 'privateRenter' }, answers)).toBe(true);
    expect(holds({ q: 'homeType', in: ['councilTenant', 'privateRenter'] }, answers)).toBe(true);
    expect(holds({ q: 'otherDebts', in: ['councilTax'] }, answers)).toBe(false);
    expect(holds({ q: 'otherDebts', in: ['councilTax', 'energy'] }, answers)).toBe(true);
    expect(holds({ q: 'workHelp', notIn: ['none'] }, answers)).toBe(false);
    expect(holds({ q: 'otherDebts', notIn: ['energy'] }, answers)).toBe(true);
    expect(holds({ q: 'adults', atLeast: 2 }, answers)).toBe(true);
    expect(holds({ q: 'adults', atLeast: 3 }, answers)).toBe(false);
  });

  it('are false for a question not answered, even when negated parts would say otherwise', () => {
    expect(holds({ q: 'arrears', is: 'yes' }, answers)).toBe(false);
    expect(holds({ q: 'arrears', notIn: ['yes'] }, answers)).toBe(false);
    expect(holds({ not: { q: 'arrears', is: 'yes' } }, answers)).toBe(true);
  });

  it('combine with all, any and not', () => {
    const c: Condition = {
      all: [
        { q: 'homeType', is: 'privateRenter' },
        {
          any: [
            { q: 'adults', atLeast: 5 },
            { q: 'otherDebts', in: ['energy'] },
          ],
        },
      ],
    };
    expect(holds(c, answers)).toBe(true);
    expect(holds({ not: c }, answers)).toBe(false);
    expect(questionsIn(c)).toEqual(['homeType', 'adults', 'otherDebts']);
    expect(optionValuesIn(c)).toEqual([
      ['homeType', 'privateRenter'],
      ['otherDebts', 'energy'],
    ]);
  });

  it('explain which answers made them true, and only those', () => {
    const c: Condition = {
      any: [
        { q: 'otherDebts', in: ['councilTax', 'energy'] },
        { q: 'homeType', is: 'councilTenant' },
      ],
    };
    expect(reasonsFor(c, answers)).toEqual([{ q: 'otherDebts', values: ['energy'] }]);
    expect(reasonsFor({ q: 'homeType', is: 'councilTenant' }, answers)).toEqual([]);
  });
});
