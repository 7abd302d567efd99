// Office hours and the emergency time limit. Someone in danger, with nowhere to sleep tonight or
// with bailiffs due is promised contact within a few *office hours*: counted only while the
// council's office is open (its weekly hours, less bank holidays), in the council's time zone.
// So a request at 2pm on a Wednesday is due at 4pm that day, one at 8pm is due at 11am the next
// working day, and one on a Saturday before a bank-holiday Monday is due on Tuesday.
import { zonedFormatter } from './formatters.ts';
import { clockTime } from './opening-times.ts';
import { COUNCIL_TIME_ZONE, isWorkingDay, localDate, nextDay } from './working-days.ts';

/** One row of the office's weekly hours: days as two-letter codes ("MO,TU"), times as "HH:MM". */
export interface OfficeHoursRow {
  byday: string;
  opensAt: string;
  closesAt: string;
}

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const MINUTE = 60_000;

const WALL_CLOCK_IN = zonedFormatter('en-GB', {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const CLOCK_IN = zonedFormatter('en-GB', { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const DAY_IN = zonedFormatter('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });

/** The offset of `timeZone` from UTC at `instant`, in minutes (60 in British Summer Time). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = WALL_CLOCK_IN(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / MINUTE) * MINUTE) / MINUTE);
}

/** The instant at which the clocks in `timeZone` show `time` on `date`. */
export function zonedInstant(date: string, time: string, timeZone = COUNCIL_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset at a first guess, then at the corrected instant (clock-change days).
  const first = wall - offsetMinutes(new Date(wall), timeZone) * MINUTE;
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * MINUTE);
}

/** The local wall-clock time of an instant, "HH:MM". */
export function localTime(instant: Date, timeZone = COUNCIL_TIME_ZONE): string {
  return CLOCK_IN(timeZone).format(instant);
}

/** When the office is open on `date`, as instants, or null when it is closed all day. */
export function officeWindow(
  date: string,
  hours: readonly OfficeHoursRow[],
  bankHolidays: ReadonlySet<string>,
): { opens: Date; closes: Date } | null {
  if (!isWorkingDay(date, bankHolidays)) return null;
  const code = WEEKDAY_CODES[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
  const row = hours.find((r) => r.byday.split(',').includes(code));
  return row ? { opens: zonedInstant(date, row.opensAt), closes: zonedInstant(date, row.closesAt) } : null;
}

export function isOfficeOpen(at: Date, hours: readonly OfficeHoursRow[], bankHolidays: ReadonlySet<string>): boolean {
  const window = officeWindow(localDate(at), hours, bankHolidays);
  return !!window && at >= window.opens && at < window.closes;
}

/** Times of day ("HH:MM" to "HH:MM") within which alone something may happen, such as when a person said it is safe to call. */
export interface DailyWindow {
  from: string;
  to: string;
}

/**
 * When the office is open on `date` and, if `within` is given, it is one of those times of day:
 * the stretches of time, in order (none when it is closed, or none of the times fall in its hours).
 */
function openStretches(
  date: string,
  hours: readonly OfficeHoursRow[],
  bankHolidays: ReadonlySet<string>,
  within?: readonly DailyWindow[],
): Array<{ start: number; end: number }> {
  const window = officeWindow(date, hours, bankHolidays);
  if (!window) return [];
  const opens = window.opens.getTime();
  const closes = window.closes.getTime();
  if (!within) return [{ start: opens, end: closes }];
  const stretches = within
    .map((w) => ({
      start: Math.max(opens, zonedInstant(date, w.from).getTime()),
      end: Math.min(closes, zonedInstant(date, w.to).getTime()),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  // Windows that touch or overlap (morning to midday, midday to 5pm) are one stretch.
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of stretches) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether any of the times of day falls inside the office's weekly hours at all. */
export function anyWithinOfficeHours(within: readonly DailyWindow[], hours: readonly OfficeHoursRow[]): boolean {
  return hours.some((row) => within.some((w) => w.from < row.closesAt && w.to > row.opensAt));
}

/**
 * The moment `officeHours` hours of open office time have passed since `from`. Time when the
 * office is closed (evenings, weekends, bank holidays) does not count; with `within`, neither does
 * time outside those times of day (so a person who said only mornings are safe is counted in
 * mornings). Null when none of `within` ever falls inside office hours.
 */
export function addOfficeHours(from: Date, officeHours: number, hours: readonly OfficeHoursRow[], bankHolidays: ReadonlySet<string>): Date;
export function addOfficeHours(
  from: Date,
  officeHours: number,
  hours: readonly OfficeHoursRow[],
  bankHolidays: ReadonlySet<string>,
  within: readonly DailyWindow[],
): Date | null;
export function addOfficeHours(
  from: Date,
  officeHours: number,
  hours: readonly OfficeHoursRow[],
  bankHolidays: ReadonlySet<string>,
  within?: readonly DailyWindow[],
): Date | null {
  if (!(officeHours > 0)) throw new Error('officeHours must be more than 0');
  if (within && !anyWithinOfficeHours(within, hours)) return null;
  let remaining = officeHours * 60 * MINUTE;
  let date = localDate(from);
  // A year is far more than any council is closed for; the bound stops a profile with no hours looping.
  for (let day = 0; day < 366; day += 1, date = nextDay(date)) {
    for (const stretch of openStretches(date, hours, bankHolidays, within)) {
      const start = Math.max(from.getTime(), stretch.start);
      const available = stretch.end - start;
      if (available <= 0) continue;
      if (available >= remaining) return new Date(start + remaining);
      remaining -= available;
    }
  }
  throw new Error('The office hours in the council profile never open');
}

/** The next moment the office opens after `at` (or `at` itself if it is open then). */
export function nextOpening(at: Date, hours: readonly OfficeHoursRow[], bankHolidays: ReadonlySet<string>): Date {
  let date = localDate(at);
  for (let day = 0; day < 366; day += 1, date = nextDay(date)) {
    const window = officeWindow(date, hours, bankHolidays);
    if (!window || window.closes <= at) continue;
    return window.opens > at ? window.opens : at;
  }
  throw new Error('The office hours in the council profile never open');
}

/** What an urgent request is promised, in words a person reads on their phone. */
export interface UrgentPromise {
  /** Contact is due on the same calendar day. */
  today: boolean;
  /** "3:15pm today" or "11am on Monday 30 November". */
  by: string;
}

export function describeContactBy(now: Date, due: Date): UrgentPromise {
  const clock = clockTime(localTime(due));
  if (localDate(due) === localDate(now)) return { today: true, by: `${clock} today` };
  const day = DAY_IN(COUNCIL_TIME_ZONE).format(due);
  return { today: false, by: `${clock} on ${day}` };
}
