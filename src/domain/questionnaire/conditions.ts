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
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

function values(answer: AnswerValue | undefined): string[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [String(answer)];
}

export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const answer = answers[condition.q];
  if (answer === undefined) return false;
  if ('is' in condition) return answer === condition.is;
  if ('in' in condition) return values(answer).some((v) => condition.in.includes(v));
  if ('notIn' in condition) return values(answer).some((v) => !condition.notIn.includes(v));
  return typeof answer === 'number' && answer >= condition.atLeast;
}

/** Question ids a condition reads: used to check conditions only name real questions. */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  return [condition.q];
}

/** Option values a condition compares with, by question id (for checking against the content). */
export function optionValuesIn(condition: Condition): Array<[question: string, value: string]> {
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
  if (!holds(condition, answers)) return [];
  if ('all' in condition) return condition.all.flatMap((c) => reasonsFor(c, answers));
  if ('any' in condition) return condition.any.flatMap((c) => reasonsFor(c, answers));
  if ('not' in condition) return [];
  const answer = answers[condition.q]!;
  if ('in' in condition) return [{ q: condition.q, values: values(answer).filter((v) => condition.in.includes(v)) }];
  if ('notIn' in condition) return [{ q: condition.q, values: values(answer).filter((v) => !condition.notIn.includes(v)) }];
  return [{ q: condition.q, values: values(answer) }];
}
