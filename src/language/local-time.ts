// Opening times and "open now" in the page's language: the facts from src/domain/time, the words
// from the message files. English keeps its own wording ("Monday to Thursday, 9am to 5pm").
import type { Translate } from '../config/languages.ts';
import type { Locale } from '../domain/language/locales.ts';
import { describeContactBy, localTime } from '../domain/time/office-hours.ts';
import { localDate as englandDate, longDate } from '../domain/time/working-days.ts';
import { clockTime, clockTimeIn, dayName, openingTimesIn, openState, type WeeklySession } from '../domain/time/opening-times.ts';

export function openingTimesWords(locale: Locale, t: Translate, schedule: WeeklySession): string {
  return openingTimesIn(locale, schedule, { everyDay: t('time.everyDay'), allDay: t('time.allDay') });
}

/** "Open now, until 5pm" in the page's language, with whether it is open; null when no times are listed. */
export function openNowWords(
  locale: Locale,
  t: Translate,
  sessions: readonly WeeklySession[],
  at: Date,
): { open: boolean; words: string } | null {
  const state = openState(sessions, at);
  if (!state) return null;
  const time = (hhmm: string) => (locale === 'en' ? clockTime(hhmm) : clockTimeIn(locale, hhmm));
  if (state.open) return { open: true, words: state.allDay ? t('time.openAllDay') : t('time.openUntil', { time: time(state.until) }) };
  if (!state.opens) return { open: false, words: t('time.closed') };
  const { at: opensAt, day } = state.opens;
  if (day === 'today') return { open: false, words: t('time.closedOpensToday', { time: time(opensAt) }) };
  if (day === 'tomorrow') return { open: false, words: t('time.closedOpensTomorrow', { time: time(opensAt) }) };
  return { open: false, words: t('time.closedOpensOn', { time: time(opensAt), day: dayName(locale === 'en' ? 'en-GB' : locale, day) }) };
}

/**
 * A calendar date ("2026-12-07") as a person reads it in a language: English keeps the service's
 * own form (longDate: "Monday 7 December 2026"); others "poniedziałek, 7 grudnia 2026".
 */
export function localDate(locale: Locale, date: string): string {
  if (locale === 'en') return longDate(date);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A moment as a person reads it in a language, in England's time: "Monday 7 December 2026, 3:15pm". */
export function localDateTime(locale: Locale, at: Date): string {
  const hhmm = localTime(at);
  return `${localDate(locale, englandDate(at))}, ${locale === 'en' ? clockTime(hhmm) : clockTimeIn(locale, hhmm)}`;
}

/** How long to wait before trying again, in the page's language: "40 seconds", "3 minutes" (rounded up). */
export function waitWords(t: Translate, seconds: number): string {
  return seconds < 60 ? t.count('count.seconds', seconds) : t.count('count.minutes', Math.ceil(seconds / 60));
}

/** When urgent contact is promised by, in the page's language: "3:15pm today", "11:00 w poniedziałek 30 listopada". */
export function contactByWords(locale: Locale, t: Translate, now: Date, due: Date): string {
  const english = describeContactBy(now, due);
  if (locale === 'en') return english.by;
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' }).format(
    due,
  );
  if (english.today) return t('time.byToday', { time });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/London' }).format(due);
  return t('time.byDay', { time, day });
}

/** The safe times to call, as the page's language names them ("Morning (9am to 12pm)"). */
export function safeTimeWords(t: Translate, safeTimes: readonly string[]): string[] {
  const words: Record<string, string> = {
    morning: t('safeTimes.morning'),
    afternoon: t('safeTimes.afternoon'),
    evening: t('safeTimes.evening'),
  };
  return safeTimes.map((time) => words[time] ?? time);
}
