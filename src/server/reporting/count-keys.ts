// Every count on the reports that stands for cases carries a key; the key says which definition
// and which dates, so the list of case references behind the count is the same query, narrowed
// to the same window. Keys are checked here: nothing in one reaches SQL but known codes and dates.
import { NEED_LEVELS } from '../../domain/casework/statuses.ts';
import type { CaseDefinition, Target } from '../../domain/reporting/target-definition.ts';
import type { KnownCodes } from '../../config/targets.ts';
import type { DateWindow } from './case-counts.ts';
import { PREVENTED_OR_RELIEVED } from './case-query.ts';

/**
 * The case steps of the early-intervention funnel. Each step keeps the one before it and adds its
 * own condition, so a step is never larger than the one before: of the hand-offs sent, those
 * contacted in time; of those, the ones with an outcome; of those, homelessness prevented or
 * relieved; of those, still housed at the 6-month follow-up.
 */
export const FUNNEL_STAGES = {
  sent: { title: 'Hand-offs sent', definition: { count: 'cases', countedOn: 'handoff' } },
  contacted: { title: 'Contacted within the time promised', definition: { count: 'cases', countedOn: 'handoff', contacted: 'in-time' } },
  outcome: { title: 'Outcome recorded', definition: null },
  prevented: { title: 'Homelessness prevented or relieved', definition: { count: 'cases', countedOn: 'handoff', contacted: 'in-time', outcomes: [...PREVENTED_OR_RELIEVED] } },
  sustained: {
    title: 'Still housed at the 6-month follow-up',
    definition: { count: 'cases', countedOn: 'handoff', contacted: 'in-time', outcomes: [...PREVENTED_OR_RELIEVED], followUp: { monthsAfter: 6, stillHoused: true } },
  },
} as const satisfies Record<string, { title: string; definition: CaseDefinition | null }>;

export type FunnelStage = keyof typeof FUNNEL_STAGES;

/** A funnel stage's definition: "outcome recorded" means any of the council's outcome codes. */
export function stageDefinition(stage: FunnelStage, known: KnownCodes): CaseDefinition {
  return FUNNEL_STAGES[stage].definition ?? { count: 'cases', countedOn: 'handoff', contacted: 'in-time', outcomes: [...known.outcomes.keys()] };
}

export interface KeyedCount {
  title: string;
  definition: CaseDefinition;
  window: DateWindow;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function countKey(kind: string, id: string, window: DateWindow): string {
  return `${kind}:${id}:${window.from}:${window.to}`;
}

/** What a key counts, or null when it is not one the reports make. */
export function resolveCountKey(key: string, known: KnownCodes, targets: readonly Target[]): KeyedCount | null {
  const parts = key.split(':');
  if (parts.length !== 4) return null;
  const [kind, id, from, to] = parts as [string, string, string, string];
  if (!DATE.test(from) || !DATE.test(to) || from > to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return null;
  const window = { from, to };
  switch (kind) {
    case 'target': {
      const target = targets.find((t) => t.id === id);
      if (target?.definition?.count !== 'cases') return null;
      return { title: `${target.label}: ${target.wording}`, definition: target.definition, window };
    }
    case 'need':
      if (!(NEED_LEVELS as readonly string[]).includes(id)) return null;
      return { title: `Hand-offs with need level ${id}`, definition: { count: 'cases', countedOn: 'handoff', needLevels: [id as (typeof NEED_LEVELS)[number]] }, window };
    case 'service':
      if (!/^[a-z0-9-]+$/.test(id)) return null;
      return { title: `Hand-offs to ${known.services.get(id) ?? id}`, definition: { count: 'cases', countedOn: 'handoff', services: [id] }, window };
    case 'outcome':
      if (id !== 'any' && !known.outcomes.has(id)) return null;
      return {
        title: id === 'any' ? 'Cases with any outcome recorded' : `Cases with the outcome “${known.outcomes.get(id)}”`,
        definition: { count: 'cases', countedOn: 'outcome', outcomes: id === 'any' ? [...known.outcomes.keys()] : [id] },
        window,
      };
    case 'funnel':
      if (!Object.hasOwn(FUNNEL_STAGES, id)) return null;
      return { title: `${FUNNEL_STAGES[id as FunnelStage].title}, from hand-offs sent in the period`, definition: stageDefinition(id as FunnelStage, known), window };
    case 'group':
      if (!known.clientGroups.has(id)) return null;
      return { title: `Cases closed in the client group “${known.clientGroups.get(id)}”`, definition: { count: 'cases', countedOn: 'closed', clientGroups: [id] }, window };
    default:
      return null;
  }
}
