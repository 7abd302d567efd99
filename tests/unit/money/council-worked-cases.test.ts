// Worked examples from councils' own published guidance, each naming the page it comes from: the
// council's figures in, the council's answer out, through the same code the money check runs.
// Council Tax Reduction: each council's banded scheme is written here as data, the way a council
// would write its own into content/money/council-tax-reduction.json, and its worked example is run
// through estimateCouncilTaxReduction. The size rules and the under-occupancy deduction: the
// examples councils give their tenants, run through estimateMoney for a council tenant.
// Each scheme goes through the schema a council's own file does (parseCouncilTaxReduction). Where
// an example is weekly, the check's monthly figure is turned back into a week (monthlyToWeekly)
// and compared to the penny.
import { describe, expect, it } from 'vitest';
import { moneyRules, parseCouncilTaxReduction } from '../../../src/config/money.ts';
import { monthlyToWeekly, weeklyToMonthly } from '../../../src/domain/homes/affordability.ts';
import type { CouncilTaxBand, MoneyAnswers, MoneyChild } from '../../../src/domain/money/answers.ts';
import {
  HOUSEHOLD_KINDS,
  estimateCouncilTaxReduction,
  type CouncilTaxReductionScheme,
  type HouseholdKind,
} from '../../../src/domain/money/council-tax-reduction.ts';
import { estimateMoney } from '../../../src/domain/money/estimate.ts';
import { household } from './household.ts';

const CROYDON_BANDS = 'https://getinvolved.croydon.gov.uk/cts-oct22/widgets/55434/faqs';
const CROYDON_EXAMPLES = 'https://www.croydon.gov.uk/benefits/changes-council-tax-support/example-support-calculations';
const BATH = 'https://bathnes.gov.uk/consultation-changes-council-tax-support/how-we-currently-calculate-council-tax-support';
const KIRKLEES = 'http://knh.kirklees.gov.uk/yourhome/payingrent/underoccupationcharge.shtml';
const LICHFIELD = 'https://www.lichfielddc.gov.uk/Residents/Benefits/About-bedrooms-and-under-occupancy.aspx';
const POOLE = 'http://poole.gov.uk/benefits-and-council-tax/benefits/housing-benefit/under-occupancy/';

/** Council tax for every band from band D's, by the ratios in law (A is 6/9 of D, H 18/9). */
function chargesFromBandD(bandD: number): Record<CouncilTaxBand, number> {
  const ninths: Record<CouncilTaxBand, number> = { A: 6, B: 7, C: 8, D: 9, E: 11, F: 13, G: 15, H: 18 };
  return Object.fromEntries(Object.entries(ninths).map(([band, n]) => [band, Math.round((bandD * n) / 9)])) as Record<
    CouncilTaxBand,
    number
  >;
}

/** The same weekly limit for every household, as schemes that do not vary by household have. */
const everyHousehold = (pence: number) => Object.fromEntries(HOUSEHOLD_KINDS.map((k) => [k, pence])) as Record<HouseholdKind, number>;

/**
 * Croydon's working-age scheme from 1 April 2022 ("all other claimants" column; the columns for
 * disabled people not working and lone parents with a child under 5 are not modelled). The example
 * gives band B as £33.50 a week; the other bands follow from it by law's ratios. Support is capped
 * at band D, and capital of more than £8,000 means none.
 */
const croydon: CouncilTaxReductionScheme = parseCouncilTaxReduction({
  scheme: 'Croydon Council Tax Support (2022)',
  demo: false,
  from: '2022-04-01',
  source: { title: 'Croydon Council, council tax support FAQs: the current income bands', url: CROYDON_BANDS },
  annualCharges: chargesFromBandD(Math.round((3350 * 52 * 9) / 7)),
  supportCappedAtBand: 'D',
  capitalLimit: 800000,
  singlePersonDiscountRate: 0.25,
  incomeCounted: 'Take-home pay, other income, and Universal Credit without its housing element',
  bands: [
    { upToWeekly: everyHousehold(10099), discountRate: 0.75 },
    { upToWeekly: everyHousehold(15099), discountRate: 0.6 },
    { upToWeekly: everyHousehold(20099), discountRate: 0.4 },
    { upToWeekly: everyHousehold(25099), discountRate: 0.3 },
    { upToWeekly: everyHousehold(30099), discountRate: 0.2 },
    { upToWeekly: everyHousehold(35099), discountRate: 0.15 },
    { upToWeekly: everyHousehold(40099), discountRate: 0.1 },
  ],
});

/**
 * Bath and North East Somerset's income-banded scheme: limits for a single person, raised by £25
 * for a partner and £50 for each child, to £125 at most. Its charges, cap and savings limit are not
 * part of its examples (band D of £2,000 and no cap are stand-ins; only the share taken off is checked).
 */
const bathLimits = [11009, 22019, 33029, 38534, 44039];
const bathRates = [0.9, 0.85, 0.8, 0.7, 0.5];
const bathAddition: Record<HouseholdKind, number> = {
  single: 0,
  couple: 2500,
  loneParentOneChild: 5000,
  coupleOneChild: 7500,
  loneParentTwoOrMore: 10000,
  coupleTwoOrMore: 12500,
};
const bath: CouncilTaxReductionScheme = parseCouncilTaxReduction({
  scheme: 'Bath and North East Somerset Local Council Tax Support',
  demo: false,
  from: '2017-04-01',
  source: { title: 'Bath and North East Somerset Council, how we currently calculate Council Tax Support', url: BATH },
  annualCharges: chargesFromBandD(200000),
  supportCappedAtBand: 'H',
  capitalLimit: 1600000,
  singlePersonDiscountRate: 0.25,
  incomeCounted: 'Total weekly household income, including Universal Credit',
  bands: bathLimits.map((limit, i) => ({
    upToWeekly: Object.fromEntries(HOUSEHOLD_KINDS.map((k) => [k, limit + bathAddition[k]])) as Record<HouseholdKind, number>,
    discountRate: bathRates[i]!,
  })),
});

const girl = (age: number): MoneyChild => ({ age, sex: 'female' });
const boy = (age: number): MoneyChild => ({ age, sex: 'male' });

describe('Council Tax Reduction: councils’ own worked examples', () => {
  it(`Croydon, "Mr and Mrs X": Universal Credit of £1,400 a month with £585 for housing; £815 counted is £188.08 a week, so 40% of £33.50 a week: £13.40 (${CROYDON_EXAMPLES})`, () => {
    const answers = household({ couple: true, partnerAge: 30, children: [girl(6)], home: 'social', councilTaxBand: 'B' });
    const result = estimateCouncilTaxReduction(answers, croydon, { monthly: 140000, housingElementMonthly: 58500 });
    expect(result.line?.because).toContain('£188.08 a week');
    expect(result.line?.rule).toContain('40% off the council tax');
    expect(monthlyToWeekly(result.monthly)).toBe(1340);
    // Two adults: no single person discount, so the whole £33.50 a week is charged.
    expect(monthlyToWeekly(result.chargeMonthly!)).toBe(3350);
  });

  it(`Croydon: capital of more than £8,000 means no support (${CROYDON_BANDS})`, () => {
    const answers = household({ couple: true, partnerAge: 30, children: [girl(6)], home: 'social', councilTaxBand: 'B', savings: 800001 });
    const result = estimateCouncilTaxReduction(answers, croydon, { monthly: 140000, housingElementMonthly: 58500 });
    expect(result.monthly).toBe(0);
    expect(result.note).toMatch(/Savings over £8,000/);
  });

  const bathCases: Array<[string, Partial<MoneyAnswers>, number, number]> = [
    [
      'a single person with two children, £345 a week: the 80% band (£320.20 to £430.29 with £100 added for the children)',
      { children: [girl(3), boy(7)] },
      34500,
      0.8,
    ],
    [
      'a couple with one child, £210 a week: the 85% band (£185.10 to £295.19 with £75 added for the partner and child)',
      { couple: true, partnerAge: 30, children: [boy(5)] },
      21000,
      0.85,
    ],
  ];
  it.each(bathCases)(`Bath and North East Somerset: %s (${BATH})`, (_name, changes, weekly, rate) => {
    // Their income is given as a week, all of it counted: a month of it is weeklyToMonthly's.
    const answers = household({ ...changes, home: 'private', councilTaxBand: 'D', otherIncomeMonthly: weeklyToMonthly(weekly) });
    const result = estimateCouncilTaxReduction(answers, bath, { monthly: 0, housingElementMonthly: 0 });
    expect(result.line?.because).toContain(`£${weekly / 100} a week`);
    expect(result.line?.rule).toContain(`${Math.round(rate * 100)}% off the council tax`);
    // One adult living there: the national 25% single person discount comes off first.
    const charge = Math.round(bath.annualCharges.D * (changes.couple ? 1 : 0.75));
    expect(result.monthly).toBe(Math.round((charge * rate) / 12));
  });
});

/** A working-age council tenant: the check's housing element, and what the size rules took off. */
function councilTenant(changes: Partial<MoneyAnswers>): { housing: number; rent: number } {
  const answers = household({ home: 'social', age: 35, ...changes });
  const result = estimateMoney(answers, '2026-06-01', moneyRules);
  if (result.kind !== 'estimate') throw new Error(`expected an estimate, got ${result.kind}`);
  const line = result.universalCredit.elements.find((l) => l.id === 'housing-element');
  if (!line) throw new Error('no housing element');
  return { housing: line.monthly, rent: answers.rentMonthly };
}

describe('Spare bedrooms in a council home: councils’ own worked examples', () => {
  // £70 a week as the check takes it, a month.
  const rentMonthly = weeklyToMonthly(7000);

  it.each([
    ['one spare bedroom: £9.80 a week less, £60.20 left', 2, 980, 6020],
    ['two or more spare bedrooms: £17.50 a week less, £52.50 left', 3, 1750, 5250],
  ] as const)(
    `Kirklees Neighbourhood Housing, rent of £70 a week fully covered, %s (${KIRKLEES})`,
    (_name, bedrooms, lessWeekly, leftWeekly) => {
      const { housing, rent } = councilTenant({ rentMonthly, bedrooms });
      expect(monthlyToWeekly(rent - housing)).toBe(lessWeekly);
      expect(monthlyToWeekly(housing)).toBe(leftWeekly);
    },
  );

  // The bedrooms a household needs, shown the only way the deduction can show it: none taken off
  // at that many bedrooms, 14% at one more. Each Lichfield example is "a couple or single parent".
  const sizes: Array<[string, string, MoneyChild[], number]> = [
    ['Lichfield', 'no children: one bedroom', [], 1],
    ['Lichfield', 'one child: two bedrooms', [boy(8)], 2],
    ['Lichfield', 'a boy and a girl under 10: two bedrooms', [boy(4), girl(7)], 2],
    ['Lichfield', 'a boy and a girl aged 11 and 15: three bedrooms', [boy(11), girl(15)], 3],
    ['Lichfield', 'two boys aged 11 and 15: two bedrooms', [boy(11), boy(15)], 2],
    ['Lichfield', 'two boys aged 13 and 16: three bedrooms', [boy(13), boy(16)], 3],
  ];
  const cases: Array<readonly [string, boolean, MoneyChild[], number]> = sizes.flatMap(([council, name, children, needed]) =>
    [true, false].map(
      (couple) =>
        [
          `${council}, ${couple ? 'a couple' : children.length > 0 ? 'a single parent' : 'a single person'} with ${name} (${LICHFIELD})`,
          couple,
          children,
          needed,
        ] as const,
    ),
  );
  cases.push([
    `Poole, "Stuart and Isabel" with Jenny (12), Max (9) and Alice (6): three bedrooms, one for the couple, one for Jenny and Alice, one for Max (${POOLE})`,
    true,
    [girl(12), boy(9), girl(6)],
    3,
  ]);

  it.each(cases)('%s', (_name, couple, children, needed) => {
    const rentMonthly = 50000;
    const partner = couple ? { couple: true, partnerAge: 35 } : {};
    expect(councilTenant({ ...partner, children, rentMonthly, bedrooms: needed }).housing).toBe(rentMonthly);
    expect(councilTenant({ ...partner, children, rentMonthly, bedrooms: needed + 1 }).housing).toBe(
      rentMonthly - Math.round(rentMonthly * 0.14),
    );
  });
});
