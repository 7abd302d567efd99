// Worked cases whose expected figures come from a published source, each naming it. Most are
// PolicyEngine UK's own test cases (github.com/PolicyEngine/policyengine-uk at commit c93e1a054,
// policyengine_uk/tests/policy/baseline/...), which are annual: a monthly figure here is theirs
// over 12, within their own stated margin where they give one. Where PolicyEngine sets an
// intermediate value directly (an LHA cap, the maximum amount), the household here is built to
// give that value through the questions a person answers.
import { describe, expect, it } from 'vitest';
import { moneyRules } from '../../../src/config/money.ts';
import type { MoneyAnswers } from '../../../src/domain/money/answers.ts';
import { estimateMoney, type MoneyRules } from '../../../src/domain/money/estimate.ts';
import type { MoneyLine } from '../../../src/domain/money/lines.ts';
import { ratesOn } from '../../../src/domain/money/rates.ts';
import { minimumWageFor } from '../../../src/domain/money/take-home.ts';
import { household, rulesWithLha } from './household.ts';

const PE = 'PolicyEngine UK c93e1a054, policyengine_uk/tests/policy/baseline/finance';
const UC = `${PE}/benefit/family/universal_credit`;

interface WorkedCase {
  name: string;
  /** Where the expected figure is published: file and the case's name in it. */
  source: string;
  date: string;
  answers: MoneyAnswers;
  rules?: MoneyRules;
  /** Lines expected (by id), a month in pence, within `margin` pence (default 0). */
  lines?: Record<string, number | null>;
  /** Universal Credit a month, in pence. */
  universalCredit?: number;
  margin?: number;
}

const CASES: WorkedCase[] = [
  {
    name: 'standard allowance, single aged 25 or over, 2026/27: £424.90 a month',
    source: `${UC}/standard_allowance/uc_standard_allowance.yaml, "2026 single claimant over 25 uses the published standard allowance" (424.90 x 12)`,
    date: '2026-06-01',
    answers: household({ age: 30 }),
    lines: { 'standard-allowance': 42490 },
  },
  {
    name: 'standard allowance, couple with one 25 or over, 2025/26: £7,527 a year within £150',
    source: `${UC}/standard_allowance/uc_standard_allowance.yaml, "2025 test" (COUPLE_OLD: 7527, margin 150)`,
    date: '2025-06-01',
    answers: household({ couple: true, age: 30, partnerAge: 28 }),
    lines: { 'standard-allowance': Math.round((7527 * 100) / 12) },
    margin: Math.round((150 * 100) / 12),
  },
  {
    name: 'carer element, 2025/26: £2,417 a year within £100',
    source: `${UC}/carer_element/uc_carer_element.yaml, "Carer gets element" (2417, margin 100)`,
    date: '2025-06-01',
    answers: household({ carer: true }),
    lines: { 'carer-element': Math.round((2417 * 100) / 12) },
    margin: Math.round((100 * 100) / 12),
  },
  {
    name: 'no carer, no carer element',
    source: `${UC}/carer_element/uc_carer_element.yaml, "No carers, no element"`,
    date: '2025-06-01',
    answers: household({ carer: false }),
    lines: { 'carer-element': null },
  },
  {
    name: 'health (LCWRA) element, 2026/27 new claim: £2,607.12 a year',
    source: `${UC}/child_element/disability/limited_work_ability/uc_LCWRA_element.yaml, "2026 LCWRA baseline amount uses the standard new-claimant rate."`,
    date: '2026-06-01',
    answers: household({ lcwra: true }),
    lines: { 'lcwra-element': 260712 / 12 },
  },
  {
    name: 'work allowance with housing and a health condition, 2025/26: £4,924 a year within £100 (£500 take-home, £89 counted at 55%)',
    source: `${UC}/work_allowance/uc_work_allowance.yaml, "Work allowance with housing - 2025" (4924, margin 100)`,
    date: '2025-06-01',
    answers: household({ lcwra: true, home: 'social', rentMonthly: 50000, bedrooms: 1, takeHomeMonthly: 50000 }),
    // 55% of (take-home less the work allowance): the allowance is theirs within its margin.
    lines: { earnings: -Math.round((50000 - Math.round((4924 * 100) / 12)) * 0.55) },
    margin: Math.round(((100 * 100) / 12) * 0.55) + 1,
  },
  {
    name: 'savings of £6,000: no assumed income',
    source: `${UC}/income/uc_tariff_income.yaml, "No tariff income below the lower capital threshold"`,
    date: '2025-06-01',
    answers: household({ savings: 600000 }),
    lines: { savings: null },
  },
  {
    name: 'savings of £6,001: one step, £4.35 a month',
    source: `${UC}/income/uc_tariff_income.yaml, "Tariff income rounds capital up to the next step" (4.35 x 12)`,
    date: '2025-06-01',
    answers: household({ savings: 600100 }),
    lines: { savings: -435 },
  },
  {
    name: 'savings of £16,000: forty steps, £174 a month',
    source: `${UC}/income/uc_tariff_income.yaml, "Tariff income applies through the upper capital limit" (40 x 4.35 x 12)`,
    date: '2025-06-01',
    answers: household({ savings: 1600000 }),
    lines: { savings: -40 * 435 },
  },
  {
    name: 'savings of £6,300 reduce Universal Credit by £8.70 a month',
    source: `${UC}/income/uc_income_reduction.yaml, "Capital tariff income reduces Universal Credit" (8.70 x 12)`,
    date: '2025-06-01',
    answers: household({ savings: 630000 }),
    lines: { savings: -870 },
  },
  {
    name: 'savings of £16,001: no Universal Credit',
    source: `${PE}/benefit/family/universal_credit.yaml, "Capital above the upper limit removes Universal Credit entitlement"`,
    date: '2025-06-01',
    answers: household({ savings: 1600100 }),
    universalCredit: 0,
  },
  {
    name: 'earnings and other income taken off below the maximum: 55% of £1,000 and all of £400 is £950',
    source: `${UC}/income/uc_income_reduction.yaml, "Uncapped at max amount" (earned 1,000, unearned 400: 950)`,
    date: '2025-06-01',
    answers: household({ home: 'private', rentMonthly: 200000, takeHomeMonthly: 100000, otherIncomeMonthly: 40000 }),
    rules: rulesWithLha(100000),
    lines: { earnings: -55000, 'other-income': -40000 },
  },
  {
    name: 'income above the maximum amount leaves nothing: the reduction is capped at the maximum',
    source: `${UC}/income/uc_income_reduction.yaml, "Capped at max amount" (earned 1,000, unearned 400, maximum 500: 500)`,
    date: '2025-06-01',
    answers: household({ takeHomeMonthly: 100000, otherIncomeMonthly: 40000 }),
    universalCredit: 0,
  },
  {
    name: 'owning a home: no housing element',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Owned home, no element"`,
    date: '2025-06-01',
    answers: household({ home: 'owner', rentMonthly: 0 }),
    lines: { 'housing-element': null },
  },
  {
    name: 'renting from the council with no spare bedroom: the whole rent',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Rented socially" (rent 5,000 a year: 5,000)`,
    date: '2025-06-01',
    answers: household({ home: 'social', rentMonthly: Math.round(500000 / 12), bedrooms: 1 }),
    lines: { 'housing-element': Math.round(500000 / 12) },
  },
  {
    name: 'renting privately under the LHA: the whole rent',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Rented privately, under LHA cap" (rent 5,000, cap 6,000: 5,000)`,
    date: '2025-06-01',
    answers: household({ home: 'private', rentMonthly: Math.round(500000 / 12), age: 40 }),
    rules: rulesWithLha(Math.round(600000 / 52)),
    lines: { 'housing-element': Math.round(500000 / 12) },
  },
  {
    name: 'renting privately over the LHA: the LHA (weekly, so within 2p of their yearly figure)',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Rented privately, over LHA cap" (rent 6,000, cap 5,000: 5,000)`,
    date: '2025-06-01',
    answers: household({ home: 'private', rentMonthly: Math.round(600000 / 12), age: 40 }),
    rules: rulesWithLha(Math.round(500000 / 52)),
    lines: { 'housing-element': Math.round(500000 / 12) },
    margin: 2,
  },
  {
    name: 'renting privately over the LHA, less a non-dependant deduction',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Rented privately, over LHA cap, less non-dependent deductions" (5,000 less the deductions)`,
    date: '2025-06-01',
    answers: household({ home: 'private', rentMonthly: Math.round(600000 / 12), age: 40, nonDependants: 1 }),
    rules: rulesWithLha({ 2: Math.round(500000 / 52) }),
    lines: { 'housing-element': Math.round(500000 / 12) - 9302 },
    margin: 2,
  },
  {
    name: 'non-dependant deductions bigger than the rent: no housing element, never below nothing',
    source: `${UC}/housing_costs_element/uc_housing_costs_element.yaml, "Rented privately, non-dependent deductions exceed housing costs"`,
    date: '2025-06-01',
    answers: household({ home: 'private', rentMonthly: 8000, age: 40, nonDependants: 2 }),
    rules: rulesWithLha(100000),
    lines: { 'housing-element': 0 },
  },
  {
    name: 'an adult under 21 living there: no non-dependant deduction',
    source: `${UC}/housing_costs_element/non_dep_deduction/uc_individual_non_dep_deduction.yaml, "Too young, no deduction"`,
    date: '2025-06-01',
    answers: household({ home: 'social', rentMonthly: 40000, bedrooms: 2, youngAdults: 1, age: 45 }),
    lines: { 'housing-element': 40000 },
  },
];

const within = (actual: number, expected: number, margin: number) => Math.abs(actual - expected) <= margin;

function lineById(lines: readonly MoneyLine[], id: string): MoneyLine | undefined {
  return lines.find((line) => line.id === id);
}

describe('worked cases from published sources', () => {
  it('has at least 15, each naming its source', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    for (const c of CASES) expect(c.source, c.name).toMatch(/\.yaml, "/);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = estimateMoney(c.answers, c.date, c.rules ?? moneyRules);
    expect(result.kind).toBe('estimate');
    if (result.kind !== 'estimate') return;
    const all = [...result.universalCredit.elements, ...result.universalCredit.deductions];
    for (const [id, expected] of Object.entries(c.lines ?? {})) {
      const found = lineById(all, id);
      if (expected === null) {
        expect(found, `${id} should not be there`).toBeUndefined();
        continue;
      }
      expect(found, `${id} is there`).toBeDefined();
      expect(within(found!.monthly, expected, c.margin ?? 0), `${id}: ${found!.monthly} against ${expected} ± ${c.margin ?? 0}`).toBe(true);
      // Every figure says its rule and the answer behind it.
      expect(found!.rule.length, id).toBeGreaterThan(20);
      expect(found!.because, id).toMatch(/^You said|^Your /);
    }
    if (c.universalCredit !== undefined) expect(result.universalCredit.monthly).toBe(c.universalCredit);
  });
});

describe('the National Living Wage and minimum wage by age', () => {
  const source = `${PE}/income/minimum_wage.yaml`;
  it.each([
    ['2025-06-01', 18, 1000, `${source}, "Minimum wage for a person aged 18 uses the 18 to 20 bracket"`],
    ['2025-06-01', 21, 1221, `${source}, "Minimum wage for a person aged 21 uses the 21 to 22 bracket"`],
    ['2025-06-01', 23, 1221, `${source}, "Minimum wage for a person aged 23 uses the 23 to 24 bracket"`],
    ['2026-06-01', 18, 1085, `${source}, "Minimum wage for a person aged 18 uses the 2026-27 rate"`],
    ['2026-06-01', 21, 1271, `${source}, "Minimum wage for a person aged 21 uses the 2026-27 rate"`],
  ] as const)('on %s at %i: %i pence an hour (%s)', (date, age, pence, _source) => {
    expect(minimumWageFor(age, ratesOn(moneyRules.rates, date).rates)).toBe(pence);
  });
});
