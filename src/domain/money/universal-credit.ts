// An estimate of Universal Credit for a month, as DWP works it out (the Universal Credit
// Regulations 2013): the maximum amount (standard allowance and elements, with the housing
// element from the rent and the size rules), less the earnings taper above any work allowance,
// other income and assumed income from savings, then the benefit cap. Every line says its rule
// and the answer it came from. Not modelled, and said so: childcare costs, disabled children,
// transitional protection, deductions for debts and advances, the cap's grace period.
import { affordability, weeklyToMonthly } from '../homes/affordability.ts';
import { bedroomEntitlement, type Household } from '../homes/bedroom-entitlement.ts';
import type { MoneyAnswers } from './answers.ts';
import { money, percent, sum, type MoneyLine } from './lines.ts';
import type { RatesOn, Source } from './rates.ts';

export interface LhaTable {
  area: string;
  from: string;
  /** Weekly rates in pence. */
  weekly: { shared: number; 1: number; 2: number; 3: number; 4: number };
  sharedRateExemptions: ReadonlyArray<{ id: string; label: string }>;
}

export interface UniversalCreditContext {
  lha: LhaTable;
  /** The council is in London (a higher benefit cap). */
  london: boolean;
}

export interface UniversalCreditEstimate {
  /** The maximum amount, line by line. */
  elements: MoneyLine[];
  maximumMonthly: number;
  /** What is taken off: earnings, other income, savings (negative amounts). */
  deductions: MoneyLine[];
  /** The benefit cap's reduction, when it applies (a negative amount). */
  cap: MoneyLine | null;
  monthly: number;
  /** The housing element in the award (for the council tax reduction's income, and a Discretionary Housing Payment). */
  housingElementMonthly: number;
  /** Rent the housing element does not cover, a month (for a Discretionary Housing Payment). */
  rentShortfallMonthly: number;
  /** Why there is nothing, when that is so for a reason other than income (savings over the limit). */
  noAwardBecause: string | null;
}

/** The household as the size rules see it. */
export function householdOf(answers: MoneyAnswers): Household {
  return {
    adults: 1 + (answers.couple ? 1 : 0) + answers.youngAdults + answers.nonDependants,
    couple: answers.couple,
    children: answers.children.map((c) => ({ age: c.age, sex: c.sex })),
    under35: !answers.couple && answers.children.length === 0 && answers.age < 35,
    exemption: answers.sharedRateExemption,
  };
}

/** The number of child elements paid: every child, or with a limit, that many or those born before 6 April 2017 if more. */
export function childElementsPaid(children: number, bornBefore2017: number, limit: number | null): number {
  if (limit === null) return children;
  return Math.min(children, Math.max(bornBefore2017, limit));
}

/** Assumed income from savings a month: each £250 (or part) above the lower limit. */
export function tariffIncome(savings: number, capital: RatesOn['rates']['universalCredit']['capital']): number {
  if (savings <= capital.lowerLimit) return 0;
  return Math.ceil((savings - capital.lowerLimit) / capital.tariffStep) * capital.tariffIncomeMonthly;
}

export function estimateUniversalCredit(answers: MoneyAnswers, on: RatesOn, context: UniversalCreditContext): UniversalCreditEstimate {
  const uc = on.rates.universalCredit;
  const sources = (path: string): Source[] => on.provenance.get(path)?.sources ?? [];
  const line = (id: string, label: string, monthly: number, rule: string, because: string, path: string | string[]): MoneyLine => ({
    id,
    label,
    monthly,
    rule,
    because,
    sources: (Array.isArray(path) ? path : [path]).flatMap(sources),
  });
  const elements: MoneyLine[] = [];

  // Standard allowance.
  const under25 = answers.age < 25 && (!answers.couple || (answers.partnerAge ?? 99) < 25);
  const allowance = answers.couple
    ? under25
      ? (['coupleBothUnder25Monthly', 'a couple, both under 25'] as const)
      : (['couple25OrOverMonthly', 'a couple, one of you 25 or over'] as const)
    : answers.age < 25
      ? (['singleUnder25Monthly', 'a single person under 25'] as const)
      : (['single25OrOverMonthly', 'a single person aged 25 or over'] as const);
  elements.push(
    line(
      'standard-allowance',
      'Standard allowance',
      uc.standardAllowance[allowance[0]],
      `Everyone gets the standard allowance; its amount depends on whether you claim alone or as a couple, and on age.`,
      `You said you are ${allowance[1]}.`,
      `universalCredit.standardAllowance.${allowance[0]}`,
    ),
  );

  // Children.
  const paid = childElementsPaid(answers.children.length, answers.childrenBornBefore2017, uc.childElement.childLimit);
  if (paid > 0) {
    const higherFirst = answers.childrenBornBefore2017 > 0;
    const amount =
      (higherFirst ? uc.childElement.firstChildBornBefore6April2017Monthly : uc.childElement.eachChildMonthly) +
      (paid - 1) * uc.childElement.eachChildMonthly;
    const limitNote =
      uc.childElement.childLimit === null
        ? 'There is no limit on the number of children.'
        : `It is paid for ${uc.childElement.childLimit} children, and for any child born before 6 April 2017.`;
    elements.push(
      line(
        'child-element',
        `Child element (${paid} ${paid === 1 ? 'child' : 'children'})`,
        amount,
        `${money(uc.childElement.eachChildMonthly)} a month for each child${higherFirst ? `, ${money(uc.childElement.firstChildBornBefore6April2017Monthly)} for the first if born before 6 April 2017` : ''}. ${limitNote}`,
        `You said ${answers.children.length} ${answers.children.length === 1 ? 'child lives' : 'children live'} with you${answers.childrenBornBefore2017 > 0 ? `, ${answers.childrenBornBefore2017} born before 6 April 2017` : ''}.`,
        ['universalCredit.childElement.eachChildMonthly', 'universalCredit.childElement.childLimit'],
      ),
    );
  }

  // Health and caring.
  if (answers.lcwra)
    elements.push(
      line(
        'lcwra-element',
        'Limited capability for work and work-related activity element',
        uc.lcwraElementMonthly,
        'Paid when a work capability assessment finds an illness or disability means you cannot work or prepare for work. You need a fit note and the assessment first.',
        'You said an illness or disability stops you or your partner working or preparing for work.',
        'universalCredit.lcwraElementMonthly',
      ),
    );
  const carerPaid = answers.carer && !(answers.lcwra && !answers.couple);
  if (carerPaid)
    elements.push(
      line(
        'carer-element',
        'Carer element',
        uc.carerElementMonthly,
        'Paid when you care for a severely disabled person for 35 hours a week or more. The same person cannot also get the health element.',
        'You said you or your partner care for a disabled person for 35 hours a week or more.',
        'universalCredit.carerElementMonthly',
      ),
    );

  // Housing.
  const housing = housingElement(answers, on, context);
  if (housing.line) elements.push(housing.line);
  const maximumMonthly = sum(elements);

  // What is taken off.
  const deductions: MoneyLine[] = [];
  const earned = answers.takeHomeMonthly + answers.partnerTakeHomeMonthly;
  const hasWorkAllowance = answers.children.length > 0 || answers.lcwra;
  const workAllowance = hasWorkAllowance
    ? housing.monthly > 0
      ? uc.workAllowance.withHousingMonthly
      : uc.workAllowance.withoutHousingMonthly
    : 0;
  if (earned > 0) {
    const counted = Math.max(0, earned - workAllowance);
    const taken = Math.round(counted * uc.taperRate);
    deductions.push(
      line(
        'earnings',
        'Take-home pay',
        taken === 0 ? 0 : -taken,
        hasWorkAllowance
          ? `The first ${money(workAllowance)} a month of take-home pay is not counted (the work allowance${housing.monthly > 0 ? ', lower when the award helps with rent' : ''}); ${percent(uc.taperRate)} of the rest is taken off.`
          : `${percent(uc.taperRate)} of take-home pay is taken off. There is no work allowance without children or a health condition that limits work.`,
        `You said you take home ${money(earned)} a month${answers.couple ? ' between you' : ''}.`,
        hasWorkAllowance
          ? [
              `universalCredit.workAllowance.${housing.monthly > 0 ? 'withHousingMonthly' : 'withoutHousingMonthly'}`,
              'universalCredit.taperRate',
            ]
          : 'universalCredit.taperRate',
      ),
    );
  }
  if (answers.otherIncomeMonthly > 0)
    deductions.push(
      line(
        'other-income',
        'Other income',
        -answers.otherIncomeMonthly,
        'Other income, such as a pension or a benefit like contribution-based ESA, is taken off pound for pound.',
        `You said you have ${money(answers.otherIncomeMonthly)} a month of other income.`,
        [],
      ),
    );
  const capital = uc.capital;
  if (answers.savings > capital.upperLimit) {
    return {
      elements,
      maximumMonthly,
      deductions,
      cap: null,
      monthly: 0,
      housingElementMonthly: 0,
      rentShortfallMonthly: answers.rentMonthly,
      noAwardBecause: `Savings over ${money(capital.upperLimit)} mean no Universal Credit (you said you have ${money(answers.savings)}).`,
    };
  }
  const tariff = tariffIncome(answers.savings, capital);
  if (tariff > 0)
    deductions.push(
      line(
        'savings',
        'Savings',
        -tariff,
        `Savings over ${money(capital.lowerLimit)} count as ${money(capital.tariffIncomeMonthly)} a month for each ${money(capital.tariffStep)}, or part of it.`,
        `You said you have ${money(answers.savings)} in savings.`,
        ['universalCredit.capital.lowerLimit', 'universalCredit.capital.tariffIncomeMonthly'],
      ),
    );
  const beforeCap = Math.max(0, maximumMonthly + sum(deductions));

  // The benefit cap.
  const cap = benefitCap(answers, on, context, beforeCap, earned, carerPaid, line);
  const monthly = Math.max(0, beforeCap + (cap?.monthly ?? 0));
  const housingElementMonthly = Math.min(housing.monthly, monthly);
  return {
    elements,
    maximumMonthly,
    deductions,
    cap,
    monthly,
    housingElementMonthly,
    rentShortfallMonthly: Math.max(0, answers.rentMonthly - housingElementMonthly),
    noAwardBecause: null,
  };
}

function housingElement(answers: MoneyAnswers, on: RatesOn, context: UniversalCreditContext): { monthly: number; line: MoneyLine | null } {
  const housing = on.rates.universalCredit.housing;
  const sources = (path: string) => on.provenance.get(path)?.sources ?? [];
  if (answers.home === 'owner' || answers.home === 'none' || answers.rentMonthly === 0) return { monthly: 0, line: null };
  const household = householdOf(answers);
  const nonDeps = answers.nonDependants * housing.nonDependantDeductionMonthly;
  const nonDepText =
    answers.nonDependants > 0
      ? ` Less ${money(housing.nonDependantDeductionMonthly)} a month for each other adult aged ${housing.nonDependantMinimumAge} or over who lives with you (${answers.nonDependants}), unless they or you are exempt, for example because of a disability benefit.`
      : '';
  if (answers.home === 'private') {
    const found = affordability(answers.rentMonthly, household, context.lha, context.lha.sharedRateExemptions);
    const eligible = Math.min(answers.rentMonthly, found.maxHelpMonthly);
    const monthly = Math.max(0, eligible - nonDeps);
    return {
      monthly,
      line: {
        id: 'housing-element',
        label: 'Housing element',
        monthly,
        rule: `For private renters: the rent, up to the Local Housing Allowance for the home you need (${found.rateName}: ${money(found.maxHelpMonthly)} a month in ${context.lha.area}).${nonDepText}`,
        because: `You said you pay ${money(answers.rentMonthly)} a month rent. ${sentence(found.reasons)}`,
        sources: [
          {
            title: `Local Housing Allowance rates for ${context.lha.area}, from ${context.lha.from}`,
            url: 'https://www.gov.uk/government/collections/local-housing-allowance-lha-rates',
          },
          ...(answers.nonDependants > 0 ? sources('universalCredit.housing.nonDependantDeductionMonthly') : []),
        ],
      },
    };
  }
  // Social renters: the rent, less a share for bedrooms beyond what the household needs.
  const { entitlement, reasons } = bedroomEntitlement(household, context.lha.sharedRateExemptions);
  const needed = entitlement.rate === 'shared' ? 1 : entitlement.bedrooms;
  const spare = Math.max(0, answers.bedrooms - needed);
  const rate = spare === 0 ? 0 : spare === 1 ? housing.oneSpareBedroomRate : housing.twoOrMoreSpareBedroomsRate;
  const afterSpare = answers.rentMonthly - Math.round(answers.rentMonthly * rate);
  const monthly = Math.max(0, afterSpare - nonDeps);
  const spareText =
    spare === 0
      ? 'No bedroom is spare, so the whole rent counts.'
      : `${spare} ${spare === 1 ? 'bedroom is' : 'bedrooms are'} more than you need, so ${percent(rate)} of the rent (${money(Math.round(answers.rentMonthly * rate))}) is not covered.`;
  return {
    monthly,
    line: {
      id: 'housing-element',
      label: 'Housing element',
      monthly,
      rule: `For council and housing association tenants: the rent and eligible service charges, less ${percent(housing.oneSpareBedroomRate)} for one bedroom more than you need or ${percent(housing.twoOrMoreSpareBedroomsRate)} for two or more. ${spareText}${nonDepText}`,
      because: `You said you pay ${money(answers.rentMonthly)} a month rent and your home has ${answers.bedrooms} ${answers.bedrooms === 1 ? 'bedroom' : 'bedrooms'}. You need ${needed}: ${sentence(reasons)}`,
      sources: [
        ...sources('universalCredit.housing.oneSpareBedroomRate'),
        ...(answers.nonDependants > 0 ? sources('universalCredit.housing.nonDependantDeductionMonthly') : []),
      ],
    },
  };
}

function benefitCap(
  answers: MoneyAnswers,
  on: RatesOn,
  context: UniversalCreditContext,
  award: number,
  earned: number,
  carerPaid: boolean,
  line: (id: string, label: string, monthly: number, rule: string, because: string, path: string | string[]) => MoneyLine,
): MoneyLine | null {
  const cap = on.rates.universalCredit.benefitCap;
  if (award === 0) return null;
  if (answers.lcwra || carerPaid || earned >= cap.earningsExemptionMonthly) return null;
  const family = answers.couple || answers.children.length > 0;
  const key = `${family ? 'family' : 'single'}${context.london ? 'InLondon' : 'OutsideLondon'}Monthly` as const;
  const limit = cap[key];
  const childBenefit = childBenefitMonthly(answers.children.length, on);
  const over = award + childBenefit - limit;
  if (over <= 0) return null;
  return line(
    'benefit-cap',
    'Benefit cap',
    -Math.min(over, award),
    `Universal Credit and Child Benefit together are capped at ${money(limit)} a month for ${family ? 'couples and families' : 'single people'}${context.london ? ' in London' : ''}. The cap does not apply if you take home ${money(cap.earningsExemptionMonthly)} a month or more, get the health or carer element, or get a disability benefit such as PIP, and not for 9 months after steady work ends.`,
    `Your Universal Credit (${money(award)}) and Child Benefit (${money(childBenefit)}) come to ${money(award + childBenefit)} a month.`,
    [`universalCredit.benefitCap.${key}`, 'universalCredit.benefitCap.earningsExemptionMonthly', 'childBenefit.eldestWeekly'],
  );
}

/** The size rules' reasons as one sentence: "1 bedroom for you, 1 bedroom for a girl aged 4." */
function sentence(reasons: readonly string[]): string {
  const text = reasons.join(', ');
  return text === '' ? '' : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Child Benefit a month (weekly rates over 52 weeks and 12 months): counted by the benefit cap. */
export function childBenefitMonthly(children: number, on: RatesOn): number {
  if (children === 0) return 0;
  return weeklyToMonthly(on.rates.childBenefit.eldestWeekly + (children - 1) * on.rates.childBenefit.eachOtherWeekly);
}
