// Take-home pay from gross pay for an employee in England: Income Tax (the personal allowance, then
// the basic and higher rates) and Class 1 National Insurance, worked out over the month as payroll
// does. Assumes the standard tax code, no pension contributions and no student loan; under
// £100,000 a year (above it the personal allowance tapers away, which this does not model).
import { weeklyToMonthly } from '../homes/affordability.ts';
import type { Rates } from './rates.ts';

export interface TakeHome {
  grossMonthly: number;
  incomeTaxMonthly: number;
  nationalInsuranceMonthly: number;
  takeHomeMonthly: number;
}

export function takeHomePay(grossMonthly: number, rates: Pick<Rates, 'incomeTax' | 'nationalInsurance'>): TakeHome {
  const { personalAllowanceAnnual, basicRateBandAnnual, basicRate, higherRate } = rates.incomeTax;
  const annual = grossMonthly * 12;
  const taxable = Math.max(0, annual - personalAllowanceAnnual);
  const basic = Math.min(taxable, basicRateBandAnnual);
  const incomeTaxMonthly = Math.round((basic * basicRate + (taxable - basic) * higherRate) / 12);
  const { primaryThresholdMonthly, upperEarningsLimitMonthly, mainRate, additionalRate } = rates.nationalInsurance;
  const main = Math.max(0, Math.min(grossMonthly, upperEarningsLimitMonthly) - primaryThresholdMonthly);
  const above = Math.max(0, grossMonthly - upperEarningsLimitMonthly);
  const nationalInsuranceMonthly = Math.round(main * mainRate + above * additionalRate);
  return {
    grossMonthly,
    incomeTaxMonthly,
    nationalInsuranceMonthly,
    takeHomeMonthly: grossMonthly - incomeTaxMonthly - nationalInsuranceMonthly,
  };
}

/** The National Living Wage (or minimum wage) an hour for someone of this age, in pence. */
export function minimumWageFor(age: number, rates: Pick<Rates, 'minimumWage'>): number {
  if (age >= 21) return rates.minimumWage.age21OrOverHourly;
  if (age >= 18) return rates.minimumWage.age18To20Hourly;
  return rates.minimumWage.under18Hourly;
}

/** Pay a month for hours a week at an hourly wage: 52 weeks over 12 months, to the penny. */
export function monthlyPay(hoursPerWeek: number, hourlyPence: number): number {
  return weeklyToMonthly(hoursPerWeek * hourlyPence);
}
