// The plan as a plain text file a person can keep: readable anywhere, no personal details beyond
// the answers that explain each step.
import { councilIn, questionIn, selfAssessmentIn, translator } from '../../config/languages.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/language/locales.ts';
import { localDate as dateIn } from '../../language/local-time.ts';
import { answerLabels } from '../../domain/questionnaire/questions.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { AssessmentResult } from './result.ts';
import type { MoneyCheckInPlan } from './draft-state.ts';
import { money } from '../../domain/money/lines.ts';

/** The plan in the language of `locale` (the result must be worked out in its words too). */
export function planAsText(
  result: AssessmentResult,
  now: Date,
  moneyCheck: MoneyCheckInPlan | null = null,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const t = translator(locale);
  const council = councilIn(locale);
  const content = selfAssessmentIn(locale);
  const dateOf = (date: string) => dateIn(locale, date);
  const upper = (text: string) => text.toLocaleUpperCase(locale);
  const { housingOptions, outOfHours, emergency } = council.contacts;
  const lines = [
    t('planText.title', { council: council.name }),
    t('planText.madeOn', { date: dateOf(localDate(now)) }),
    '',
    `${t('result.howUrgent')} ${result.need.label}`,
    result.need.explanation,
    '',
  ];
  for (const priority of ['1', '2', '3'] as const) {
    const steps = result.plan.filter((s) => String(s.priority) === priority);
    if (steps.length === 0) continue;
    lines.push(upper(content.plan.priorities[priority]), '');
    for (const step of steps) {
      lines.push(`${step.title} (${content.plan.domains[step.domain]})`);
      for (const action of step.actions) lines.push(`  - ${action}`);
      for (const link of step.links ?? []) lines.push(`  - ${t('planText.link', { text: link.text, href: link.href })}`);
      const reasons = step.because.map(({ q, values }) => {
        const question = questionIn(locale, q)!;
        return `${question.summaryLabel}: ${(question.kind === 'number' ? values : answerLabels(question, values)).join(', ')}`;
      });
      lines.push(`  ${t('plan.because', { reasons: reasons.join('; ') })}`, '');
    }
  }
  if (moneyCheck) {
    lines.push(
      upper(t('result.moneyTitle')),
      '',
      t('result.moneyBody', {
        date: dateOf(moneyCheck.date),
        universalCredit: t('result.moneyUniversalCredit', { amount: money(moneyCheck.universalCreditMonthly) }),
        councilTaxReduction: money(moneyCheck.councilTaxReductionMonthly),
      }),
      ...(moneyCheck.betterOff16Weekly !== null ? [t('result.moneyBetterOff', { amount: money(moneyCheck.betterOff16Weekly) })] : []),
      t('result.moneyEstimate'),
      '',
    );
  }
  lines.push(
    upper(t('planText.whoToContact')),
    '',
    `${housingOptions.name}: ${housingOptions.phone}, ${housingOptions.email}`,
    `${outOfHours.name}: ${outOfHours.phone}`,
    ...emergency.map((c) => `${c.name}: ${c.phone}`),
    '',
  );
  return lines.join('\r\n');
}
