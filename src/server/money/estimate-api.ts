// POST /api/money/estimate: the money check as JSON, so advice partners can use the same rules.
// The body is the check's answers (money in pounds); the answer is the estimate with every line's
// rule, the answer behind it and its sources, the better-off table, or what is out of scope. Bad
// input gets 400 with each field and what is wrong; nothing is stored.
import { readMoneyAnswers, type MoneyProblem } from '../../domain/money/answers.ts';
import { betterOffInWork } from '../../domain/money/better-off.ts';
import { estimateMoney, ratesFor, type MoneyRules } from '../../domain/money/estimate.ts';
import type { MoneyLine } from '../../domain/money/lines.ts';

/** A body bigger than this is refused unread: the answers are a few hundred bytes. */
export const MAX_ESTIMATE_BODY_BYTES = 16 * 1024;

export interface EstimateRequest {
  contentType: string | null;
  /** The body as text, or null when it was larger than MAX_ESTIMATE_BODY_BYTES. */
  body: string | null;
  /** Today in the council's time zone (YYYY-MM-DD): the date of the check unless the body gives one. */
  today: string;
}

export interface EstimateAnswer {
  status: 200 | 400 | 413 | 415;
  body: unknown;
}

const pounds = (pence: number) => Math.round(pence) / 100;

const lineJson = (line: MoneyLine) => ({
  id: line.id,
  label: line.label,
  monthly: pounds(line.monthly),
  rule: line.rule,
  because: line.because,
  sources: line.sources,
});

const refused = (status: 400 | 413 | 415, errors: MoneyProblem[]): EstimateAnswer => ({ status, body: { errors } });

export function answerEstimateRequest(request: EstimateRequest, rules: MoneyRules): EstimateAnswer {
  if (!request.contentType?.toLowerCase().startsWith('application/json'))
    return refused(415, [{ field: 'body', message: 'Send the answers as JSON, with Content-Type: application/json' }]);
  if (request.body === null)
    return refused(413, [
      { field: 'body', message: `The body is larger than ${MAX_ESTIMATE_BODY_BYTES / 1024} KB: the answers are a small JSON object` },
    ]);
  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch {
    return refused(400, [{ field: 'body', message: 'The body is not valid JSON' }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return refused(400, [{ field: 'body', message: 'The body must be a JSON object of answers, like {"age": 30, "home": "private"}' }]);
  const fields = raw as Record<string, unknown>;
  const date = fields.date === undefined || fields.date === null || fields.date === '' ? request.today : fields.date;
  const problems: MoneyProblem[] = [];
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    problems.push({ field: 'date', message: 'The date must be a real date like 2026-12-06, or left out for today' });
  else {
    const rates = ratesFor(rules, date);
    if ('kind' in rates)
      problems.push({
        field: 'date',
        message: `The rates here cover ${rates.coverage.from} to ${rates.coverage.to}: choose a date between them`,
      });
  }
  const read = readMoneyAnswers(fields);
  if (!read.ok) problems.push(...read.problems);
  if (problems.length > 0 || !read.ok) return refused(400, problems);
  const on = date as string;
  const estimate = estimateMoney(read.answers, on, rules);
  if (estimate.kind === 'no-rates') return refused(400, [{ field: 'date', message: 'There are no rates for that date' }]);
  if (estimate.kind === 'out-of-scope')
    return {
      status: 200,
      body: { date: on, outOfScope: estimate.reasons, note: 'This check cannot estimate for you: ask for a full check.' },
    };
  const betterOff = betterOffInWork(read.answers, on, rules);
  const uc = estimate.universalCredit;
  const ctr = estimate.councilTaxReduction;
  return {
    status: 200,
    body: {
      date: on,
      ratesYears: estimate.years,
      note: 'An estimate, not a decision: DWP and the council decide what you get when you claim.',
      universalCredit: {
        monthly: pounds(uc.monthly),
        maximumMonthly: pounds(uc.maximumMonthly),
        elements: uc.elements.map(lineJson),
        deductions: uc.deductions.map(lineJson),
        benefitCap: uc.cap ? lineJson(uc.cap) : null,
        rentShortfallMonthly: pounds(uc.rentShortfallMonthly),
        noAwardBecause: uc.noAwardBecause,
      },
      councilTaxReduction: {
        monthly: pounds(ctr.monthly),
        councilTaxMonthly: ctr.chargeMonthly === null ? null : pounds(ctr.chargeMonthly),
        line: ctr.line ? lineJson(ctr.line) : null,
        note: ctr.note,
      },
      betterOffInWork:
        betterOff.kind === 'comparison'
          ? {
              hourlyWage: pounds(betterOff.hourlyWage),
              wageIsNationalMinimum: betterOff.wageIsMinimum,
              rows: betterOff.rows.map((row) => ({
                hoursPerWeek: row.hours,
                grossMonthly: pounds(row.grossMonthly),
                incomeTaxMonthly: pounds(row.incomeTaxMonthly),
                nationalInsuranceMonthly: pounds(row.nationalInsuranceMonthly),
                takeHomeMonthly: pounds(row.takeHomeMonthly),
                universalCreditMonthly: pounds(row.universalCreditMonthly),
                councilTaxReductionMonthly: pounds(row.councilTaxReductionMonthly),
                totalMonthly: pounds(row.totalMonthly),
                betterOffMonthly: pounds(row.betterOffMonthly),
                betterOffWeekly: pounds(row.betterOffWeekly),
              })),
            }
          : null,
    },
  };
}
