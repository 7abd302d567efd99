// The household a person gives on an advert to see what housing costs help could pay: read from
// the address (a GET form, so it works without JavaScript and the answer can be bookmarked).
// Each field is checked; what is wrong is said, by field.
import type { FormError } from '../forms.ts';
import type { Child, Household, Sex } from './bedroom-entitlement.ts';

export const CHILD_ROWS = 4;

/**
 * What the self-assessment said about the household (how many adults and children), carried in the
 * address from the plan to the homes and the advert: it fills in the adults, and asks for each
 * child's age, but works nothing out until the person sends the form.
 */
export const CARRIED_PARAMS = ['household-adults', 'household-children'] as const;

/** The homes listing, carrying the household the self-assessment learned of (when it asked). */
export function homesHref(household: { adults?: number | null; children?: number | null } | null | undefined): string {
  if (!household?.adults) return '/homes';
  return `/homes?${new URLSearchParams({ 'household-adults': String(household.adults), 'household-children': String(household.children ?? 0) })}`;
}

export function carriedHousehold(params: URLSearchParams): { adults: number; children: number } | null {
  const adults = params.get('household-adults') ?? '';
  const children = params.get('household-children') ?? '0';
  if (!/^[1-9]$/.test(adults) || !/^\d$/.test(children)) return null;
  return { adults: Number(adults), children: Number(children) };
}

export interface HouseholdForm {
  /** Given at all (any field filled): otherwise nothing is worked out. */
  asked: boolean;
  household: Household | null;
  errors: FormError[];
  values: Record<string, string>;
}

/** What is wrong with a child's row, said with the row's number {n} (the page's language). */
export interface ChildRowWords {
  ageInvalid: string;
  sexRequired: string;
}

const ENGLISH_CHILD_WORDS: ChildRowWords = {
  ageInvalid: "Enter child {n}'s age in years, from 0 to 17",
  sexRequired: 'Choose whether child {n} is a girl or a boy (it decides who may share a bedroom)',
};

/**
 * The children of the form's rows (child-1-age, child-1-sex and so on): a row left empty is no
 * child; an age from 0 to 17 and whether a girl or a boy, else what is wrong, against the field.
 */
export function childrenFrom(values: Readonly<Record<string, string>>, words: ChildRowWords): { children: Child[]; errors: FormError[] } {
  const children: Child[] = [];
  const errors: FormError[] = [];
  for (let i = 1; i <= CHILD_ROWS; i += 1) {
    const age = values[`child-${i}-age`] ?? '';
    const sex = values[`child-${i}-sex`] ?? '';
    if (age === '' && sex === '') continue;
    if (!/^\d{1,2}$/.test(age) || Number(age) > 17)
      errors.push({ field: `child-${i}-age`, message: words.ageInvalid.replace('{n}', String(i)) });
    else if (sex !== 'female' && sex !== 'male')
      errors.push({ field: `child-${i}-sex`, message: words.sexRequired.replace('{n}', String(i)) });
    else children.push({ age: Number(age), sex: sex as Sex });
  }
  return { children, errors };
}

export function householdFrom(params: URLSearchParams): HouseholdForm {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 10);
  const names = [
    'adults',
    'couple',
    'under-35',
    'exemption',
    ...Array.from({ length: CHILD_ROWS }, (_, i) => [`child-${i + 1}-age`, `child-${i + 1}-sex`]).flat(),
  ];
  const values = Object.fromEntries(names.map((n) => [n, get(n)]));
  const asked = params.has('adults');
  const carried = carriedHousehold(params);
  if (!asked && carried) values.adults = String(carried.adults);
  if (!asked) return { asked, household: null, errors: [], values };
  const errors: FormError[] = [];
  const adults = /^[1-9]$/.test(values.adults!) ? Number(values.adults) : NaN;
  if (Number.isNaN(adults))
    errors.push({ field: 'adults', message: 'Enter how many adults (aged 16 or over) will live there, from 1 to 9' });
  const couple = values.couple === 'yes';
  if (couple && adults < 2)
    errors.push({ field: 'couple', message: 'A couple needs 2 adults or more: change the number of adults or the answer' });
  const { children, errors: childErrors } = childrenFrom(values, ENGLISH_CHILD_WORDS);
  errors.push(...childErrors);
  if (errors.length > 0) return { asked, household: null, errors, values };
  return {
    asked,
    household: { adults, couple, children, under35: values['under-35'] === 'yes', exemption: values.exemption || null },
    errors,
    values,
  };
}

/** The listing's own address parameters: the filters, the page, and the household carried from the plan. */
const LISTING_PARAMS = new Set(['area', 'bedrooms', 'max-rent', 'type', 'shared', 'features', 'sort', 'page', 'size', ...CARRIED_PARAMS]);

/**
 * The search a person came from, kept from an address: only the listing's own parameters (each
 * short), so an advert's "Back to homes to rent" returns to the same filtered page.
 */
export function listingQuery(params: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of params) if (LISTING_PARAMS.has(name) && value.length <= 80) kept.append(name, value);
  return kept;
}
