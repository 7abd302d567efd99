import { describe, expect, it } from 'vitest';
import { questionById } from '../../../src/config/self-assessment.ts';
import { answerLabels, validateAnswer } from '../../../src/domain/questionnaire/questions.ts';

const q = (id: string) => questionById(id)!;

describe('validating an answer', () => {
  it('radios: exactly one known option', () => {
    expect(validateAnswer(q('danger'), 'no')).toEqual({ ok: true, value: 'no' });
    expect(validateAnswer(q('danger'), undefined)).toEqual({
      ok: false,
      error: 'Select yes if you are in danger or afraid of someone you live with',
    });
    expect(validateAnswer(q('danger'), 'maybe')).toMatchObject({ ok: false });
    expect(validateAnswer(q('danger'), ['yes', 'no'])).toMatchObject({ ok: false });
  });

  it('checkboxes: known options in content order; an exclusive option must stand alone', () => {
    expect(validateAnswer(q('otherDebts'), ['energy', 'councilTax'])).toEqual({ ok: true, value: ['councilTax', 'energy'] });
    expect(validateAnswer(q('otherDebts'), [])).toEqual({
      ok: false,
      error: "Select what you owe money for, or select 'I do not owe money for any of these'",
    });
    expect(validateAnswer(q('otherDebts'), ['energy', 'none'])).toEqual({
      ok: false,
      error: "Select 'I do not owe money for any of these' on its own, or untick it and select the others",
    });
    expect(validateAnswer(q('otherDebts'), ['none'])).toEqual({ ok: true, value: ['none'] });
  });

  it('numbers: whole numbers in range, with specific messages', () => {
    expect(validateAnswer(q('adults'), ' 2 ')).toEqual({ ok: true, value: 2 });
    expect(validateAnswer(q('adults'), '')).toEqual({ ok: false, error: 'Enter how many adults live in your home' });
    expect(validateAnswer(q('adults'), 'two')).toEqual({ ok: false, error: 'Enter a whole number of adults, like 2' });
    expect(validateAnswer(q('adults'), '2.5')).toEqual({ ok: false, error: 'Enter a whole number of adults, like 2' });
    expect(validateAnswer(q('adults'), '0')).toEqual({ ok: false, error: 'Enter a number of adults from 1 to 20' });
    expect(validateAnswer(q('children'), '0')).toEqual({ ok: true, value: 0 });
  });

  it('gives the words a person chose', () => {
    expect(answerLabels(q('otherDebts'), ['councilTax', 'energy'])).toEqual(['Council Tax', 'Gas or electricity']);
    expect(answerLabels(q('adults'), 3)).toEqual(['3 adults']);
  });
});
