// A figure in a money check and why it is what it is: the rule that produced it (with where the
// rule comes from) and the answer it came from, so a person or an adviser can check every line.
import { pounds } from '../homes/affordability.ts';
import type { Source } from './rates.ts';

export interface MoneyLine {
  /** Stable id, for tests and the API. */
  id: string;
  /** What it is, as the result page says it. */
  label: string;
  /** A month, in pence: positive adds, negative takes away. */
  monthly: number;
  /** The rule, in plain words. */
  rule: string;
  /** "Because you said…": the answers it came from. */
  because: string;
  sources: Source[];
}

/** £1,234.56, or £1,234 for whole pounds; a minus sign for a negative amount. */
export function money(pence: number): string {
  const whole = Math.round(pence);
  return whole < 0 ? `-${pounds(-whole)}` : pounds(whole);
}

/** A rate as a person reads it: 0.55 as 55%. */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export const sum = (lines: readonly MoneyLine[]) => lines.reduce((total, line) => total + line.monthly, 0);
