// Opening times as people read them: "Monday to Thursday, 9am to 5pm".
const DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDER = Object.keys(DAYS);

/** "09:00" → "9am", "16:30" → "4:30pm", "12:00" → "midday". */
export function clockTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return 'midday';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

/** "MO,TU,WE,TH" → "Monday to Thursday"; "MO,WE" → "Monday and Wednesday". */
export function dayRange(byday: string): string {
  const days = byday.split(',').sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const consecutive = days.every((d, i) => i === 0 || ORDER.indexOf(d) === ORDER.indexOf(days[i - 1]!) + 1);
  if (days.length > 2 && consecutive) return `${DAYS[days[0]!]} to ${DAYS[days.at(-1)!]}`;
  const names = days.map((d) => DAYS[d] ?? d);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** A session from midnight to 11:59pm is open all day. */
const allDay = (schedule: { opensAt: string; closesAt: string }) => schedule.opensAt === '00:00' && schedule.closesAt === '23:59';

export function openingTimes(schedule: { byday: string; opensAt: string; closesAt: string }): string {
  const days = schedule.byday.split(',').length === 7 ? 'Every day' : dayRange(schedule.byday);
  return allDay(schedule) ? `${days}, 24 hours` : `${days}, ${clockTime(schedule.opensAt)} to ${clockTime(schedule.closesAt)}`;
}

export interface WeeklySession {
  byday: string;
  opensAt: string;
  closesAt: string;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' });
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const SHORT_TO_CODE: Record<string, string> = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' };

/** Whether a service is open at a moment, as facts: the words are the caller's, in any language. */
export type OpenState =
  | { open: true; allDay: true }
  | { open: true; allDay: false; until: string }
  | { open: false; opens: { at: string; day: 'today' | 'tomorrow' | string } | null };

/**
 * Whether a service is open at `at` (its weekly sessions, in England's time). `opens.day` is
 * "today", "tomorrow" or the day's code (MO…SU). Null when it lists no opening times.
 */
export function openState(sessions: readonly WeeklySession[], at: Date): OpenState | null {
  if (sessions.length === 0) return null;
  const today = SHORT_TO_CODE[LONDON_DAY.format(at)]!;
  const clock = LONDON_CLOCK.format(at);
  const on = (code: string) => sessions.filter((s) => s.byday.split(',').includes(code)).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const current = on(today).find((s) => clock >= s.opensAt && (allDay(s) || clock < s.closesAt));
  if (current) return allDay(current) ? { open: true, allDay: true } : { open: true, allDay: false, until: current.closesAt };
  const later = on(today).find((s) => s.opensAt > clock);
  if (later) return { open: false, opens: { at: later.opensAt, day: 'today' } };
  for (let ahead = 1; ahead <= 7; ahead += 1) {
    const code = ORDER[(ORDER.indexOf(today) + ahead) % 7]!;
    const first = on(code)[0];
    if (first) return { open: false, opens: { at: first.opensAt, day: ahead === 1 ? 'tomorrow' : code } };
  }
  return { open: false, opens: null };
}

/**
 * Whether a service is open at `at`, in words a person in a hurry reads: "Open now, until 5pm",
 * "Open now, 24 hours", or "Closed now: opens 9am on Monday". Null when it lists no opening
 * times (say "check before you call" instead).
 */
export function openNow(sessions: readonly WeeklySession[], at: Date): { open: boolean; words: string } | null {
  const state = openState(sessions, at);
  if (!state) return null;
  if (state.open) return { open: true, words: state.allDay ? 'Open now, 24 hours' : `Open now, until ${clockTime(state.until)}` };
  if (!state.opens) return { open: false, words: 'Closed now' };
  const { at: time, day } = state.opens;
  const when = day === 'today' ? 'today' : day === 'tomorrow' ? 'tomorrow' : `on ${DAYS[day]}`;
  return { open: false, words: `Closed now: opens ${clockTime(time)} ${when}` };
}

// The same facts in another language, from the browser's and Node's own calendars (Intl): day
// names in that language, the 24-hour clock, and ranges with a dash, so no grammar is needed.
const MONDAY = Date.UTC(2024, 0, 1);

// One formatter a language and kind, made once: the plan asks for every service's times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: 'day' | 'clock'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day' ? { weekday: 'long', timeZone: 'UTC' } : { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' };
    formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  }
  return made;
}

/** A day's name in a language: dayName('pl', 'MO') is "poniedziałek". */
export function dayName(locale: string, code: string): string {
  const index = ORDER.indexOf(code);
  return formatter(locale, 'day').format(MONDAY + index * 86_400_000);
}

/** A clock time in a language's usual form: "09:00" → "9:00" (pl). */
export function clockTimeIn(locale: string, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return formatter(locale, 'clock').format(Date.UTC(1970, 0, 1, h, m));
}

/** Days as a range in a language: "poniedziałek–czwartek", or a list when they are not in a row. */
export function dayRangeIn(locale: string, byday: string): string {
  const days = byday.split(',').sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const consecutive = days.every((d, i) => i === 0 || ORDER.indexOf(d) === ORDER.indexOf(days[i - 1]!) + 1);
  if (days.length > 2 && consecutive) return `${dayName(locale, days[0]!)}–${dayName(locale, days.at(-1)!)}`;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(days.map((d) => dayName(locale, d)));
}

/** A session's opening times in a language (English keeps its own words: openingTimes). */
export function openingTimesIn(locale: string, schedule: WeeklySession, words: { everyDay: string; allDay: string }): string {
  if (locale === 'en') return openingTimes(schedule);
  const days = schedule.byday.split(',').length === 7 ? words.everyDay : dayRangeIn(locale, schedule.byday);
  return allDay(schedule)
    ? `${days}, ${words.allDay}`
    : `${days}, ${clockTimeIn(locale, schedule.opensAt)}–${clockTimeIn(locale, schedule.closesAt)}`;
}
