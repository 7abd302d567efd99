// "Could I afford it?": the most housing costs help (the Local Housing Allowance rate for the
// household's entitlement) against an advert's rent. LHA rates are weekly; rents are monthly, so
// a weekly rate is turned into a calendar month as 52 weeks over 12 months.
import { bedroomEntitlement, type Household } from './bedroom-entitlement.ts';

export interface LhaRates {
  /** The broad rental market area. */
  area: string;
  /** The date the rates apply from (YYYY-MM-DD). */
  from: string;
  /** Weekly rates in pence. */
  weekly: { shared: number; 1: number; 2: number; 3: number; 4: number };
}

export interface Affordability {
  /** What the household is entitled to, as words: "the shared accommodation rate", "the 2-bedroom rate". */
  rateName: string;
  reasons: string[];
  /** The most housing costs help could pay a month, in pence. */
  maxHelpMonthly: number;
  rentMonthly: number;
  /** What the rent is above the most help could pay, in pence; 0 when the help covers it. */
  shortfallMonthly: number;
}

export function weeklyToMonthly(pence: number): number {
  return Math.round((pence * 52) / 12);
}

/** The other way: a month's amount as a week's (12 months over 52 weeks), to the penny. */
export function monthlyToWeekly(pence: number): number {
  return Math.round((pence * 12) / 52);
}

export function affordability(
  rentMonthlyPence: number,
  household: Household,
  rates: LhaRates,
  exemptions: ReadonlyArray<{ id: string; label: string }> = [],
): Affordability {
  const { entitlement, reasons } = bedroomEntitlement(household, exemptions);
  const weekly = entitlement.rate === 'shared' ? rates.weekly.shared : rates.weekly[entitlement.bedrooms];
  const maxHelpMonthly = weeklyToMonthly(weekly);
  return {
    rateName: entitlement.rate === 'shared' ? 'the shared accommodation rate' : `the ${entitlement.bedrooms}-bedroom rate`,
    reasons,
    maxHelpMonthly,
    rentMonthly: rentMonthlyPence,
    shortfallMonthly: Math.max(0, rentMonthlyPence - maxHelpMonthly),
  };
}

// Made once: a number formatter made for every amount costs tens of microseconds each time.
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** £1,234.56, or £1,234 for whole pounds. */
export function pounds(pence: number): string {
  return `£${(pence % 100 === 0 ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(pence / 100)}`;
}
