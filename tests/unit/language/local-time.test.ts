// A moment said in the page's language, on England's clock: the date and the time of day, the day
// changing at midnight in British Summer Time, not at midnight UTC.
import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../../src/language/local-time.ts';

describe('localDateTime', () => {
  it('says the date and time in England, in the language of the page', () => {
    expect(localDateTime('en', new Date('2026-12-07T15:15:00Z'))).toBe('Monday 7 December 2026, 3:15pm');
    // 23:30 UTC in July is half past midnight the next day in England.
    expect(localDateTime('pl', new Date('2026-07-07T23:30:00Z'))).toBe('środa, 8 lipca 2026, 0:30');
    expect(localDateTime('en', new Date('2026-07-07T23:30:00Z'))).toBe('Wednesday 8 July 2026, 12:30am');
  });
});
