// Conditions over answers, written as data in content files (need levels, plan steps) and used by
// the questionnaire's guards. Kept tiny so a council officer can read a rule and know what it does.
import type { AnswerValue, Answers } from './answers.ts';

export type Condition =
  /** The radios answer is this value. */
  | { q: string; is: string }
  /** The radios answer is one of these, or the checkboxes include any of these. */
  | { q: string; in: string[] }
  /** Answered, and the radios answer is none of these, or the checkboxes include something else. */
  | { q: string; notIn: string[] }
  /** The number answer is at least this. */
  | { q: string; atLeast: number }
  /**
   * The home has at least this many bedrooms more than the household could need: the answers
   * "bedrooms", "adults" and "children", counting a bedroom for every person (the most the size
   * criteria could give them), so a spare bedroom is certain, never guessed.
   */
  | { spareBedroomsAtLeast: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

function values(answer: AnswerValue | undefined): string[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [String(answer)];
}

/** The questions a spare bedroom is worked out from. */
export const SPARE_BEDROOM_QUESTIONS = ['bedrooms', 'adults', 'children'] as const;

/** Bedrooms beyond one for every person in the home, or null until all three are answered. */
export function certainSpareBedrooms(answers: Answers): number | null {
  const [bedrooms, adults, children] = SPARE_BEDROOM_QUESTIONS.map((q) => answers[q]);
  if (typeof bedrooms !== 'number' || typeof adults !== 'number' || typeof children !== 'number') return null;
  return Math.max(0, bedrooms - adults - children);
}

/**
 * Whether the condition holds for the answers themselves: what the questionnaire's guards ask, in
 * the browser too. A spare bedroom (worked out from three answers) is never true here: it is for
 * the plan and need levels on the server (`holdsWithDerived`), so the island carries none of it.
 */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  if ('spareBedroomsAtLeast' in condition) return false;
  const answer = answers[condition.q];
  if (answer === undefined) return false;
  if ('is' in condition) return answer === condition.is;
  if ('in' in condition) return values(answer).some((v) => condition.in.includes(v));
  if ('notIn' in condition) return values(answer).some((v) => !condition.notIn.includes(v));
  return typeof answer === 'number' && answer >= condition.atLeast;
}

/** Whether the condition holds, a spare bedroom worked out from the answers included (the plan, need levels). */
export function holdsWithDerived(condition: Condition, answers: Answers): boolean {
  if ('spareBedroomsAtLeast' in condition) return (certainSpareBedrooms(answers) ?? 0) >= condition.spareBedroomsAtLeast;
  if ('all' in condition) return condition.all.every((c) => holdsWithDerived(c, answers));
  if ('any' in condition) return condition.any.some((c) => holdsWithDerived(c, answers));
  if ('not' in condition) return !holdsWithDerived(condition.not, answers);
  return holds(condition, answers);
}

/** Question ids a condition reads: used to check conditions only name real questions. */
export function questionsIn(condition: Condition): string[] {
  if ('spareBedroomsAtLeast' in condition) return [...SPARE_BEDROOM_QUESTIONS];
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  return [condition.q];
}

/** Option values a condition compares with, by question id (for checking against the content). */
export function optionValuesIn(condition: Condition): Array<[question: string, value: string]> {
  if ('spareBedroomsAtLeast' in condition) return [];
  if ('all' in condition) return condition.all.flatMap(optionValuesIn);
  if ('any' in condition) return condition.any.flatMap(optionValuesIn);
  if ('not' in condition) return optionValuesIn(condition.not);
  if ('is' in condition) return [[condition.q, condition.is]];
  if ('in' in condition) return condition.in.map((v) => [condition.q, v] as [string, string]);
  if ('notIn' in condition) return condition.notIn.map((v) => [condition.q, v] as [string, string]);
  return [];
}

/**
 * The answers that made a condition true, by question id: the basis of "you are seeing this
 * because you said ...". Negated parts explain nothing (they are about what was not said).
 */
export function reasonsFor(condition: Condition, answers: Answers): Array<{ q: string; values: string[] }> {
  if (!holdsWithDerived(condition, answers)) return [];
  if ('spareBedroomsAtLeast' in condition) return SPARE_BEDROOM_QUESTIONS.map((q) => ({ q, values: values(answers[q]) }));
  if ('all' in condition) return condition.all.flatMap((c) => reasonsFor(c, answers));
  if ('any' in condition) return condition.any.flatMap((c) => reasonsFor(c, answers));
  if ('not' in condition) return [];
  const answer = answers[condition.q]!;
  if ('in' in condition) return [{ q: condition.q, values: values(answer).filter((v) => condition.in.includes(v)) }];
  if ('notIn' in condition) return [{ q: condition.q, values: values(answer).filter((v) => !condition.notIn.includes(v)) }];
  return [{ q: condition.q, values: values(answer) }];
}
