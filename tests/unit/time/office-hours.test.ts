import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeTimeWindows } from '../../../src/domain/handoff/contact-details.ts';
import {
  addOfficeHours,
  anyWithinOfficeHours,
  describeContactBy,
  isOfficeOpen,
  nextOpening,
  zonedInstant,
  type OfficeHoursRow,
} from '../../../src/domain/time/office-hours.ts';

// Harrowmere's hours (content/council.json): Monday to Thursday 9am to 5pm, Friday 9am to 4:30pm.
const HOURS: OfficeHoursRow[] = [
  { byday: 'MO,TU,WE,TH', opensAt: '09:00', closesAt: '17:00' },
  { byday: 'FR', opensAt: '09:00', closesAt: '16:30' },
];
// 2026: Christmas Day is Friday 25 December, Boxing Day's substitute is Monday 28 December.
const BANK_HOLIDAYS = new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2026-08-31']);
const london = (date: string, time: string) => zonedInstant(date, time);
const due = (date: string, time: string) => addOfficeHours(london(date, time), 2, HOURS, BANK_HOLIDAYS);

describe('zoned instants', () => {
  it('turn London wall-clock times into instants in winter and in summer time', () => {
    expect(london('2026-11-25', '14:00').toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(london('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    // The day the clocks go back (25 October 2026) and forward (29 March 2026).
    expect(london('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(london('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
});

describe('the emergency time limit: 2 office hours', () => {
  it('during the day, is 2 hours later the same day', () => {
    expect(due('2026-11-25', '14:00')).toEqual(london('2026-11-25', '16:00'));
    expect(due('2026-11-25', '09:00')).toEqual(london('2026-11-25', '11:00'));
  });

  it('late in the afternoon, carries what is left into the next working morning', () => {
    expect(due('2026-11-25', '16:30')).toEqual(london('2026-11-26', '10:30'));
    // Friday closes at 4:30pm: half an hour on Friday, an hour and a half on Monday.
    expect(due('2026-11-27', '16:00')).toEqual(london('2026-11-30', '10:30'));
  });

  it('in the evening or overnight, counts from the next opening', () => {
    expect(due('2026-11-25', '20:15')).toEqual(london('2026-11-26', '11:00'));
    expect(due('2026-11-26', '03:00')).toEqual(london('2026-11-26', '11:00'));
  });

  it('over a weekend, counts from Monday morning', () => {
    expect(due('2026-11-27', '18:00')).toEqual(london('2026-11-30', '11:00'));
    expect(due('2026-11-28', '12:00')).toEqual(london('2026-11-30', '11:00'));
    expect(due('2026-11-29', '23:59')).toEqual(london('2026-11-30', '11:00'));
  });

  it('skips bank holidays: Christmas 2026 runs from Thursday evening to Tuesday', () => {
    expect(due('2026-12-24', '18:00')).toEqual(london('2026-12-29', '11:00'));
    expect(due('2026-12-25', '10:00')).toEqual(london('2026-12-29', '11:00'));
    // The August bank holiday Monday.
    expect(due('2026-08-31', '10:00')).toEqual(london('2026-09-01', '11:00'));
  });

  it('keeps the same office hours across the clock changes', () => {
    // Friday 23 October 2026, 4pm (BST): 30 minutes on Friday, 90 on Monday (GMT).
    expect(due('2026-10-23', '16:00')).toEqual(london('2026-10-26', '10:30'));
    expect(london('2026-10-26', '10:30').toISOString()).toBe('2026-10-26T10:30:00.000Z');
  });

  it('knows when the office is open, and when it next opens', () => {
    expect(isOfficeOpen(london('2026-11-25', '09:00'), HOURS, BANK_HOLIDAYS)).toBe(true);
    expect(isOfficeOpen(london('2026-11-25', '17:00'), HOURS, BANK_HOLIDAYS)).toBe(false);
    expect(isOfficeOpen(london('2026-12-25', '10:00'), HOURS, BANK_HOLIDAYS)).toBe(false);
    expect(nextOpening(london('2026-12-24', '17:30'), HOURS, BANK_HOLIDAYS)).toEqual(london('2026-12-29', '09:00'));
    expect(nextOpening(london('2026-11-25', '10:00'), HOURS, BANK_HOLIDAYS)).toEqual(london('2026-11-25', '10:00'));
  });

  it('refuses a profile whose office never opens, rather than looping', () => {
    expect(() => addOfficeHours(london('2026-11-25', '10:00'), 2, [], BANK_HOLIDAYS)).toThrow('never open');
  });
});

describe('the emergency time limit counted only in the times a person said are safe', () => {
  const safeDue = (date: string, time: string, safeTimes: string[]) =>
    addOfficeHours(london(date, time), 2, HOURS, BANK_HOLIDAYS, safeTimeWindows(safeTimes));

  it('in the morning only: the rest of the morning, then the next morning', () => {
    expect(safeDue('2026-11-25', '09:30', ['morning'])).toEqual(london('2026-11-25', '11:30'));
    // 11am Wednesday: one safe hour left that morning, the other on Thursday morning.
    expect(safeDue('2026-11-25', '11:00', ['morning'])).toEqual(london('2026-11-26', '10:00'));
    // 2pm Wednesday (plain office hours would say 4pm today, when it is not safe): Thursday morning.
    expect(safeDue('2026-11-25', '14:00', ['morning'])).toEqual(london('2026-11-26', '11:00'));
    // A Saturday evening before Christmas week: the first safe office morning is Tuesday the 29th.
    expect(safeDue('2026-12-26', '19:30', ['morning'])).toEqual(london('2026-12-29', '11:00'));
  });

  it('in the afternoon only: from midday, and Friday closes at 4:30pm', () => {
    expect(safeDue('2026-11-25', '09:00', ['afternoon'])).toEqual(london('2026-11-25', '14:00'));
    expect(safeDue('2026-11-27', '15:30', ['afternoon'])).toEqual(london('2026-11-30', '13:00'));
  });

  it('morning and afternoon together are the whole working day, as if no time were given', () => {
    for (const [date, time] of [
      ['2026-11-25', '11:30'],
      ['2026-11-27', '16:00'],
      ['2026-12-24', '18:00'],
    ] as const) {
      expect(safeDue(date, time, ['morning', 'afternoon'])).toEqual(due(date, time));
    }
  });

  it('early evening only (5pm to 7pm) never falls in office hours: no promise can be made', () => {
    expect(safeDue('2026-11-28', '18:00', ['evening'])).toBeNull();
    expect(anyWithinOfficeHours(safeTimeWindows(['evening']), HOURS)).toBe(false);
    expect(anyWithinOfficeHours(safeTimeWindows(['evening', 'afternoon']), HOURS)).toBe(true);
    // An office open until 6pm makes 5pm to 6pm count: an hour on Wednesday, an hour on Thursday.
    const late = [{ byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '18:00' }];
    expect(addOfficeHours(london('2026-11-25', '16:00'), 2, late, BANK_HOLIDAYS, safeTimeWindows(['evening']))).toEqual(
      london('2026-11-26', '18:00'),
    );
  });

  it('is never sooner than the plain limit, and always falls in office hours and a safe time (any moment, any safe times)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const year = 366 * 86_400_000;
    const safe = fc.subarray(['morning', 'afternoon', 'evening'], { minLength: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: year }), safe, (offset, safeTimes) => {
        const from = new Date(start + offset);
        const windows = safeTimeWindows(safeTimes);
        const result = addOfficeHours(from, 2, HOURS, BANK_HOLIDAYS, windows);
        if (!anyWithinOfficeHours(windows, HOURS)) return result === null;
        if (result === null) return false;
        const plain = addOfficeHours(from, 2, HOURS, BANK_HOLIDAYS);
        // The due moment is the end of a counted stretch: the instant before it is open and safe.
        // (Not the minute before: a start at 3pm and a millisecond is due at noon and a millisecond.)
        const before = new Date(result.getTime() - 1);
        const clock = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          hourCycle: 'h23',
          hour: '2-digit',
          minute: '2-digit',
        }).format(before);
        return result >= plain && isOfficeOpen(before, HOURS, BANK_HOLIDAYS) && windows.some((w) => clock >= w.from && clock < w.to);
      }),
      { numRuns: 500, examples: [[16_380_000_001, ['afternoon', 'evening']]] },
    );
  });
});

describe('the promise in words', () => {
  it('says today when it is today, and the day otherwise', () => {
    expect(describeContactBy(london('2026-11-25', '14:00'), london('2026-11-25', '16:00'))).toEqual({ today: true, by: '4pm today' });
    expect(describeContactBy(london('2026-11-27', '18:00'), london('2026-11-30', '11:00'))).toEqual({
      today: false,
      by: '11am on Monday 30 November',
    });
    expect(describeContactBy(london('2026-11-25', '16:30'), london('2026-11-26', '10:30'))).toEqual({
      today: false,
      by: '10:30am on Thursday 26 November',
    });
  });
});
