import calendarJson from '../../content/calendar/bank-holidays-england-and-wales.json' with { type: 'json' };

export const bankHolidays: ReadonlySet<string> = new Set(calendarJson.dates);
export const bankHolidaysLastDate: string = [...calendarJson.dates].sort().at(-1)!;
