import { describe, expect, it } from 'vitest';
import { isWeekOver, weekEndsAt, weekStartOf, weekStartOfDate, weeksOverlapping } from '../../../src/domain/analytics/weeks.ts';
import { localDate } from '../../../src/domain/time/working-days.ts';

describe('counting weeks, Monday to Sunday in England', () => {
  it('puts every day of a week with its Monday', () => {
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-05', '2026-12-06'])
      expect(weekStartOfDate(day), day).toBe('2026-11-30');
    expect(weekStartOfDate('2026-12-07')).toBe('2026-12-07');
    // Across a year end.
    expect(weekStartOfDate('2027-01-02')).toBe('2026-12-28');
  });

  it('uses the clocks in England, not the server’s: Sunday night in summer is still Sunday', () => {
    // 23:30 on Sunday 28 June 2026 in British Summer Time is 22:30 UTC.
    expect(weekStartOf(new Date('2026-06-28T22:30:00Z'))).toBe('2026-06-22');
    // Half an hour later it is Monday in England, though still Sunday in UTC.
    expect(weekStartOf(new Date('2026-06-28T23:30:00Z'))).toBe('2026-06-29');
    // In winter England is on UTC.
    expect(weekStartOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-11-30');
    expect(weekStartOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
  });

  it('ends a week at midnight England time, across the clock changes', () => {
    // The week the clocks go back (Sunday 25 October 2026) ends at midnight GMT: 169 hours long.
    expect(weekEndsAt('2026-10-19').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect((weekEndsAt('2026-10-19').getTime() - weekEndsAt('2026-10-12').getTime()) / 3_600_000).toBe(169);
    // The week the clocks go forward (Sunday 29 March 2026): 167 hours.
    expect(weekEndsAt('2026-03-23').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect((weekEndsAt('2026-03-23').getTime() - weekEndsAt('2026-03-16').getTime()) / 3_600_000).toBe(167);
    // At the stroke of the end, the week is over; a millisecond before, it is not.
    const end = weekEndsAt('2026-11-30');
    expect(isWeekOver('2026-11-30', end)).toBe(true);
    expect(isWeekOver('2026-11-30', new Date(end.getTime() - 1))).toBe(false);
  });

  it('gives the calendar date in England and the weeks a range touches', () => {
    expect(localDate(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(weeksOverlapping('2026-11-25', '2026-12-08')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });
});
