// The need level (emergency, high, moderate, low) from transparent rules kept as data
// (content/self-assessment/need-levels.json): the first rule that matches decides.
import type { z } from 'zod';
import type { Answers } from './answers.ts';
import { holdsWithDerived, reasonsFor } from './conditions.ts';
import type { needLevelContentSchema } from './content-schemas.ts';

export type NeedLevelRules = z.infer<typeof needLevelContentSchema>;
export type NeedLevel = 'emergency' | 'high' | 'moderate' | 'low';

export interface NeedAssessment {
  level: NeedLevel;
  label: string;
  explanation: string;
  /** The answers that decided it (empty for low). */
  because: Array<{ q: string; values: string[] }>;
}

export function assessNeed(rules: NeedLevelRules, answers: Answers): NeedAssessment {
  for (const rule of rules.levels) {
    if (holdsWithDerived(rule.when, answers)) {
      return { level: rule.level, label: rule.label, explanation: rule.explanation, because: reasonsFor(rule.when, answers) };
    }
  }
  return { level: 'low', label: rules.low.label, explanation: rules.low.explanation, because: [] };
}

/** Moderate and high needs are offered the hand-off; emergency shows contacts first, then offers it. */
export function offersHandoff(level: NeedLevel): boolean {
  return level !== 'low';
}
