// "Would I be better off working?": the person's take-home pay, Universal Credit and Council Tax
// Reduction at 0, 16, 24 and 30 hours a week at the wage they give (the National Living Wage for
// their age when they give none), and how much more each is than not working, a week and a month.
// A partner's pay and other income stay as they said.
import { monthlyToWeekly } from '../homes/affordability.ts';
import type { MoneyAnswers } from './answers.ts';
import { estimateWith, ratesFor, type MoneyRules, type NoRates } from './estimate.ts';
import { outOfScope, type OutOfScope } from './scope.ts';
import { minimumWageFor, monthlyPay, takeHomePay } from './take-home.ts';

export const BETTER_OFF_HOURS = [0, 16, 24, 30] as const;

export interface BetterOffRow {
  hours: number;
  grossMonthly: number;
  incomeTaxMonthly: number;
  nationalInsuranceMonthly: number;
  takeHomeMonthly: number;
  universalCreditMonthly: number;
  councilTaxReductionMonthly: number;
  /** Take-home pay (the person's and any partner's), other income, Universal Credit and Council Tax Reduction. */
  totalMonthly: number;
  /** More than at 0 hours, a month and a week, in pence. */
  betterOffMonthly: number;
  betterOffWeekly: number;
}

export type BetterOff =
  | NoRates
  | { kind: 'out-of-scope'; reasons: OutOfScope[] }
  | { kind: 'comparison'; date: string; hourlyWage: number; wageIsMinimum: boolean; rows: BetterOffRow[] };

export function betterOffInWork(
  answers: MoneyAnswers,
  date: string,
  rules: MoneyRules,
  hours: readonly number[] = BETTER_OFF_HOURS,
): BetterOff {
  const on = ratesFor(rules, date);
  if ('kind' in on) return on;
  const reasons = outOfScope(answers, on.rates);
  if (reasons.length > 0) return { kind: 'out-of-scope', reasons };
  const minimum = minimumWageFor(answers.age, on.rates);
  const hourlyWage = answers.hourlyWage ?? minimum;
  const rows = hours.map((h) => {
    const pay = takeHomePay(monthlyPay(h, hourlyWage), on.rates);
    const estimate = estimateWith({ ...answers, takeHomeMonthly: pay.takeHomeMonthly }, on, rules);
    const totalMonthly =
      pay.takeHomeMonthly +
      answers.partnerTakeHomeMonthly +
      answers.otherIncomeMonthly +
      estimate.universalCredit.monthly +
      estimate.councilTaxReduction.monthly;
    return {
      hours: h,
      grossMonthly: pay.grossMonthly,
      incomeTaxMonthly: pay.incomeTaxMonthly,
      nationalInsuranceMonthly: pay.nationalInsuranceMonthly,
      takeHomeMonthly: pay.takeHomeMonthly,
      universalCreditMonthly: estimate.universalCredit.monthly,
      councilTaxReductionMonthly: estimate.councilTaxReduction.monthly,
      totalMonthly,
      betterOffMonthly: 0,
      betterOffWeekly: 0,
    };
  });
  const base = rows[0]?.totalMonthly ?? 0;
  for (const row of rows) {
    row.betterOffMonthly = row.totalMonthly - base;
    row.betterOffWeekly = monthlyToWeekly(row.betterOffMonthly);
  }
  return { kind: 'comparison', date, hourlyWage, wageIsMinimum: answers.hourlyWage === null, rows };
}
