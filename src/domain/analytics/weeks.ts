// Counting weeks: Monday to Sunday by the clocks in England (Europe/London), whatever the server's
// own time zone, and across the clock changes (a week in October has 169 hours, one in March 167).
import { zonedInstant } from '../time/office-hours.ts';
import { COUNCIL_TIME_ZONE, addDays } from '../time/working-days.ts';

const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in England. */
export function englishDate(instant: Date): string {
  return DATE_FORMAT.format(instant);
}

/** Monday of the week a calendar date falls in. */
export function weekStartOfDate(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday ... 6 Saturday
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** Monday (YYYY-MM-DD) of the week an instant falls in, in England. */
export function weekStartOf(instant: Date): string {
  return weekStartOfDate(englishDate(instant));
}

/** The instant a week ends: midnight at the start of the next Monday, in England. */
export function weekEndsAt(weekStart: string): Date {
  return zonedInstant(addDays(weekStart, 7), '00:00');
}

/** Whether a week (by its Monday) is over at `now`. */
export function isWeekOver(weekStart: string, now: Date): boolean {
  return weekEndsAt(weekStart).getTime() <= now.getTime();
}

/** The Mondays of every week that overlaps from..to (dates, inclusive), oldest first. */
export function weeksOverlapping(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStartOfDate(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}
