// Who this check cannot estimate for, said plainly instead of a wrong figure: people at State
// Pension age or in a couple where one is, students, people whose right to live here has
// conditions, people on the benefits Universal Credit is replacing, and the self-employed.
import type { MoneyAnswers } from './answers.ts';
import type { Rates } from './rates.ts';

export interface OutOfScope {
  code: 'pension-age' | 'mixed-age' | 'student' | 'from-abroad' | 'legacy-benefits' | 'self-employed';
  message: string;
}

export function outOfScope(answers: MoneyAnswers, rates: Pick<Rates, 'statePensionAge'>): OutOfScope[] {
  const pensionAge = rates.statePensionAge;
  const youPension = answers.age >= pensionAge;
  const partnerPension = answers.couple && answers.partnerAge !== null && answers.partnerAge >= pensionAge;
  const reasons: OutOfScope[] = [];
  if (youPension && (!answers.couple || partnerPension))
    reasons.push({
      code: 'pension-age',
      message: `At ${pensionAge} or over you are at or near State Pension age: help comes from Pension Credit and Housing Benefit, which this check does not work out. Ask us, or use the Pension Credit calculator on GOV.UK.`,
    });
  else if (youPension || partnerPension)
    reasons.push({
      code: 'mixed-age',
      message: `In a couple where one of you is ${pensionAge} or over and the other is younger, the rules are different and this check cannot work them out. Ask us for a full check.`,
    });
  if (answers.student)
    reasons.push({
      code: 'student',
      message:
        'Most full-time students cannot get Universal Credit, and the exceptions need a full check. Ask us or your college’s student support.',
    });
  if (!answers.settledInUk)
    reasons.push({
      code: 'from-abroad',
      message:
        'Whether you can get Universal Credit depends on your immigration status, which this check cannot decide. Get advice before you claim: a wrong claim can affect your status.',
    });
  if (answers.legacyBenefits)
    reasons.push({
      code: 'legacy-benefits',
      message:
        'You get a benefit that Universal Credit is replacing. Claiming Universal Credit ends it for good, so do not claim on this estimate: ask us for a better-off check first.',
    });
  if (answers.selfEmployed)
    reasons.push({
      code: 'self-employed',
      message:
        'Self-employed earnings are counted differently (the minimum income floor), and this check does not work that out. Ask us for a full check.',
    });
  return reasons;
}
