// What a money check needs to know about a household, and how raw answers (a form's fields or the
// JSON endpoint's body, money in pounds) become them (money in pence), each problem named by its
// field with what to put right. The same reading serves the public check, the adviser's and the API.
import type { Sex } from '../homes/bedroom-entitlement.ts';

export const HOME_TYPES = ['private', 'social', 'owner', 'none'] as const;
export type HomeType = (typeof HOME_TYPES)[number];
export const COUNCIL_TAX_BANDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
/** The most bedrooms a home can have in the check. */
export const MAX_BEDROOMS = 10;
export type CouncilTaxBand = (typeof COUNCIL_TAX_BANDS)[number];

export interface MoneyChild {
  age: number;
  sex: Sex;
}

export interface MoneyAnswers {
  /** Lives with a partner (a joint claim). */
  couple: boolean;
  age: number;
  partnerAge: number | null;
  /** Children the household is responsible for: under 16, or 16 to 19 and still at school or college. */
  children: MoneyChild[];
  /** How many of those children were born before 6 April 2017. */
  childrenBornBefore2017: number;
  /** Other adults aged 16 to 20 living there (they need a bedroom; no housing cost contribution). */
  youngAdults: number;
  /** Other adults aged 21 or over living there (a grown-up son, a lodger who is family): each pays towards the rent in UC's sums. */
  nonDependants: number;
  /** The person or their partner has limited capability for work and work-related activity. */
  lcwra: boolean;
  /** The person or their partner cares for a disabled person for 35 hours a week or more. */
  carer: boolean;
  home: HomeType;
  /** Rent and eligible service charges a month, in pence (private and social renters). */
  rentMonthly: number;
  /** Bedrooms in the home (social renters: spare ones reduce the help). */
  bedrooms: number;
  /** An exemption from the shared accommodation rate, by its id in content/homes/lha.json. */
  sharedRateExemption: string | null;
  /** Council tax band, or null when not known or not paying it. */
  councilTaxBand: CouncilTaxBand | null;
  /** Take-home pay a month, in pence (after tax, National Insurance and pension). */
  takeHomeMonthly: number;
  partnerTakeHomeMonthly: number;
  /** Other income a month counted in full (a private pension, maintenance is not counted: leave it out). */
  otherIncomeMonthly: number;
  /** Savings and capital, in pence. */
  savings: number;
  /** For the better-off comparison: the hourly wage, in pence; null for the National Living Wage for their age. */
  hourlyWage: number | null;
  student: boolean;
  /** British or Irish, or with settled or pre-settled status, or refugee status. */
  settledInUk: boolean;
  /** Getting income-related ESA, income-based JSA, Income Support or Housing Benefit now. */
  legacyBenefits: boolean;
  selfEmployed: boolean;
}

export interface MoneyProblem {
  field: string;
  message: string;
}

export type ReadMoneyAnswers = { ok: true; answers: MoneyAnswers } | { ok: false; problems: MoneyProblem[] };

type Raw = Record<string, unknown>;

const MAX_POUNDS = 1_000_000;

/** An amount of money as typed ("650", "£1,050.50"), in pence; null when it is not one. */
export function penceFromPounds(typed: string): number | null {
  const text = typed.trim().replace(/^£/, '').replaceAll(',', '');
  return /^\d{1,9}(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : null;
}

/** Reads raw answers (strings from a form, or JSON values), collecting every problem. */
/**
 * A JSON value as the text a number field reads: strings and numbers as they are; anything else
 * (an object, even one with its own "toString", an array, true) as text no field accepts.
 */
function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '\u0000';
}

export function readMoneyAnswers(raw: Raw): ReadMoneyAnswers {
  const problems: MoneyProblem[] = [];
  const problem = (field: string, message: string) => void problems.push({ field, message });

  const yesNo = (field: string, question: string): boolean => {
    const value = raw[field];
    if (value === true || value === 'yes' || value === 'true') return true;
    if (value === false || value === 'no' || value === 'false' || value === undefined || value === '' || value === null) {
      return false;
    }
    problem(field, `Say yes or no: ${question}`);
    return false;
  };
  const whole = (field: string, label: string, min: number, max: number, fallback: number | null): number | null => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') {
      if (fallback === null) problem(field, `Enter ${label}`);
      return fallback;
    }
    const text = scalarText(value).trim();
    if (!/^\d{1,4}$/.test(text)) {
      problem(field, `${capitalise(label)} must be a whole number, like ${min === 0 ? 2 : min + 1}`);
      return fallback;
    }
    const n = Number(text);
    if (n < min || n > max) {
      problem(field, `${capitalise(label)} must be between ${min} and ${max}`);
      return fallback;
    }
    return n;
  };
  const pounds = (field: string, label: string): number => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') return 0;
    const pence = penceFromPounds(scalarText(value));
    if (pence === null) {
      problem(field, `${capitalise(label)} must be an amount of money, like 650 or 650.50`);
      return 0;
    }
    if (pence > MAX_POUNDS * 100) {
      problem(field, `${capitalise(label)} must be less than £1,000,000`);
      return 0;
    }
    return pence;
  };
  const oneOf = <T extends string>(field: string, options: readonly T[], question: string, fallback: T | null): T | null => {
    const value = raw[field];
    if ((value === undefined || value === null || value === '') && fallback !== null) return fallback;
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    problem(field, question);
    return fallback;
  };

  const couple = yesNo('couple', 'do you live with a partner?');
  const age = whole('age', 'your age', 16, 120, null) ?? 30;
  const partnerAge = couple ? whole('partnerAge', "your partner's age", 16, 120, null) : null;
  const children = readChildren(raw.children, problem);
  const childrenBornBefore2017 = whole('childrenBornBefore2017', 'how many children were born before 6 April 2017', 0, 20, 0) ?? 0;
  if (childrenBornBefore2017 > children.length)
    problem('childrenBornBefore2017', 'The children born before 6 April 2017 cannot be more than the children you listed');
  const youngAdults = whole('youngAdults', 'how many other adults aged 16 to 20 live with you', 0, 10, 0) ?? 0;
  const nonDependants = whole('nonDependants', 'how many other adults aged 21 or over live with you', 0, 10, 0) ?? 0;
  const home =
    oneOf(
      'home',
      HOME_TYPES,
      'Choose how you live: renting privately, renting from the council or a housing association, owning, or living with others',
      null,
    ) ?? 'none';
  const renting = home === 'private' || home === 'social';
  const rentMonthly = renting ? pounds('rentMonthly', 'your rent a month') : 0;
  if (renting && rentMonthly === 0 && !problems.some((p) => p.field === 'rentMonthly')) problem('rentMonthly', 'Enter your rent a month');
  const bedrooms = home === 'social' ? (whole('bedrooms', 'how many bedrooms your home has', 0, MAX_BEDROOMS, null) ?? 1) : 0;
  const band =
    raw.councilTaxBand === undefined || raw.councilTaxBand === null || raw.councilTaxBand === '' || raw.councilTaxBand === 'unknown'
      ? null
      : oneOf('councilTaxBand', COUNCIL_TAX_BANDS, 'Choose your council tax band, A to H, or say you do not know', null);
  const exemption =
    typeof raw.sharedRateExemption === 'string' && /^[a-z0-9-]{1,40}$/.test(raw.sharedRateExemption) ? raw.sharedRateExemption : null;
  if (raw.sharedRateExemption !== undefined && raw.sharedRateExemption !== null && raw.sharedRateExemption !== '' && exemption === null)
    problem('sharedRateExemption', 'Choose one of the listed reasons, or none');
  const wage =
    raw.hourlyWage === undefined || raw.hourlyWage === null || raw.hourlyWage === '' ? null : pounds('hourlyWage', 'the hourly wage');

  const answers: MoneyAnswers = {
    couple,
    age,
    partnerAge,
    children,
    childrenBornBefore2017: Math.min(childrenBornBefore2017, children.length),
    youngAdults,
    nonDependants,
    lcwra: yesNo('lcwra', 'does an illness or disability mean you or your partner cannot work or prepare for work?'),
    carer: yesNo('carer', 'do you or your partner care for a disabled person for 35 hours a week or more?'),
    home,
    rentMonthly,
    bedrooms,
    sharedRateExemption: exemption,
    councilTaxBand: band,
    takeHomeMonthly: pounds('takeHomeMonthly', 'your take-home pay a month'),
    partnerTakeHomeMonthly: couple ? pounds('partnerTakeHomeMonthly', "your partner's take-home pay a month") : 0,
    otherIncomeMonthly: pounds('otherIncomeMonthly', 'other income a month'),
    savings: pounds('savings', 'your savings'),
    hourlyWage: wage === 0 ? null : wage,
    student: yesNo('student', 'are you a student?'),
    settledInUk: !yesNo('fromAbroad', 'has your right to live in the UK got conditions, like no recourse to public funds?'),
    legacyBenefits: yesNo('legacyBenefits', 'do you get income-related ESA, income-based JSA, Income Support or Housing Benefit now?'),
    selfEmployed: yesNo('selfEmployed', 'are you self-employed?'),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

function readChildren(value: unknown, problem: (field: string, message: string) => void): MoneyChild[] {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value) || value.length > 12) {
    problem('children', 'List the children as ages and sexes, 12 at most');
    return [];
  }
  const children: MoneyChild[] = [];
  value.forEach((child: unknown, index) => {
    const field = `children.${index}`;
    const entry = (typeof child === 'object' && child !== null ? child : {}) as Raw;
    const age = Number(entry.age);
    if (!Number.isInteger(age) || age < 0 || age > 19) problem(`${field}.age`, `Child ${index + 1}: enter an age from 0 to 19`);
    if (entry.sex !== 'female' && entry.sex !== 'male') problem(`${field}.sex`, `Child ${index + 1}: choose girl or boy`);
    children.push({ age: Number.isInteger(age) ? age : 0, sex: entry.sex === 'male' ? 'male' : 'female' });
  });
  return children;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
