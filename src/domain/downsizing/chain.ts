// The downsizing chain as a case records it (Stoke Target 5; CORE's lettings log keeps both
// halves): the move (when, the size of the home left and of the new one, the incentive paid),
// then the re-let of the home that was freed (when, and whether it went to a household that needed
// that size). A downsizing counts only once the freed home is re-let.
import type { FormError } from '../forms.ts';
import { parseDateInput } from '../time/date-input.ts';

export interface DownsizingMove {
  movedOn: string;
  bedroomsLeft: number;
  bedroomsNew: number;
  incentivePaidPence: number;
}

export interface DownsizingRelet {
  reletOn: string;
  /** It went to a household that needed a home of that size (often an overcrowded one). */
  toHouseholdNeedingThatSize: boolean;
}

/** A home's size in words: "a studio", "1 bedroom", "3 bedrooms". */
export function bedroomsWords(n: number): string {
  return n === 0 ? 'a studio' : `${n} bedroom${n === 1 ? '' : 's'}`;
}

/** How the report groups the homes freed: 3- and 4-bedroom homes apart, as Stoke's plan asks. */
export const FREED_SIZES = ['1', '2', '3', '4', '5+'] as const;
export type FreedSize = (typeof FREED_SIZES)[number];

export function freedSize(bedroomsLeft: number): FreedSize {
  return bedroomsLeft >= 5 ? '5+' : (String(bedroomsLeft) as FreedSize);
}

/** The incentive paid, grouped: none, under £1,000, £1,000 to £1,999, £2,000 or more. */
export const INCENTIVE_BANDS = ['none', 'under-1000', '1000-1999', '2000-plus'] as const;
export type IncentiveBand = (typeof INCENTIVE_BANDS)[number];

export const INCENTIVE_BAND_NAMES: Record<IncentiveBand, string> = {
  none: 'No incentive paid',
  'under-1000': 'Under £1,000',
  '1000-1999': '£1,000 to £1,999',
  '2000-plus': '£2,000 or more',
};

export function incentiveBand(pence: number): IncentiveBand {
  if (pence <= 0) return 'none';
  if (pence < 100_000) return 'under-1000';
  return pence < 200_000 ? '1000-1999' : '2000-plus';
}

type Form = Record<string, string | string[] | undefined>;
const one = (form: Form, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};
const wholeNumber = (text: string, min: number, max: number) => (/^\d{1,2}$/.test(text) && +text >= min && +text <= max ? +text : null);

/** A date from a GOV.UK date input named `name` (name-day, name-month, name-year), not after `today`. */
function dateField(form: Form, name: string, what: string, today: string, errors: FormError[]): string | null {
  const parsed = parseDateInput(one(form, `${name}-day`), one(form, `${name}-month`), one(form, `${name}-year`));
  if (!parsed.ok) {
    errors.push({ field: `${name}-${parsed.parts[0]}`, message: `${what} ${parsed.problem}` });
    return null;
  }
  if (parsed.date > today) {
    errors.push({ field: `${name}-day`, message: `${what} must be today or in the past` });
    return null;
  }
  return parsed.date;
}

export function checkMove(form: Form, today: string): { ok: true; value: DownsizingMove } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const movedOn = dateField(form, 'moved', 'The date they moved', today, errors);
  const left = wholeNumber(one(form, 'bedrooms-left'), 1, 12);
  if (left === null) errors.push({ field: 'bedrooms-left', message: 'Enter how many bedrooms the home they left has, from 1 to 12' });
  const now = wholeNumber(one(form, 'bedrooms-new'), 0, 12);
  if (now === null) errors.push({ field: 'bedrooms-new', message: 'Enter how many bedrooms their new home has (0 for a studio)' });
  else if (left !== null && now >= left)
    errors.push({ field: 'bedrooms-new', message: 'The new home must have fewer bedrooms than the one they left' });
  const paidText = one(form, 'incentive-paid').replace(/^£/, '').replace(/,/g, '');
  const paid = /^\d{1,6}(\.\d{1,2})?$/.test(paidText) ? Math.round(Number(paidText) * 100) : null;
  if (paid === null) errors.push({ field: 'incentive-paid', message: 'Enter the incentive paid in pounds, like 1500, or 0 if none' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { movedOn: movedOn!, bedroomsLeft: left!, bedroomsNew: now!, incentivePaidPence: paid! } };
}

export function checkRelet(
  form: Form,
  movedOn: string,
  today: string,
): { ok: true; value: DownsizingRelet } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const reletOn = dateField(form, 'relet', 'The date it was re-let', today, errors);
  if (reletOn !== null && reletOn < movedOn)
    errors.push({ field: 'relet-day', message: 'The re-let must be on or after the day they moved out' });
  const needed = one(form, 'relet-needed-size');
  if (needed !== 'yes' && needed !== 'no')
    errors.push({ field: 'relet-needed-size', message: 'Select whether it went to a household that needed a home of that size' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { reletOn: reletOn!, toHouseholdNeedingThatSize: needed === 'yes' } };
}
