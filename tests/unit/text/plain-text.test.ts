import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContactDetails, checkSafeContact } from '../../../src/domain/handoff/contact-details.ts';
import { z } from 'zod';
import { cleanField, cleanText, textProblemMessage, type FieldTextRules } from '../../../src/domain/text/plain-text.ts';
import { isEmailAddress } from '../../../src/domain/contact/email.ts';
import { cleanTextField } from '../../../src/domain/text/clean-text-field.ts';

const ONE_LINE = { maxLength: 100 };
const NOTES = { multiline: true, maxLength: 500 };

describe('cleaning what a person types', () => {
  it('keeps ordinary text in every script, normalised to one Unicode form and trimmed', () => {
    expect(cleanText('  Jo Example ', ONE_LINE)).toEqual({ ok: true, value: 'Jo Example' });
    expect(cleanText('Zoë', ONE_LINE)).toEqual({ ok: true, value: 'Zoë' });
    expect(cleanText('Zoe\u0308', ONE_LINE)).toEqual({ ok: true, value: 'Zo\u00eb' }); // e + combining diaeresis → ë
    expect(cleanText('سارا أحمد', ONE_LINE)).toEqual({ ok: true, value: 'سارا أحمد' });
    expect(cleanText('Siobhán Ó Briain-Nowak', ONE_LINE).ok).toBe(true);
  });

  it('refuses control characters and direction overrides, which can hide or disguise what text says', () => {
    expect(cleanText('Jo\u0000Example', ONE_LINE)).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanText('Jo\u001bExample', ONE_LINE)).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanText('Jo\u0085', ONE_LINE)).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanText('Jo\tExample', ONE_LINE)).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanText('call \u202eevil', ONE_LINE)).toMatchObject({ ok: false, problem: 'direction' });
    expect(cleanText('a\u2066b\u2069', NOTES)).toMatchObject({ ok: false, problem: 'direction' });
  });

  it('wants one line where one line is meant, and keeps line breaks (as \\n) in notes', () => {
    expect(cleanText('Jo\nExample', ONE_LINE)).toMatchObject({ ok: false, problem: 'line-break' });
    expect(cleanText('Jo\r\nExample', ONE_LINE)).toMatchObject({ ok: false, problem: 'line-break' });
    expect(cleanText('first\r\nsecond\rthird', NOTES)).toEqual({ ok: true, value: 'first\nsecond\nthird' });
  });

  it('treats text of nothing but invisible characters as empty', () => {
    expect(cleanText('\u200b\u200b', ONE_LINE)).toEqual({ ok: true, value: '' });
    expect(cleanText(' \ufeff \u2060 ', NOTES)).toEqual({ ok: true, value: '' });
  });

  it('counts length as a person would, in characters', () => {
    expect(cleanText('😀'.repeat(100), ONE_LINE).ok).toBe(true);
    expect(cleanText('😀'.repeat(101), ONE_LINE)).toMatchObject({ ok: false, problem: 'too-long' });
    expect(textProblemMessage('Anything else', 'too-long', 500)).toBe('Anything else must be 500 characters or fewer');
  });

  it('whatever is typed, what it keeps is NFC, has no control or override characters, and fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (raw, multiline) => {
        const checked = cleanText(raw, { multiline, maxLength: 120 });
        if (!checked.ok) return;
        expect(checked.value).toBe(checked.value.normalize('NFC'));
        expect(checked.value).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u);
        if (!multiline) expect(checked.value).not.toMatch(/[\n\t]/);
        expect([...checked.value].length).toBeLessThanOrEqual(120);
      }),
    );
  });
});

describe('email addresses', () => {
  it('takes ordinary addresses', () => {
    for (const ok of ['jo@example.com', 'jo.example+housing@mail.example.co.uk', "o'brien@example.org", 'x@sub-domain.example'])
      expect(isEmailAddress(ok), ok).toBe(true);
  });

  it('refuses markup, spaces, quotes, brackets and broken domains', () => {
    for (const bad of [
      '<script>@example.com',
      'jo@exa<b>mple.com',
      'jo example@example.com',
      '"jo"@example.com',
      'jo@example',
      'jo@-example.com',
      'jo@example.c',
      '.jo@example.com',
      'jo..x@example.com',
      'jo@@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
  });
});

const LANGUAGES = new Set(['en', 'pl']);
const CHOSEN = { language: 'pl', interpreter: 'yes' };

describe('contact details given for a hand-off', () => {
  it('are refused, field by field, with a message saying why', () => {
    const checked = checkContactDetails(
      {
        name: 'Jo\u202eelpmaxE',
        phone: '07700 900 982',
        email: 'jo<b>@example.com',
        preferred: 'phone',
        ...CHOSEN,
      },
      LANGUAGES,
    );
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Your name must not include characters that change the direction of the text' },
        { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      ],
    });
    expect(checkContactDetails({ name: '\u200b', phone: '07700 900 982', preferred: 'phone', ...CHOSEN }, LANGUAGES)).toMatchObject({
      ok: false,
      errors: [{ field: 'name', message: 'Enter your name, or what you would like us to call you' }],
    });
    expect(checkContactDetails({ name: 'Jo\nExample', phone: '07700 900 982', preferred: 'phone', ...CHOSEN }, LANGUAGES)).toMatchObject({
      ok: false,
      errors: [{ field: 'name', message: 'Your name must be on one line' }],
    });
  });

  it('are kept normalised', () => {
    expect(
      checkContactDetails({ name: ' Zoe\u0308 ', phone: '07700 900 982', email: '', preferred: 'phone', ...CHOSEN }, LANGUAGES),
    ).toEqual({
      ok: true,
      value: { name: 'Zoë', phone: '07700900982', email: '', preferred: 'phone', language: 'pl', interpreter: true },
    });
  });

  it('notes about safe contact keep their lines but nothing hidden', () => {
    expect(checkSafeContact({ voicemail: 'no', safeTimes: 'morning', notes: 'Call after 10\r\nwithheld number' }, 'phone')).toEqual({
      ok: true,
      value: { voicemailOk: false, safeTimes: ['morning'], notes: 'Call after 10\nwithheld number' },
    });
    expect(checkSafeContact({ voicemail: 'no', safeTimes: 'morning', notes: 'ok\u0007' }, 'phone')).toMatchObject({
      ok: false,
      errors: [{ field: 'notes', message: 'Anything else must not include hidden control characters' }],
    });
  });
});

describe('the errors on one page', () => {
  it('come in the order of the fields on the page', () => {
    const details = checkContactDetails(
      { name: '', phone: 'not a phone', email: 'jo\u0000@example.com', preferred: '', language: 'xx' },
      LANGUAGES,
    );
    expect(details.ok ? [] : details.errors.map((e) => e.field)).toEqual(['name', 'phone', 'email', 'preferred', 'language']);
    const safety = checkSafeContact({ notes: 'a\u202e' }, 'phone');
    expect(safety.ok ? [] : safety.errors.map((e) => e.field)).toEqual(['voicemail', 'safeTimes', 'notes']);
  });
});

describe('one form field’s text', () => {
  const rules = { label: 'The street', maxLength: 10, required: 'Enter the street' };
  const refusals = (raw: string, given: FieldTextRules = rules) => {
    const messages: string[] = [];
    const value = cleanField(raw, given, (message) => messages.push(message));
    return { value, messages };
  };

  it('gives back the cleaned text, and each refusal in the page’s words', () => {
    expect(refusals('  Mill\u200B Lane ')).toEqual({ value: 'Mill\u200B Lane', messages: [] });
    expect(refusals('\u200B \u200D')).toEqual({ value: '', messages: ['Enter the street'] });
    expect(refusals('', { label: 'Notes', maxLength: 10 })).toEqual({ value: '', messages: [] });
    expect(refusals('Mill\nLane').messages).toEqual(['The street must be on one line']);
    expect(refusals('Mill\u202ELane').messages).toEqual(['The street must not include characters that change the direction of the text']);
    expect(refusals('Mill Lane Road').messages).toEqual(['The street must be 10 characters or fewer']);
  });

  it('works the same as a Zod schema, with further checks after it', () => {
    const schema = cleanTextField({ label: 'The address', multiline: true, maxLength: 40 }).pipe(
      z.string().min(5, 'Enter the full address'),
    );
    expect(schema.parse(' 4 Mill Lane\r\nHarrowmere ')).toBe('4 Mill Lane\nHarrowmere');
    const messages = (raw: string) => schema.safeParse(raw).error?.issues.map((i) => i.message);
    expect(messages('4 Mill\u0007 Lane')).toEqual(['The address must not include hidden control characters']);
    expect(messages('Flat')).toEqual(['Enter the full address']);
    expect(messages('x'.repeat(41))).toEqual(['The address must be 40 characters or fewer']);
    const required = cleanTextField({ label: 'The name', maxLength: 20, required: 'Enter their name' });
    expect(required.safeParse('\u2060').error?.issues.map((i) => i.message)).toEqual(['Enter their name']);
  });
});
