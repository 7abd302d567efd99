// Outreach surgeries: when each place's sessions fall, which are off (a bank holiday, or
// cancelled by the council), and the same rules as RFC 5545 recurrences for the Open Referral
// API. Dates are days in England (YYYY-MM-DD); times are clock times there.
import { addDays } from '../time/working-days.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Every week, or one week of the month: the first … fourth, or the last. */
export const RECURRENCES = ['week', 'first', 'second', 'third', 'fourth', 'last'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface SurgerySession {
  every: Recurrence;
  day: Weekday;
  opens: string;
  closes: string;
  /** The first and last days it runs, when it does not run for ever. */
  from?: string;
  until?: string;
}

export interface SurgeryTimetable {
  id: string;
  sessions: readonly SurgerySession[];
  cancelled: ReadonlyArray<{ date: string; reason: string }>;
}

export type SessionStatus = 'on' | 'cancelled' | 'bank-holiday';

export interface UpcomingSession {
  date: string;
  placeId: string;
  opens: string;
  closes: string;
  status: SessionStatus;
  /** Why a cancelled session is off, as the council gave it. */
  reason?: string;
}

const weekdayOf = (date: string): Weekday => WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
const dayOfMonth = (date: string) => Number(date.slice(8, 10));
const ORDINAL: Record<Exclude<Recurrence, 'week' | 'last'>, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** Whether the session falls on this day (ignoring holidays and cancellations). */
export function fallsOn(session: SurgerySession, date: string): boolean {
  if (weekdayOf(date) !== session.day) return false;
  if ((session.from && date < session.from) || (session.until && date > session.until)) return false;
  if (session.every === 'week') return true;
  // The nth such weekday of the month is on days 7n-6 to 7n; the last is within 7 days of the month's end.
  if (session.every === 'last') return addDays(date, 7).slice(0, 7) !== date.slice(0, 7);
  return Math.ceil(dayOfMonth(date) / 7) === ORDINAL[session.every];
}

/**
 * Every session from `from` for `days` days, in date and time order, each with whether it is on.
 * A session on a bank holiday does not run; a cancelled one says why. `after` (a clock time on
 * `from`) leaves out that day's sessions that have already finished.
 */
export function upcomingSessions(
  places: readonly SurgeryTimetable[],
  range: { from: string; days: number; after?: string },
  bankHolidays: ReadonlySet<string>,
): UpcomingSession[] {
  const found: UpcomingSession[] = [];
  for (let i = 0; i < range.days; i += 1) {
    const date = addDays(range.from, i);
    for (const place of places) {
      for (const session of place.sessions) {
        if (!fallsOn(session, date)) continue;
        if (i === 0 && range.after && session.closes <= range.after) continue;
        const cancelled = place.cancelled.find((c) => c.date === date);
        found.push({
          date,
          placeId: place.id,
          opens: session.opens,
          closes: session.closes,
          status: bankHolidays.has(date) ? 'bank-holiday' : cancelled ? 'cancelled' : 'on',
          ...(cancelled && !bankHolidays.has(date) ? { reason: cancelled.reason } : {}),
        });
      }
    }
  }
  return found.sort((a, b) => (a.date === b.date ? a.opens.localeCompare(b.opens) : a.date.localeCompare(b.date)));
}

/** The session as an RFC 5545 rule's parts: FREQ and BYDAY ("1TU", "-1FR" for the last). */
export function recurrenceRule(session: SurgerySession): { freq: 'WEEKLY' | 'MONTHLY'; byday: string } {
  if (session.every === 'week') return { freq: 'WEEKLY', byday: session.day };
  return { freq: 'MONTHLY', byday: `${session.every === 'last' ? -1 : ORDINAL[session.every]}${session.day}` };
}
