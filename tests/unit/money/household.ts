// A household for the money tests: a single person of 30 with no children, no rent, no income,
// settled in the UK; each test changes what it needs.
import type { MoneyAnswers } from '../../../src/domain/money/answers.ts';
import { moneyRules } from '../../../src/config/money.ts';
import type { MoneyRules } from '../../../src/domain/money/estimate.ts';

export const nobody: MoneyAnswers = {
  couple: false,
  age: 30,
  partnerAge: null,
  children: [],
  childrenBornBefore2017: 0,
  youngAdults: 0,
  nonDependants: 0,
  lcwra: false,
  carer: false,
  home: 'none',
  rentMonthly: 0,
  bedrooms: 0,
  sharedRateExemption: null,
  councilTaxBand: null,
  takeHomeMonthly: 0,
  partnerTakeHomeMonthly: 0,
  otherIncomeMonthly: 0,
  savings: 0,
  hourlyWage: null,
  student: false,
  settledInUk: true,
  legacyBenefits: false,
  selfEmployed: false,
};

export const household = (changes: Partial<MoneyAnswers>): MoneyAnswers => ({ ...nobody, ...changes });

/** The real rates and scheme, with the Local Housing Allowance as a test gives it (weekly pence, every size). */
export function rulesWithLha(weekly: number | Partial<MoneyRules['lha']['weekly']>): MoneyRules {
  const rates =
    typeof weekly === 'number' ? { shared: weekly, 1: weekly, 2: weekly, 3: weekly, 4: weekly } : { ...moneyRules.lha.weekly, ...weekly };
  return { ...moneyRules, lha: { ...moneyRules.lha, weekly: rates } };
}
