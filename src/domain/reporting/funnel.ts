// The case steps of the early-intervention funnel. Each step keeps the one before it and adds its
// own condition, so a step is never larger than the one before: of the hand-offs sent, those
// contacted in time; of those, the ones with an outcome; of those, homelessness prevented or
// relieved; of those, still housed at the 6-month follow-up. Counted by the week (or quarter) the
// hand-off was sent, so each row follows one group of people.
import { PREVENTED_OR_RELIEVED } from './case-metrics.ts';
import type { CaseDefinition } from './target-definition.ts';

export const FUNNEL_STAGES = ['sent', 'contacted', 'outcome', 'prevented', 'sustained'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_TITLES: Record<FunnelStage, string> = {
  sent: 'Hand-offs sent',
  contacted: 'Contacted within the time promised',
  outcome: 'Outcome recorded',
  prevented: 'Homelessness prevented or relieved',
  sustained: 'Still housed at the 6-month follow-up',
};

/** Each step's definition; "outcome recorded" means any of the council's outcome codes. */
export function funnelDefinition(stage: FunnelStage, outcomeCodes: readonly string[]): CaseDefinition {
  const base = { count: 'cases', countedOn: 'handoff' } as const;
  switch (stage) {
    case 'sent':
      return base;
    case 'contacted':
      return { ...base, contacted: 'in-time' };
    case 'outcome':
      return { ...base, contacted: 'in-time', outcomes: [...outcomeCodes] };
    case 'prevented':
      return { ...base, contacted: 'in-time', outcomes: [...PREVENTED_OR_RELIEVED] };
    case 'sustained':
      return { ...base, contacted: 'in-time', outcomes: [...PREVENTED_OR_RELIEVED], followUp: { monthsAfter: 6, stillHoused: true } };
  }
}
