// The stretch of time a report covers, and the weeks and quarters it is split into. Weeks run
// Monday to Sunday; quarters are the council's financial quarters (April to June is Q1). All
// dates are calendar dates in England.
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
    if (from > to) problems.push({ field: 'to', parts: ['day', 'month', 'year'], message: 'The end date must be the same as or after the start date' });
    else if (to > today) problems.push({ field: 'to', parts: ['day', 'month', 'year'], message: 'The end date must be today or in the past' });
    else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) problems.push({ field: 'from', parts: ['year'], message: 'The start date must be no more than 3 years before the end date' });
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
