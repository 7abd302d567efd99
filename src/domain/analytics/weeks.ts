// Counting weeks: Monday to Sunday by the clocks in England (Europe/London), whatever the server's
// own time zone, and across the clock changes (a week in October has 169 hours, one in March 167).
import { zonedInstant } from '../time/office-hours.ts';
import { addDays, localDate } from '../time/working-days.ts';

/** Monday of the week a calendar date falls in. */
export function weekStartOfDate(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday ... 6 Saturday
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** Monday (YYYY-MM-DD) of the week an instant falls in, in England. */
export function weekStartOf(instant: Date): string {
  return weekStartOfDate(localDate(instant));
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
