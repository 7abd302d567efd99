// An estimate of Council Tax Reduction under the council's own scheme for working-age people
// (content/money/council-tax-reduction.json): an income-banded scheme, the kind many English
// councils now run. The council sets the charges, the bands, the household types and the most it
// pays; this only reads them. The single person discount (25% when one adult lives there) is
// national law and comes first.
import { monthlyToWeekly } from '../homes/affordability.ts';
import type { MoneyAnswers } from './answers.ts';
import { money, percent, type MoneyLine } from './lines.ts';
import type { Source } from './rates.ts';
import type { CouncilTaxBand } from './answers.ts';

/**
 * The households a banded scheme sets its incomes for: one adult or a couple, with no children,
 * one, or two or more (the grid councils publish, like Ashford's; a scheme that treats some alike,
 * like West Devon's, gives them the same figures).
 */
export const HOUSEHOLD_KINDS = [
  'single',
  'couple',
  'loneParentOneChild',
  'coupleOneChild',
  'loneParentTwoOrMore',
  'coupleTwoOrMore',
] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export function householdKind(couple: boolean, children: number): HouseholdKind {
  if (children === 0) return couple ? 'couple' : 'single';
  if (children === 1) return couple ? 'coupleOneChild' : 'loneParentOneChild';
  return couple ? 'coupleTwoOrMore' : 'loneParentTwoOrMore';
}

export interface CouncilTaxReductionScheme {
  scheme: string;
  demo: boolean;
  from: string;
  source: Source;
  /** Annual charge per band, in pence. */
  annualCharges: Record<CouncilTaxBand, number>;
  /** Support is worked out on no more than this band's charge. */
  supportCappedAtBand: CouncilTaxBand;
  /** Savings over this (pence) mean no reduction. */
  capitalLimit: number;
  singlePersonDiscountRate: number;
  /** What counts as income, in words (the calculation counts take-home pay, other income and Universal Credit less its housing element). */
  incomeCounted: string;
  /** Bands of weekly income (pence) by household kind, lowest first, each with the share of the charge it takes off. */
  bands: Array<{ upToWeekly: Record<HouseholdKind, number>; discountRate: number }>;
}

export interface CouncilTaxReductionEstimate {
  /** The council tax a month after any single person discount, in pence (null when it could not be worked out). */
  chargeMonthly: number | null;
  line: MoneyLine | null;
  monthly: number;
  /** Why there is no estimate or no reduction. */
  note: string | null;
}

const KIND_NAMES: Record<HouseholdKind, string> = {
  single: 'a single person',
  couple: 'a couple',
  loneParentOneChild: 'a lone parent with one child',
  coupleOneChild: 'a couple with one child',
  loneParentTwoOrMore: 'a lone parent with two or more children',
  coupleTwoOrMore: 'a couple with two or more children',
};

export function estimateCouncilTaxReduction(
  answers: MoneyAnswers,
  scheme: CouncilTaxReductionScheme,
  universalCredit: { monthly: number; housingElementMonthly: number },
): CouncilTaxReductionEstimate {
  if (answers.home === 'none')
    return {
      chargeMonthly: null,
      line: null,
      monthly: 0,
      note: 'You said you live with others without paying rent: usually the householder pays the council tax.',
    };
  if (answers.councilTaxBand === null)
    return {
      chargeMonthly: null,
      line: null,
      monthly: 0,
      note: 'Tell us your council tax band (it is on your bill) to see the Council Tax Reduction you could get.',
    };
  const adults = 1 + (answers.couple ? 1 : 0) + answers.youngAdults + answers.nonDependants;
  const annual = scheme.annualCharges[answers.councilTaxBand];
  const discount = adults === 1 ? scheme.singlePersonDiscountRate : 0;
  const chargeAnnual = Math.round(annual * (1 - discount));
  const chargeMonthly = Math.round(chargeAnnual / 12);
  if (answers.savings > scheme.capitalLimit)
    return {
      chargeMonthly,
      line: null,
      monthly: 0,
      note: `Savings over ${money(scheme.capitalLimit)} mean no Council Tax Reduction under the council's scheme.`,
    };
  const kind = householdKind(answers.couple, answers.children.length);
  const incomeMonthly =
    answers.takeHomeMonthly +
    answers.partnerTakeHomeMonthly +
    answers.otherIncomeMonthly +
    universalCredit.monthly -
    universalCredit.housingElementMonthly;
  const incomeWeekly = monthlyToWeekly(incomeMonthly);
  const band = scheme.bands.find((b) => incomeWeekly <= b.upToWeekly[kind]);
  const bandOrder = Object.keys(scheme.annualCharges);
  const cappedBand =
    bandOrder.indexOf(answers.councilTaxBand) > bandOrder.indexOf(scheme.supportCappedAtBand)
      ? scheme.supportCappedAtBand
      : answers.councilTaxBand;
  const supportBase = Math.round(scheme.annualCharges[cappedBand] * (1 - discount));
  const sources = [scheme.source];
  if (!band) {
    const top = scheme.bands.at(-1)!.upToWeekly[kind];
    return {
      chargeMonthly,
      line: null,
      monthly: 0,
      note: `Income over ${money(top)} a week for ${KIND_NAMES[kind]} gets no Council Tax Reduction under the council's scheme (yours: ${money(incomeWeekly)} a week).`,
    };
  }
  const monthly = Math.round((supportBase * band.discountRate) / 12);
  return {
    chargeMonthly,
    monthly,
    note: null,
    line: {
      id: 'council-tax-reduction',
      label: 'Council Tax Reduction',
      monthly,
      rule: `${scheme.scheme}: with weekly income up to ${money(band.upToWeekly[kind])} for ${KIND_NAMES[kind]}, ${percent(band.discountRate)} off the council tax${cappedBand !== answers.councilTaxBand ? `, worked out on a band ${cappedBand} charge at most` : ''}. Income counted: ${scheme.incomeCounted.toLowerCase()}.${discount > 0 ? ` The ${percent(discount)} single person discount comes first.` : ''}`,
      because: `You said your home is in band ${answers.councilTaxBand} (${money(annual)} a year) and your household's income comes to ${money(incomeWeekly)} a week.`,
      sources,
    },
  };
}
