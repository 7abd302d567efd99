import { describe, expect, it } from 'vitest';
import { fieldIds } from '../../src/domain/field-ids.ts';

describe('GOV.UK field ids', () => {
  it('give the first choice the field’s own id, and describe the field by its hint then its error', () => {
    const ids = fieldIds('answer', { hint: 'Select one', error: 'Select when you have to leave' });
    expect([ids.hint, ids.error, ids.describedBy]).toEqual(['answer-hint', 'answer-error', 'answer-hint answer-error']);
    expect([ids.choice(0), ids.choice(1), ids.choice(2)]).toEqual(['answer', 'answer-2', 'answer-3']);
    expect(ids.choiceHint(1)).toBe('answer-2-item-hint');
  });

  it('leave out what is not there', () => {
    expect(fieldIds('outcome', {})).toMatchObject({ hint: undefined, error: undefined, describedBy: undefined });
    expect(fieldIds('outcome', { error: 'Choose an outcome' }).describedBy).toBe('outcome-error');
  });
});
