// Times as staff read them, in the council's time zone (dates: longDate in src/domain/time).
import { zonedFormatter } from './formatters.ts';
import { COUNCIL_TIME_ZONE } from './working-days.ts';

const DATE_TIME_IN = zonedFormatter('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "24 November 2026, 2:05pm" */
export function formatDateTime(iso: string): string {
  const parts = DATE_TIME_IN(COUNCIL_TIME_ZONE).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase()}`;
}
