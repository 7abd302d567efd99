// The stretch of time a report covers, and the weeks and quarters it is split into. Weeks run
// Monday to Sunday; quarters are the council's financial quarters (April to June is Q1). All
// dates are calendar dates in England.
import { countOf } from '../text/plural.ts';
import { weekStartOfDate, weeksOverlapping } from '../analytics/weeks.ts';
import { parseDateInput, type DatePart } from '../time/date-input.ts';
import { addDays } from '../time/working-days.ts';

export interface ReportRange {
  from: string;
  to: string;
}

export interface RangeProblem {
  field: 'from' | 'to';
  parts: DatePart[];
  message: string;
}

/** Longest range a report reads: three years of weeks. */
export const MAX_RANGE_DAYS = 3 * 366;

/** The last 52 weeks, ending today. */
export function defaultRange(today: string): ReportRange {
  return { from: addDays(weekStartOfDate(today), -51 * 7), to: today };
}

/**
 * The range from the form's date boxes (from-day, from-month, from-year, to-...). No boxes at all
 * gives the default; anything wrong gives the problems, and the default range to show meanwhile.
 */
export function rangeFrom(params: URLSearchParams, today: string): { range: ReportRange; problems: RangeProblem[] } {
  const fallback = defaultRange(today);
  const names = ['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'];
  if (names.every((n) => (params.get(n) ?? '').trim() === '')) return { range: fallback, problems: [] };
  const problems: RangeProblem[] = [];
  const read = (field: 'from' | 'to', what: string) => {
    const result = parseDateInput(params.get(`${field}-day`) ?? '', params.get(`${field}-month`) ?? '', params.get(`${field}-year`) ?? '');
    if (!result.ok) {
      problems.push({ field, parts: result.parts, message: `The ${what} date ${result.problem}` });
      return null;
    }
    return result.date;
  };
  const from = read('from', 'start');
  const to = read('to', 'end');
  if (from && to) {
    if (from > to)
      problems.push({ field: 'to', parts: ['day', 'month', 'year'], message: 'The end date must be the same as or after the start date' });
    else if (to > today)
      problems.push({ field: 'to', parts: ['day', 'month', 'year'], message: 'The end date must be today or in the past' });
    else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS)
      problems.push({ field: 'from', parts: ['year'], message: 'The start date must be no more than 3 years before the end date' });
  }
  return problems.length === 0 && from && to ? { range: { from, to }, problems } : { range: fallback, problems };
}

export interface Quarter {
  /** First and last day. */
  start: string;
  end: string;
  /** "Q3 2026 to 2027 (October to December 2026)". */
  label: string;
  /** "2026-27 Q3", for tables and CSV. */
  short: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function quarterOf(date: string): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const startMonth = Math.floor((m - 1) / 3) * 3 + 1; // 1, 4, 7, 10
  const fyStart = startMonth >= 4 ? y : y - 1;
  const q = startMonth >= 4 ? (startMonth - 4) / 3 + 1 : 4;
  const start = `${y}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = startMonth === 10 ? `${y + 1}-01-01` : `${y}-${String(startMonth + 3).padStart(2, '0')}-01`;
  const fy = `${fyStart}-${String((fyStart + 1) % 100).padStart(2, '0')}`;
  return {
    start,
    end: addDays(nextStart, -1),
    label: `Q${q} ${fyStart} to ${fyStart + 1} (${MONTHS[startMonth - 1]} to ${MONTHS[startMonth + 1]} ${y})`,
    short: `${fy} Q${q}`,
  };
}

/** Every quarter that overlaps the range, oldest first. */
export function quartersOverlapping(range: ReportRange): Quarter[] {
  const quarters: Quarter[] = [];
  for (let q = quarterOf(range.from); q.start <= range.to; q = quarterOf(addDays(q.end, 1))) quarters.push(q);
  return quarters;
}

/** The Mondays of the weeks in the range. */
export function weeksOf(range: ReportRange): string[] {
  return weeksOverlapping(range.from, range.to);
}

/** "7 Dec 2026": a short date for table rows and chart labels. */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/**
 * A quarter as the funnel compares it: whole weeks, so weekly visitors, self-assessments and cases
 * in one row all cover the same days. A week belongs to the quarter its Thursday is in (most of
 * its days, as ISO weeks are given to years): Monday 28 September to Sunday 4 October 2026 is in
 * October to December.
 */
export interface WeekQuarter {
  quarter: Quarter;
  /** The Mondays of its weeks. */
  weeks: string[];
  /** The first Monday and the last Sunday: the days every figure in its row covers. */
  from: string;
  to: string;
  /** "2026-27 Q3 (Oct to Dec 2026), weeks from 5 Oct to 6 Dec 2026". */
  label: string;
}

/** The quarter a week (its Monday) belongs to: the one its Thursday is in. */
export function quarterOfWeek(monday: string): Quarter {
  return quarterOf(addDays(monday, 3));
}

/**
 * The weeks a range's quarters are made of: those whose Thursday is in the range (so 1 July to
 * 30 September is 13 whole weeks, not 13 and a stray one), or every week it touches when it is
 * too short to hold a Thursday.
 */
export function quarterWeeksOf(range: ReportRange): string[] {
  const weeks = weeksOf(range);
  const held = weeks.filter((monday) => addDays(monday, 3) >= range.from && addDays(monday, 3) <= range.to);
  return held.length > 0 ? held : weeks;
}

export function weekQuarters(weeks: readonly string[]): WeekQuarter[] {
  const groups: WeekQuarter[] = [];
  for (const monday of weeks) {
    const quarter = quarterOfWeek(monday);
    const last = groups.at(-1);
    if (last && last.quarter.start === quarter.start) {
      last.weeks.push(monday);
      last.to = addDays(monday, 6);
    } else {
      groups.push({ quarter, weeks: [monday], from: monday, to: addDays(monday, 6), label: '' });
    }
  }
  for (const group of groups)
    group.label = `${group.quarter.label}, the ${group.weeks.length === 1 ? 'week' : countOf(group.weeks.length, 'week')} from ${shortDate(group.from)} to ${shortDate(group.to)}`;
  return groups;
}

/** The quarters overlapping the range, each cut to the range's own days (for counts that are not weekly). */
export function quartersWithin(range: ReportRange): Array<Quarter & { from: string; to: string; whole: boolean }> {
  return quartersOverlapping(range).map((q) => {
    const from = q.start < range.from ? range.from : q.start;
    const to = q.end > range.to ? range.to : q.end;
    return { ...q, from, to, whole: from === q.start && to === q.end };
  });
}
