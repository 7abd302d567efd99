// The "Moving to a smaller home" calculator's answers, read from the address: a GET form, so it
// works without JavaScript and a result can be bookmarked or shown to an adviser. Each field is
// checked and what is wrong is said against it, in the page's language (the words come in).
// The plan's link carries what the self-assessment learned (bedrooms, adults, children): it fills
// the form in, but nothing is worked out until the person sends it.
import type { FormError } from '../forms.ts';
import { penceFromPounds } from '../money/answers.ts';
import { CHILD_ROWS, childrenFrom } from '../homes/household-form.ts';
import type { Situation } from './gain.ts';

export const MOST_BEDROOMS = 9;
/** The most weekly rent taken, in pounds: above it the figure is surely a month's or a typing slip. */
export const MOST_WEEKLY_RENT = 1000;

/** The plan's link to the calculator carries these (what the self-assessment asked). */
export const CARRIED_FROM_PLAN = ['home-bedrooms', 'household-adults', 'household-children'] as const;

export interface CalculatorWords {
  bedroomsInvalid: string;
  adultsInvalid: string;
  coupleRequired: string;
  coupleNeedsTwo: string;
  /** With {n}: the child's row. */
  childAgeInvalid: string;
  childSexRequired: string;
  rentInvalid: string;
  helpRequired: string;
}

export interface CalculatorForm {
  /** Sent at all: otherwise nothing is worked out and no error is shown. */
  asked: boolean;
  values: Record<string, string>;
  errors: FormError[];
  situation: Situation | null;
  /** Children the plan said live there, to say how many ages to give (null when not carried). */
  carriedChildren: number | null;
}

/** Help with rent: yes (working age, so the under-occupancy deduction applies), yes at pension age (it does not), or none. */
export const HELP_ANSWERS = ['yes', 'pension-age', 'no'];

const FIELDS = [
  'bedrooms',
  'adults',
  'couple',
  ...Array.from({ length: CHILD_ROWS }, (_, i) => [`child-${i + 1}-age`, `child-${i + 1}-sex`]).flat(),
  'rent',
  'help',
];

/** The plan's link to the calculator, with what the self-assessment said (each only when known). */
export function calculatorHref(
  path: string,
  carried: { bedrooms?: number | null; adults?: number | null; children?: number | null },
): string {
  const params = new URLSearchParams();
  if (carried.bedrooms) params.set('home-bedrooms', String(carried.bedrooms));
  if (carried.adults) params.set('household-adults', String(carried.adults));
  if (carried.adults && carried.children != null) params.set('household-children', String(carried.children));
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}#calculator`;
}

export function calculatorFrom(params: URLSearchParams, words: CalculatorWords): CalculatorForm {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 12);
  const values = Object.fromEntries(FIELDS.map((name) => [name, get(name)]));
  const asked = params.has('bedrooms');
  const carried = (name: (typeof CARRIED_FROM_PLAN)[number], pattern: RegExp) => {
    const value = params.get(name) ?? '';
    return pattern.test(value) ? value : null;
  };
  const carriedChildren = carried('household-children', /^\d$/);
  if (!asked) {
    values.bedrooms = carried('home-bedrooms', /^[1-9]$/) ?? '';
    values.adults = carried('household-adults', /^[1-9]$/) ?? '';
    return { asked, values, errors: [], situation: null, carriedChildren: carriedChildren === null ? null : Number(carriedChildren) };
  }
  const errors: FormError[] = [];
  const wholeNumber = (value: string) => (/^\d{1,2}$/.test(value) ? Number(value) : Number.NaN);
  const bedrooms = wholeNumber(values.bedrooms!);
  if (!(bedrooms >= 1 && bedrooms <= MOST_BEDROOMS)) errors.push({ field: 'bedrooms', message: words.bedroomsInvalid });
  const adults = wholeNumber(values.adults!);
  if (!(adults >= 1 && adults <= 9)) errors.push({ field: 'adults', message: words.adultsInvalid });
  // One adult cannot be a couple; with two or more the answer decides whether two share a room.
  const couple = values.couple === 'yes';
  if (adults >= 2 && values.couple !== 'yes' && values.couple !== 'no') errors.push({ field: 'couple', message: words.coupleRequired });
  if (couple && adults < 2) errors.push({ field: 'couple', message: words.coupleNeedsTwo });
  const { children, errors: childErrors } = childrenFrom(values, {
    ageInvalid: words.childAgeInvalid,
    sexRequired: words.childSexRequired,
  });
  errors.push(...childErrors);
  let weeklyRentPence: number | null = null;
  if (values.rent !== '') {
    const pence = penceFromPounds(values.rent!);
    if (pence === null || pence < 100 || pence > MOST_WEEKLY_RENT * 100) errors.push({ field: 'rent', message: words.rentInvalid });
    else weeklyRentPence = pence;
  }
  if (!HELP_ANSWERS.includes(values.help!)) errors.push({ field: 'help', message: words.helpRequired });
  if (errors.length > 0) return { asked, values, errors, situation: null, carriedChildren: null };
  return {
    asked,
    values,
    errors,
    situation: {
      bedroomsNow: bedrooms,
      household: { adults, couple, children, under35: false },
      weeklyRentPence,
      helpWithRent: values.help === 'yes',
    },
    carriedChildren: null,
  };
}
