// The money check: for a household on a date, whether it can be estimated at all (./scope.ts), then
// Universal Credit and Council Tax Reduction, every line with its rule and the answer behind it.
// An estimate, not a decision: the result says so, and which year's rates it used.
import type { MoneyAnswers } from './answers.ts';
import { estimateCouncilTaxReduction, type CouncilTaxReductionEstimate, type CouncilTaxReductionScheme } from './council-tax-reduction.ts';
import { ratesCoverage, ratesOn, type RatesFile, type RatesOn } from './rates.ts';
import { outOfScope, type OutOfScope } from './scope.ts';
import { estimateUniversalCredit, type LhaTable, type UniversalCreditEstimate } from './universal-credit.ts';

export interface MoneyRules {
  rates: readonly RatesFile[];
  lha: LhaTable;
  councilTaxReduction: CouncilTaxReductionScheme;
  /** The council is in London (the higher benefit cap). */
  london: boolean;
}

/** A date the rates files do not cover (next April's not loaded yet): no figure rather than a wrong one. */
export type NoRates = { kind: 'no-rates'; date: string; coverage: { from: string; to: string } };

/** The rates for a date, or why there are none. */
export function ratesFor(rules: MoneyRules, date: string): RatesOn | NoRates {
  const coverage = ratesCoverage(rules.rates);
  return date < coverage.from || date > coverage.to ? { kind: 'no-rates', date, coverage } : ratesOn(rules.rates, date);
}

export type MoneyEstimate =
  | NoRates
  | { kind: 'out-of-scope'; date: string; reasons: OutOfScope[] }
  | {
      kind: 'estimate';
      date: string;
      /** The rates years the figures come from, like ["2026/27"]. */
      years: string[];
      universalCredit: UniversalCreditEstimate;
      councilTaxReduction: CouncilTaxReductionEstimate;
      /** Universal Credit and Council Tax Reduction a month, in pence. */
      totalMonthly: number;
    };

/** The estimate on `date` (YYYY-MM-DD), with the rates in force that day. */
export function estimateMoney(answers: MoneyAnswers, date: string, rules: MoneyRules): MoneyEstimate {
  const on = ratesFor(rules, date);
  if ('kind' in on) return on;
  const reasons = outOfScope(answers, on.rates);
  if (reasons.length > 0) return { kind: 'out-of-scope', date, reasons };
  return estimateWith(answers, on, rules);
}

export function estimateWith(answers: MoneyAnswers, on: RatesOn, rules: MoneyRules): Extract<MoneyEstimate, { kind: 'estimate' }> {
  const universalCredit = estimateUniversalCredit(answers, on, { lha: rules.lha, london: rules.london });
  const councilTaxReduction = estimateCouncilTaxReduction(answers, rules.councilTaxReduction, universalCredit);
  return {
    kind: 'estimate',
    date: on.date,
    years: on.years,
    universalCredit,
    councilTaxReduction,
    totalMonthly: universalCredit.monthly + councilTaxReduction.monthly,
  };
}
