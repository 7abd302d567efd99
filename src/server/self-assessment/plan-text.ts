// The plan as a plain text file a person can keep: readable anywhere, no personal details beyond
// the answers that explain each step.
import { council } from '../../config/council.ts';
import { questionById, selfAssessment } from '../../config/self-assessment.ts';
import { answerLabels } from '../../domain/questionnaire/questions.ts';
import { longDate, localDate } from '../../domain/time/working-days.ts';
import type { AssessmentResult } from './result.ts';
import type { MoneyCheckInPlan } from './draft-state.ts';
import { money } from '../../domain/money/lines.ts';

export function planAsText(result: AssessmentResult, now: Date, moneyCheck: MoneyCheckInPlan | null = null): string {
  const { housingOptions, outOfHours, emergency } = council.contacts;
  const lines = [
    `Your housing plan from ${council.name}`,
    `Made on ${longDate(localDate(now))}`,
    '',
    `How urgent your situation seems: ${result.need.label}`,
    result.need.explanation,
    '',
  ];
  for (const priority of ['1', '2', '3'] as const) {
    const steps = result.plan.filter((s) => String(s.priority) === priority);
    if (steps.length === 0) continue;
    lines.push(selfAssessment.plan.priorities[priority].toUpperCase(), '');
    for (const step of steps) {
      lines.push(`${step.title} (${selfAssessment.plan.domains[step.domain]})`);
      for (const action of step.actions) lines.push(`  - ${action}`);
      for (const link of step.links ?? []) lines.push(`  - ${link.text}: ${link.href} on this website`);
      const reasons = step.because.map(({ q, values }) => {
        const question = questionById(q)!;
        return `${question.summaryLabel}: ${(question.kind === 'number' ? values : answerLabels(question, values)).join(', ')}`;
      });
      lines.push(`  You are seeing this because you said: ${reasons.join('; ')}.`, '');
    }
  }
  if (moneyCheck) {
    lines.push(
      'YOUR MONEY CHECK',
      '',
      `On ${longDate(moneyCheck.date)} you could get about ${money(moneyCheck.universalCreditMonthly)} a month of Universal Credit and ${money(moneyCheck.councilTaxReductionMonthly)} a month of Council Tax Reduction.`,
      ...(moneyCheck.betterOff16Weekly !== null
        ? [`Working 16 hours a week would leave you about ${money(moneyCheck.betterOff16Weekly)} a week better off.`]
        : []),
      'This is an estimate, not a decision.',
      '',
    );
  }
  lines.push(
    'WHO TO CONTACT',
    '',
    `${housingOptions.name}: ${housingOptions.phone}, ${housingOptions.email}`,
    `${outOfHours.name}: ${outOfHours.phone}`,
    ...emergency.map((c) => `${c.name}: ${c.phone}`),
    '',
  );
  return lines.join('\r\n');
}
