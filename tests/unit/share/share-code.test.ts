// Share codes' rules: the format (9 characters in three groups, no look-alike characters), what
// a person may type for one, the 30 days, the check's values, and the "share" form's problems.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '../../../src/server/crypto.ts';
import { normalisePostcode } from '../../../src/domain/contact/postcode.ts';
import {
  SHARE_CODE_ALPHABET,
  birthDateFrom,
  formatShareCode,
  normaliseShareCode,
  shareCodeExpiry,
  shareState,
  type SharePart,
} from '../../../src/domain/share/share-code.ts';
import { shareRequestFrom } from '../../../src/server/share/make-share-code.ts';
import { summaryDocument } from '../../../src/server/share/summary-document.ts';
import { translator } from '../../../src/config/languages.ts';
import { FormProblems } from '../../../src/server/web/problems.ts';

const code = fc.array(fc.constantFrom(...SHARE_CODE_ALPHABET), { minLength: 9, maxLength: 9 }).map((chars) => chars.join(''));

describe('the code', () => {
  it('is 9 characters from the return codes’ alphabet, in three groups of three', () => {
    expect(SHARE_CODE_ALPHABET).toBe(CODE_ALPHABET);
    expect(formatShareCode('K7QM2X9PW')).toBe('K7Q-M2X-9PW');
  });

  it('is read back whatever the case, spaces or dashes; anything else is not a code', () => {
    fc.assert(
      fc.property(code, fc.constantFrom(' ', '-', '', ' - ', '\u2013'), fc.boolean(), (compact, gap, lower) => {
        const written = formatShareCode(compact);
        const typed = `${compact.slice(0, 3)}${gap}${compact.slice(3, 6)}${gap}${compact.slice(6)}`;
        return normaliseShareCode(lower ? typed.toLowerCase() : typed) === written;
      }),
    );
    for (const wrong of ['K7Q-M2X-9P', 'K7Q-M2X-9PWA', 'K7Q-M2X-9P0', 'I7Q-M2X-9PW', '', 'x'.repeat(10_000)])
      expect(normaliseShareCode(wrong), wrong.slice(0, 20)).toBeNull();
  });

  it('works for 30 days from when it is made, until ended', () => {
    const made = new Date('2026-12-07T10:00:00Z');
    const expiresAt = shareCodeExpiry(made).toISOString();
    expect(expiresAt).toBe('2027-01-06T10:00:00.000Z');
    expect(shareState({ expiresAt, endedAt: null }, new Date('2027-01-06T09:59:59Z'))).toBe('active');
    expect(shareState({ expiresAt, endedAt: null }, new Date(expiresAt))).toBe('expired');
    expect(shareState({ expiresAt, endedAt: '2026-12-08T00:00:00Z' }, new Date('2026-12-08T01:00:00Z'))).toBe('ended');
  });
});

describe('the check', () => {
  it('takes a real date of birth, not in the future, within 120 years', () => {
    expect(birthDateFrom('27', '3', '1985', '2026-12-07')).toBe('1985-03-27');
    expect(birthDateFrom(' 7 ', '03', '1985', '2026-12-07')).toBe('1985-03-07');
    for (const [d, m, y] of [
      ['31', '2', '1985'],
      ['8', '12', '2026'],
      ['1', '1', '1900'],
      ['', '3', '1985'],
      ['1', '13', '1985'],
      ['1.5', '3', '1985'],
    ])
      expect(birthDateFrom(d!, m!, y!, '2026-12-07'), `${d}/${m}/${y}`).toBeNull();
  });

  it('writes a postcode the one way Royal Mail does, so any spacing matches', () => {
    expect(normalisePostcode('hm11aa')).toBe('HM1 1AA');
    expect(normalisePostcode('HM1')).toBeNull();
  });
});

describe('the share form', () => {
  const words = {
    partsRequired: 'parts?',
    checkRequired: 'check?',
    birthDateInvalid: 'date?',
    postcodeInvalid: 'postcode?',
    emailInvalid: 'email?',
    mobileInvalid: 'mobile?',
  };
  const read = (form: Record<string, string | string[]>, allowed: readonly SharePart[] = ['answers', 'plan', 'handoff']) =>
    shareRequestFrom(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, [v].flat()])), allowed, '2026-12-07', words);

  it('reads what to share (only what the draft allows), the check and an optional email', () => {
    expect(
      read({ parts: ['plan', 'handoff', 'other'], check: 'postcode', postcode: 'hm1 1aa', email: ' Person@Example.com ' }, ['plan']),
    ).toEqual({
      parts: ['plan'],
      checkKind: 'postcode',
      checkValue: 'HM1 1AA',
      email: 'person@example.com',
      mobile: null,
    });
    expect(read({ parts: 'plan', check: 'postcode', postcode: 'HM1 1AA', mobile: '+44 (0)7700 900982' }).mobile).toBe('07700900982');
  });

  it('says every problem against its field', () => {
    const problems = (form: Record<string, string | string[]>) => {
      try {
        read(form);
        return [];
      } catch (error) {
        if (!(error instanceof FormProblems)) throw error;
        return error.errors.map((e) => e.field);
      }
    };
    expect(problems({ email: 'nope', mobile: '01632 960 100' })).toEqual(['parts', 'check', 'email', 'mobile']);
    expect(
      problems({ parts: 'plan', check: 'birth-date', 'birth-date-day': '31', 'birth-date-month': '2', 'birth-date-year': '1990' }),
    ).toEqual(['birth-date']);
    expect(problems({ parts: 'plan', check: 'postcode', postcode: '12345' })).toEqual(['postcode']);
  });
});

describe('the summary to keep, as a document', () => {
  it('has its language, a title and headings, escapes what the person wrote, and is small', () => {
    const html = summaryDocument(
      {
        locale: 'ur',
        answers: [{ question: 'Q <script>', answers: ['A & B'] }],
        plan: { need: 'High', needExplanation: 'Soon', steps: [{ title: 'Step', actions: ['Do "this"'] }] },
        handoff: { reference: 'HO-7K3M-Q9PW', service: 'Housing Options team', sentAt: null },
      },
      {
        madeOn: '7 December 2026',
        council: { name: 'Harrowmere', team: 'Housing Options', phone: '01632 960 100', email: 'a@b.example', address: 'Market Street' },
        t: translator('ur'),
      },
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="ur" dir="rtl">/);
    expect(html).toContain('<title>');
    expect(html).toContain('Q &lt;script&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('Do &quot;this&quot;');
    expect(html.match(/<h2>/g)).toHaveLength(4);
    expect(new TextEncoder().encode(html).length).toBeLessThan(200 * 1024);
  });
});
