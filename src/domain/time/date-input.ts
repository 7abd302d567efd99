// The GOV.UK date input: day, month and year typed into three boxes, checked the way the Design
// System asks (a missing part is named; an impossible date is called that), giving YYYY-MM-DD.

export type DatePart = 'day' | 'month' | 'year';

export type DateInputResult =
  | { ok: true; date: string }
  /** `problem` completes "The <what> ...", e.g. "must include a month"; `parts` are the boxes to highlight. */
  | { ok: false; problem: string; parts: DatePart[] };

export function parseDateInput(day: string, month: string, year: string): DateInputResult {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const missing = (Object.keys(parts) as DatePart[]).filter((p) => parts[p] === '');
  if (missing.length === 3) return { ok: false, problem: 'is missing', parts: ['day', 'month', 'year'] };
  if (missing.length > 0) return { ok: false, problem: `must include a ${missing.join(' and a ')}`, parts: missing };
  const notNumbers = (Object.keys(parts) as DatePart[]).filter((p) => !/^\d+$/.test(parts[p]));
  if (notNumbers.length > 0) return { ok: false, problem: 'must be a real date, in numbers', parts: notNumbers };
  if (parts.year.length !== 4) return { ok: false, problem: 'must have a year of 4 numbers, like 2027', parts: ['year'] };
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { ok: false, problem: 'must be a real date', parts: ['day', 'month', 'year'] };
  }
  return { ok: true, date: `${parts.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A YYYY-MM-DD date as the three boxes show it: "2027-01-06" → 6, 1, 2027. */
export function dateInputParts(date: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
