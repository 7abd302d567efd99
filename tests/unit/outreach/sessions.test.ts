import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallsOn, recurrenceRule, upcomingSessions, type SurgeryTimetable } from '../../../src/domain/outreach/sessions.ts';
import { addDays } from '../../../src/domain/time/working-days.ts';

const library: SurgeryTimetable = {
  id: 'library',
  sessions: [{ every: 'week', day: 'TU', opens: '10:00', closes: '13:00' }],
  cancelled: [{ date: '2026-12-29', reason: 'Closed for the holidays' }],
};
const hub: SurgeryTimetable = { id: 'hub', sessions: [{ every: 'first', day: 'TH', opens: '13:00', closes: '16:00' }], cancelled: [] };
const jobcentre: SurgeryTimetable = {
  id: 'jobcentre',
  sessions: [{ every: 'last', day: 'FR', opens: '09:30', closes: '12:30' }],
  cancelled: [],
};

describe('outreach sessions', () => {
  it('falls on the weekday every week, or on the nth or last one of the month', () => {
    expect(fallsOn(library.sessions[0]!, '2026-12-08')).toBe(true);
    expect(fallsOn(library.sessions[0]!, '2026-12-09')).toBe(false);
    // December 2026: the first Thursday is the 3rd; the last Friday the 25th.
    expect(['2026-12-03', '2026-12-10'].map((d) => fallsOn(hub.sessions[0]!, d))).toEqual([true, false]);
    expect(['2026-12-18', '2026-12-25'].map((d) => fallsOn(jobcentre.sessions[0]!, d))).toEqual([false, true]);
    expect(fallsOn({ every: 'week', day: 'TU', opens: '10:00', closes: '11:00', from: '2027-01-01' }, '2026-12-29')).toBe(false);
    expect(fallsOn({ every: 'week', day: 'TU', opens: '10:00', closes: '11:00', until: '2026-12-01' }, '2026-12-08')).toBe(false);
  });

  it('lists the next four weeks in order, saying which are off and why', () => {
    const sessions = upcomingSessions([jobcentre, library, hub], { from: '2026-12-07', days: 28 }, new Set(['2026-12-25', '2026-12-28']));
    expect(sessions.map((s) => [s.date, s.placeId, s.status, s.reason ?? ''])).toEqual([
      ['2026-12-08', 'library', 'on', ''],
      ['2026-12-15', 'library', 'on', ''],
      ['2026-12-22', 'library', 'on', ''],
      ['2026-12-25', 'jobcentre', 'bank-holiday', ''],
      ['2026-12-29', 'library', 'cancelled', 'Closed for the holidays'],
    ]);
    // The hub's first Thursday of January (the 7th) is in the four weeks from the 11th of December.
    expect(upcomingSessions([hub], { from: '2026-12-11', days: 28 }, new Set()).map((s) => s.date)).toEqual(['2027-01-07']);
  });

  it('leaves out today’s sessions that have finished', () => {
    const at = (after: string) => upcomingSessions([library], { from: '2026-12-08', days: 1, after }, new Set()).length;
    expect([at('09:00'), at('12:59'), at('13:00')]).toEqual([1, 1, 0]);
  });

  it('gives each pattern as an RFC 5545 rule', () => {
    expect(recurrenceRule(library.sessions[0]!)).toEqual({ freq: 'WEEKLY', byday: 'TU' });
    expect(recurrenceRule(hub.sessions[0]!)).toEqual({ freq: 'MONTHLY', byday: '1TH' });
    expect(recurrenceRule(jobcentre.sessions[0]!)).toEqual({ freq: 'MONTHLY', byday: '-1FR' });
  });

  it('a monthly session falls exactly once a month, on its weekday', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('first', 'second', 'third', 'fourth', 'last' as const),
        fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU' as const),
        fc.integer({ min: 2025, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        (every, day, year, month) => {
          const first = `${year}-${String(month).padStart(2, '0')}-01`;
          const days = Array.from({ length: 31 }, (_, i) => addDays(first, i)).filter((d) => d.slice(0, 7) === first.slice(0, 7));
          return days.filter((d) => fallsOn({ every, day, opens: '10:00', closes: '11:00' }, d)).length === 1;
        },
      ),
    );
  });
});
