// Working days: Monday to Friday, except bank holidays. Dates are calendar dates (YYYY-MM-DD) in
// the council's time zone, so "2 working days" means what it does to a person in England.

import { zonedFormatter } from './formatters.ts';

export const COUNCIL_TIME_ZONE = 'Europe/London';

/** The calendar date (YYYY-MM-DD) of an instant, in the council's time zone. */
export function localDate(instant: Date, timeZone = COUNCIL_TIME_ZONE): string {
  return DATE_IN(timeZone).format(instant);
}

// en-CA formats as YYYY-MM-DD.
const DATE_IN = zonedFormatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

function parse(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date in YYYY-MM-DD form`);
  return new Date(`${date}T12:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, bankHolidays: ReadonlySet<string>): boolean {
  const day = parse(date).getUTCDay();
  return day !== 0 && day !== 6 && !bankHolidays.has(date);
}

/**
 * The date `count` working days after `start`. Something that arrives on a weekend or bank
 * holiday is treated as arriving on the next working day, so "within 2 working days" of a
 * Saturday is the Tuesday.
 */
export function addWorkingDays(start: string, count: number, bankHolidays: ReadonlySet<string>): string {
  if (!Number.isInteger(count) || count < 0) throw new Error('count must be a whole number of days, 0 or more');
  const date = parse(start);
  let remaining = count;
  while (remaining > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(format(date), bankHolidays)) remaining -= 1;
  }
  if (count === 0) while (!isWorkingDay(format(date), bankHolidays)) date.setUTCDate(date.getUTCDate() + 1);
  return format(date);
}

/** The calendar day after `date`. */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/** The calendar date `days` days after (or, when negative, before) `date`. */
export function addDays(date: string, days: number): string {
  const moved = parse(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return format(moved);
}

const LONG_DATE_IN = zonedFormatter('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A date as people read it: "Tuesday 29 December 2026". */
export function longDate(date: string): string {
  const parts = LONG_DATE_IN('UTC').formatToParts(parse(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * Working days from `from` to `to`: 0 on the day itself, 1 if `to` is the next working day,
 * negative when `to` has passed (−1 on the first working day after it). Worked out from whole
 * weeks, not day by day, so a case overdue for a year costs no more than one due tomorrow.
 */
export function workingDaysBetween(from: string, to: string, bankHolidays: ReadonlySet<string>): number {
  if (from === to) return 0;
  const forward = from < to;
  const [start, end] = forward ? [from, to] : [to, from];
  const first = dayNumber(start);
  const last = dayNumber(end);
  // The days after `start` up to and including `end`: five working days in each whole week, then
  // the days left over one by one (at most six).
  const span = last - first;
  let count = Math.floor(span / 7) * 5;
  for (let day = last - (span % 7) + 1; day <= last; day += 1) if (isWeekday(day)) count += 1;
  // A bank holiday on a weekday in the span is one working day fewer (one at a weekend changes nothing).
  for (const holiday of bankHolidays) if (holiday > start && holiday <= end && isWeekdayDate(holiday)) count -= 1;
  return forward ? count : -count;
}

const DAY = 86_400_000;

/** Days since 1 January 1970 (a Thursday). */
function dayNumber(date: string): number {
  return Math.floor(parse(date).getTime() / DAY);
}

/** A real calendar date (not "2026-02-30") falling Monday to Friday. */
function isWeekdayDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || format(parse(date)) !== date) return false;
  return isWeekday(dayNumber(date));
}

function isWeekday(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The date `months` calendar months after `date`, on the last day of the month if it is shorter. */
export function addMonths(date: string, months: number): string {
  const start = parse(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return format(target);
}
