import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidays, bankHolidaysLastDate } from '../../../src/config/calendar.ts';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  localDate,
  longDate,
  nextDay,
  workingDaysBetween,
} from '../../../src/domain/time/working-days.ts';

describe('working days (England and Wales)', () => {
  it('skip weekends', () => {
    expect(addWorkingDays('2026-11-26', 2, bankHolidays)).toBe('2026-11-30'); // Thursday + 2 = Monday
    expect(addWorkingDays('2026-11-27', 2, bankHolidays)).toBe('2026-12-01'); // Friday + 2 = Tuesday
  });

  it('treat something arriving at the weekend as arriving on Monday', () => {
    expect(addWorkingDays('2026-11-28', 2, bankHolidays)).toBe('2026-12-01'); // Saturday + 2 = Tuesday
    expect(addWorkingDays('2026-11-28', 0, bankHolidays)).toBe('2026-11-30');
  });

  it('skip Christmas, Boxing Day (moved to Monday 28 December in 2026) and New Year', () => {
    expect(isWorkingDay('2026-12-28', bankHolidays)).toBe(false);
    expect(addWorkingDays('2026-12-24', 2, bankHolidays)).toBe('2026-12-30'); // Thu 24 + 2: Tue 29, Wed 30
    expect(addWorkingDays('2026-12-31', 2, bankHolidays)).toBe('2027-01-05'); // Thu 31 + 2: (Fri 1 Jan) Mon 4, Tue 5
  });

  it('skip Easter 2027 (Good Friday 26 March, Easter Monday 29 March)', () => {
    expect(addWorkingDays('2027-03-25', 2, bankHolidays)).toBe('2027-03-31');
    expect(addWorkingDays('2027-03-25', 5, bankHolidays)).toBe('2027-04-05');
  });

  it('use the date in England, not UTC', () => {
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in British Summer Time.
    expect(localDate(new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    expect(localDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('read well', () => {
    expect(longDate('2026-12-29')).toBe('Tuesday 29 December 2026');
  });

  it('refuse nonsense', () => {
    expect(() => addWorkingDays('29/12/2026', 2, bankHolidays)).toThrow('not a date');
    expect(() => addWorkingDays('2026-12-29', -1, bankHolidays)).toThrow('whole number');
  });

  it('have bank holidays listed for at least the next 12 months', () => {
    const yearAhead = new Date();
    yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
    expect(bankHolidaysLastDate >= localDate(yearAhead).slice(0, 4) + '-01-01', 'add the next year to content/calendar').toBe(true);
  });
});

describe('nextDay', () => {
  it('crosses months, years and leap days', () => {
    expect(nextDay('2026-11-25')).toBe('2026-11-26');
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
  });

  it('is the calendar day after, across the clock change', () => {
    expect(nextDay('2026-10-24')).toBe('2026-10-25');
    expect(nextDay('2026-10-25')).toBe('2026-10-26');
  });
});

describe('working days between two dates', () => {
  /** The count as a person makes it: day by day, from the day after the first to the second. */
  function countedDayByDay(from: string, to: string, holidays: ReadonlySet<string>): number {
    const [start, end] = from < to ? [from, to] : [to, from];
    let count = 0;
    for (let date = nextDay(start); date <= end; date = nextDay(date)) if (isWorkingDay(date, holidays)) count += 1;
    return from <= to ? count : -count;
  }

  it('counts the working days after the first date, up to and including the second', () => {
    // Wednesday 23 December 2026 to Tuesday 29 December: Thursday 24 and Tuesday 29 (Christmas
    // Friday, the weekend and Boxing Day's Monday substitute do not count).
    expect(workingDaysBetween('2026-12-23', '2026-12-29', bankHolidays)).toBe(2);
    expect(workingDaysBetween('2026-12-29', '2026-12-23', bankHolidays)).toBe(-2);
    // A whole year of weekdays (2027 has 261) less its eight bank holidays in England.
    expect(workingDaysBetween('2026-12-31', '2027-12-31', bankHolidays)).toBe(261 - 8);
    // Friday to Monday is one; Saturday to Sunday is none.
    expect(workingDaysBetween('2026-11-27', '2026-11-30', new Set())).toBe(1);
    expect(workingDaysBetween('2026-11-28', '2026-11-29', new Set())).toBe(0);
  });

  it('agrees with counting day by day, for any two dates and any bank holidays', () => {
    const day = fc.integer({ min: 0, max: 6 * 366 }).map((n) => addDays('2024-01-01', n));
    // Holidays on weekdays, at weekends, repeated, and a string that is not a real date.
    const holidays = fc.array(fc.oneof(day, fc.constant('2026-02-30'), fc.constant('not a date')), { maxLength: 12 });
    fc.assert(
      fc.property(day, day, holidays, (from, to, list) => {
        const set = new Set(list);
        expect(workingDaysBetween(from, to, set)).toBe(countedDayByDay(from, to, set));
      }),
      { numRuns: 2000 },
    );
  });
});
