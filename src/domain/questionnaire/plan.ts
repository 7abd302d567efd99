// The personal action plan: the plan steps whose conditions match the answers, most urgent
// first, each with the answers that put it there ("you are seeing this because you said ...").
import type { z } from 'zod';
import type { Answers } from './answers.ts';
import { holdsWithDerived, reasonsFor } from './conditions.ts';
import type { planContentSchema } from './content-schemas.ts';

export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanStepContent = PlanContent['steps'][number];
export type Domain = PlanStepContent['domain'];

export interface PlanStep extends PlanStepContent {
  because: Array<{ q: string; values: string[] }>;
}

export function buildPlan(content: PlanContent, answers: Answers): PlanStep[] {
  return content.steps
    .map((step, order) => ({ step, order }))
    .filter(({ step }) => holdsWithDerived(step.when, answers))
    .sort((a, b) => a.step.priority - b.step.priority || a.order - b.order)
    .map(({ step }) => ({ ...step, because: reasonsFor(step.when, answers) }));
}

/** Domains the plan touches, in a fixed order: these are the "domains flagged" in the counts. */
export function flaggedDomains(plan: PlanStep[]): Domain[] {
  const order: Domain[] = ['housing', 'money', 'work', 'support'];
  return order.filter((domain) => plan.some((step) => step.domain === domain));
}

/** Topic tags of the information packs that apply, most urgent first, without repeats. */
export function packTagsFor(plan: PlanStep[]): string[] {
  return [...new Set(plan.flatMap((step) => step.packTags))];
}
