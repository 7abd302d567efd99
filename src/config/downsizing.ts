// The council's scheme for tenants moving to a smaller home (content/downsizing/scheme.json),
// checked when the site builds, and the under-occupancy deduction's rates in force on a day (the
// money check's rates files: 14% and 25% since 2013).
import { z } from 'zod';
import schemeJson from '../../content/downsizing/scheme.json' with { type: 'json' };
import type { DeductionRates, DownsizingScheme } from '../domain/downsizing/gain.ts';
import { NoRatesFor, ratesOn } from '../domain/money/rates.ts';
import { moneyRules } from './money.ts';
import { parseContent } from './parse-content.ts';

const pence = z.number().int().min(0).max(10_000_000);
const bySize = z.record(z.string().regex(/^[1-9]$/), pence).refine((t) => '1' in t, { error: 'give a figure for a 1-bedroom home' });
const line = z.string().min(1).max(300);

export const downsizingSchemeSchema = z.object({
  name: line,
  demo: z.boolean(),
  incentive: z
    .object({ firstBedroomPence: pence, eachFurtherBedroomPence: pence, mostPence: pence })
    .refine((i) => i.mostPence >= i.firstBedroomPence, { error: 'the most paid must be at least the first bedroom’s payment' }),
  practicalHelp: z.array(line),
  whoQualifies: z.array(line).min(1),
  howToApply: z.array(line).min(1),
  estimatesSource: line,
  weeklyRentPence: bySize,
  weeklyEnergyPence: bySize,
  exchangeServiceIds: z.array(z.string()),
  olderPeopleServiceIds: z.array(z.string()),
});

export type DownsizingSchemeContent = z.infer<typeof downsizingSchemeSchema> & DownsizingScheme;

export const downsizingScheme: DownsizingSchemeContent = parseContent('content/downsizing/scheme.json', downsizingSchemeSchema, schemeJson);

/** The deduction's rates on a day (YYYY-MM-DD), or null when the rates files do not cover it. */
export function deductionRatesOn(date: string): DeductionRates | null {
  try {
    const { housing } = ratesOn(moneyRules.rates, date).rates.universalCredit;
    return { oneSpareBedroomRate: housing.oneSpareBedroomRate, twoOrMoreSpareBedroomsRate: housing.twoOrMoreSpareBedroomsRate };
  } catch (error) {
    if (error instanceof NoRatesFor) return null;
    throw error;
  }
}
