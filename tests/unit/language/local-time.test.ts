// Time in the page's language: a moment on England's clock (the day changing at midnight in
// British Summer Time, not at midnight UTC), and how long to wait before trying again.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/config/languages.ts';
import { localDateTime, waitWords } from '../../../src/language/local-time.ts';

describe('localDateTime', () => {
  it('says the date and time in England, in the language of the page', () => {
    expect(localDateTime('en', new Date('2026-12-07T15:15:00Z'))).toBe('Monday 7 December 2026, 3:15pm');
    // 23:30 UTC in July is half past midnight the next day in England.
    expect(localDateTime('pl', new Date('2026-07-07T23:30:00Z'))).toBe('środa, 8 lipca 2026, 0:30');
    expect(localDateTime('en', new Date('2026-07-07T23:30:00Z'))).toBe('Wednesday 8 July 2026, 12:30am');
  });
});

describe('waitWords', () => {
  it('says seconds under a minute, and whole minutes rounded up after', () => {
    const t = translator('en');
    expect(waitWords(t, 1)).toBe('1 second');
    expect(waitWords(t, 59)).toBe('59 seconds');
    expect(waitWords(t, 60)).toBe('1 minute');
    expect(waitWords(t, 61)).toBe('2 minutes');
    expect(waitWords(translator('pl'), 300)).toBe('5 minut');
  });
});
