// Opening times as people read them: "Monday to Thursday, 9am to 5pm".
const DAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
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
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0] ?? '';
}

export function openingTimes(schedule: { byday: string; opensAt: string; closesAt: string }): string {
  return `${dayRange(schedule.byday)}, ${clockTime(schedule.opensAt)} to ${clockTime(schedule.closesAt)}`;
}
