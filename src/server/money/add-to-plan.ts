// "Add this to my plan": the money check's figures (never its answers) kept in the person's
// self-assessment draft, so their plan shows them, and they go when the plan's answers do. Only
// when the person has a plan in progress, and only when they press the button.
import type { AstroCookies } from 'astro';
import { moneyRules } from '../../config/money.ts';
import { betterOffInWork } from '../../domain/money/better-off.ts';
import { estimateMoney } from '../../domain/money/estimate.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { updateDraft } from '../self-assessment/drafts.ts';
import { currentDraft } from '../self-assessment/web.ts';
import { seeOther } from '../web/responses.ts';
import { finishedAnswers, RESULT_URL } from './check-pages.ts';

export const PLAN_MONEY_ANCHOR = '/self-assessment/result#money-check';

export async function addCheckToPlan(astro: { cookies: AstroCookies; locals: App.Locals }): Promise<Response> {
  const finished = finishedAnswers(astro);
  if (finished instanceof Response) return finished;
  const { db, draft, now, keeping } = await currentDraft(astro);
  if (!draft) return seeOther(`${RESULT_URL}?plan=none`);
  const today = localDate(now);
  const estimate = estimateMoney(finished.money, today, moneyRules);
  if (estimate.kind !== 'estimate') return seeOther(RESULT_URL);
  const betterOff = betterOffInWork(finished.money, today, moneyRules);
  const sixteen = betterOff.kind === 'comparison' ? (betterOff.rows.find((r) => r.hours === 16)?.betterOffWeekly ?? null) : null;
  await updateDraft(
    db,
    draft,
    {
      ...draft.state,
      money: {
        date: today,
        universalCreditMonthly: estimate.universalCredit.monthly,
        councilTaxReductionMonthly: estimate.councilTaxReduction.monthly,
        betterOff16Weekly: sixteen,
      },
    },
    now,
    keeping,
  );
  return seeOther(PLAN_MONEY_ANCHOR);
}
