// The money check's rules as content, checked at start-up: each year's rates
// (content/money/rates-*.json: every value with the date it applies from and at least one source)
// and the council's Council Tax Reduction scheme (content/money/council-tax-reduction.json). A
// missing value, a value of the wrong kind, or one without a source stops the build, naming it.
import { z } from 'zod';
import rates2025 from '../../content/money/rates-2025-26.json' with { type: 'json' };
import rates2026 from '../../content/money/rates-2026-27.json' with { type: 'json' };
import ctrJson from '../../content/money/council-tax-reduction.json' with { type: 'json' };
import healthCheckJson from '../../content/money/health-check.json' with { type: 'json' };
import { COUNCIL_TAX_BANDS } from '../domain/money/answers.ts';
import { HOUSEHOLD_KINDS, type CouncilTaxReductionScheme, type HouseholdKind } from '../domain/money/council-tax-reduction.ts';
import type { MoneyRules } from '../domain/money/estimate.ts';
import { questionPages, type QuestionPage } from '../domain/money/questions.ts';
import type { RatesFile } from '../domain/money/rates.ts';
import { council } from './council.ts';
import { lha } from './homes.ts';
import { parseContent } from './parse-content.ts';

const source = z.object({ title: z.string().min(10), url: z.url() });
const dated = <T extends z.ZodType>(value: T) => z.object({ value, from: z.iso.date(), sources: z.array(source).min(1) });
const pence = dated(z.number().int().min(0).max(100_000_000));
const rate = dated(z.number().min(0).max(1));
const count = dated(z.number().int().min(0).max(200));

export const ratesFileSchema = z.object({
  year: z.string().regex(/^\d{4}\/\d{2}$/, { error: 'must be a tax year like "2026/27"' }),
  universalCredit: z.object({
    standardAllowance: z.object({
      singleUnder25Monthly: pence,
      single25OrOverMonthly: pence,
      coupleBothUnder25Monthly: pence,
      couple25OrOverMonthly: pence,
    }),
    childElement: z.object({
      firstChildBornBefore6April2017Monthly: pence,
      eachChildMonthly: pence,
      childLimit: dated(z.number().int().min(1).nullable()),
    }),
    lcwraElementMonthly: pence,
    carerElementMonthly: pence,
    workAllowance: z.object({ withHousingMonthly: pence, withoutHousingMonthly: pence }),
    taperRate: rate,
    capital: z.object({ upperLimit: pence, lowerLimit: pence, tariffStep: pence, tariffIncomeMonthly: pence }),
    housing: z.object({
      nonDependantDeductionMonthly: pence,
      nonDependantMinimumAge: count,
      oneSpareBedroomRate: rate,
      twoOrMoreSpareBedroomsRate: rate,
    }),
    benefitCap: z.object({
      singleOutsideLondonMonthly: pence,
      familyOutsideLondonMonthly: pence,
      singleInLondonMonthly: pence,
      familyInLondonMonthly: pence,
      earningsExemptionMonthly: pence,
    }),
  }),
  childBenefit: z.object({ eldestWeekly: pence, eachOtherWeekly: pence }),
  minimumWage: z.object({ age21OrOverHourly: pence, age18To20Hourly: pence, under18Hourly: pence }),
  incomeTax: z.object({ personalAllowanceAnnual: pence, basicRateBandAnnual: pence, basicRate: rate, higherRate: rate }),
  nationalInsurance: z.object({ primaryThresholdMonthly: pence, upperEarningsLimitMonthly: pence, mainRate: rate, additionalRate: rate }),
  statePensionAge: count,
});

const band = z.enum(COUNCIL_TAX_BANDS);
const weekly = z.number().int().min(0);

export const councilTaxReductionSchema = z.object({
  scheme: z.string().min(1),
  demo: z.boolean(),
  from: z.iso.date(),
  source,
  annualCharges: z.object(
    Object.fromEntries(COUNCIL_TAX_BANDS.map((b) => [b, z.number().int().positive()])) as Record<
      (typeof COUNCIL_TAX_BANDS)[number],
      z.ZodNumber
    >,
  ),
  supportCappedAtBand: band,
  capitalLimit: z.number().int().min(0),
  singlePersonDiscountRate: z.number().min(0).max(1),
  incomeCounted: z.string().min(1),
  bands: z
    .array(
      z.object({
        upToWeekly: z.object(Object.fromEntries(HOUSEHOLD_KINDS.map((k) => [k, weekly])) as Record<HouseholdKind, typeof weekly>),
        discountRate: z.number().min(0).max(1),
      }),
    )
    .min(1)
    .refine((bands) => bands.every((b, i) => i === 0 || HOUSEHOLD_KINDS.every((k) => b.upToWeekly[k] > bands[i - 1]!.upToWeekly[k])), {
      error: 'each band must reach higher incomes than the one before it',
    }),
});

export function parseRatesFile(file: string, input: unknown): RatesFile {
  return parseContent(file, ratesFileSchema, input) as unknown as RatesFile;
}

export function parseCouncilTaxReduction(input: unknown): CouncilTaxReductionScheme {
  return parseContent('content/money/council-tax-reduction.json', councilTaxReductionSchema, input);
}

export const moneyRules: MoneyRules = {
  rates: [parseRatesFile('content/money/rates-2025-26.json', rates2025), parseRatesFile('content/money/rates-2026-27.json', rates2026)],
  lha,
  councilTaxReduction: parseCouncilTaxReduction(ctrJson),
  london: council.inLondon,
};

const healthCheckSchema = z.object({
  benefits: z
    .array(z.object({ code: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) }))
    .min(1)
    .refine((list) => new Set(list.map((b) => b.code)).size === list.length, { error: 'benefit codes must be unique' }),
});

/** What an adviser's income maximisation health check can record as found (content/money/health-check.json). */
export const healthCheckContent = parseContent('content/money/health-check.json', healthCheckSchema, healthCheckJson);

/** The public money check's questions, with the council's shared-rate exemptions. */
export const moneyCheckPages: QuestionPage[] = questionPages(lha.sharedRateExemptions);
