// Times as staff read them, in the council's time zone (dates: longDate in src/domain/time).
import { dateTimeFormat } from './formatters.ts';
import { COUNCIL_TIME_ZONE } from './working-days.ts';

/** "24 November 2026, 2:05pm" */
export function formatDateTime(iso: string): string {
  const parts = dateTimeFormat('en-GB', {
    timeZone: COUNCIL_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase()}`;
}
