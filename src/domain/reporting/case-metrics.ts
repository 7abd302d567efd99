// Which figures of the managers' reports a case counts in, and from which day: worked out from
// the case's own facts, one case at a time, whenever it changes (the `report-figures` job). A
// case counts in a figure from the first day (England) it met the figure's definition, so it
// counts once in any period, and a report adds up days instead of reading cases.
import { localDate } from '../time/working-days.ts';
import type { CaseDefinition } from './target-definition.ts';
import { freedSize, incentiveBand } from '../downsizing/chain.ts';

/** What a definition can ask about a case. */
export interface CaseFacts {
  id: string;
  needLevel: string;
  teamId: string;
  serviceId: string;
  /** ISO instants. */
  createdAt: string;
  acknowledgedAt: string | null;
  /** The date contact was promised by; for an emergency, the instant instead. */
  acknowledgeBy: string;
  urgentContactBy: string | null;
  closedAt: string | null;
  clientGroups: readonly string[];
  /** The website's language the self-assessment was done in, the language to contact them in, and whether they need an interpreter. */
  siteLanguage: string;
  contactLanguage: string;
  interpreter: boolean;
  /** How it came: the website on their own, or with an adviser (src/domain/assisted/channels.ts). */
  channel: string;
  outcomes: ReadonlyArray<{ code: string; detail: string | null; recordedAt: string }>;
  followUps: ReadonlyArray<{
    monthsAfter: number;
    stillHoused: number | null;
    inWorkOrTraining: number | null;
    financiallySecure: number | null;
    recordedAt: string | null;
  }>;
  /** When each income maximisation health check was recorded. */
  healthChecks: ReadonlyArray<{ recordedAt: string }>;
  /** The move to a smaller home and the re-let of the home it freed (dates YYYY-MM-DD), or null. */
  downsizing: { movedOn: string; bedroomsLeft: number; incentivePaidPence: number; reletOn: string | null } | null;
  /** The items of the latest personal plan, or null with no plan. */
  latestPlan: ReadonlyArray<{ area: string; status: string }> | null;
}

export interface MetricDefinition {
  /** Such as "target:stoke-3" or "funnel:contacted". */
  key: string;
  definition: CaseDefinition;
}

/** Outcomes that end homelessness: prevented or relieved (H-CLIC's prevention and relief duties). */
export const PREVENTED_OR_RELIEVED = ['prevented-stayed', 'prevented-moved', 'relieved'] as const;

/** Contact within the time promised: by an emergency's deadline, or by the end of the promised day in England. */
export function contactedInTime(facts: Pick<CaseFacts, 'acknowledgedAt' | 'acknowledgeBy' | 'urgentContactBy'>): boolean {
  if (!facts.acknowledgedAt) return false;
  if (facts.urgentContactBy) return facts.acknowledgedAt <= facts.urgentContactBy;
  return localDate(new Date(facts.acknowledgedAt)) <= facts.acknowledgeBy;
}

/** The instants at which the case meets the definition (empty when it does not). */
export function qualifyingInstants(definition: CaseDefinition, c: CaseFacts): string[] {
  const d = definition;
  if (d.needLevels && !d.needLevels.includes(c.needLevel as never)) return [];
  if (d.teams && !d.teams.includes(c.teamId)) return [];
  if (d.services && !d.services.includes(c.serviceId)) return [];
  if (d.clientGroups && !c.clientGroups.some((g) => d.clientGroups!.includes(g))) return [];
  if (d.notClientGroups && c.clientGroups.some((g) => d.notClientGroups!.includes(g))) return [];
  if (d.contacted === 'any' && !c.acknowledgedAt) return [];
  if (d.contacted === 'in-time' && !contactedInTime(c)) return [];
  const outcomeMatches = c.outcomes.filter(
    (o) => d.outcomes?.includes(o.code) && (!d.outcomeDetail || (o.detail !== null && d.outcomeDetail.includes(o.detail))),
  );
  if (d.outcomes && outcomeMatches.length === 0) return [];
  if (d.alsoOutcomes && !c.outcomes.some((o) => d.alsoOutcomes!.includes(o.code))) return [];
  if (d.plan) {
    if (!c.latestPlan) return [];
    const { area, stepDone } = d.plan;
    if ((area || stepDone) && !c.latestPlan.some((item) => (!area || item.area === area) && (!stepDone || item.status === 'done')))
      return [];
  }
  const followUpMatches = d.followUp
    ? c.followUps.filter(
        (f) =>
          f.monthsAfter === d.followUp!.monthsAfter &&
          f.recordedAt !== null &&
          (!d.followUp!.stillHoused || f.stillHoused === 1) &&
          (!d.followUp!.inWorkOrTraining || f.inWorkOrTraining === 1) &&
          (!d.followUp!.financiallySecure || f.financiallySecure === 1),
      )
    : [];
  if (d.followUp && followUpMatches.length === 0) return [];
  switch (d.countedOn) {
    case 'handoff':
      return [c.createdAt];
    case 'closed':
      return c.closedAt ? [c.closedAt] : [];
    case 'outcome':
      return outcomeMatches.map((o) => o.recordedAt);
    case 'follow-up':
      return followUpMatches.map((f) => f.recordedAt!);
    case 'health-check':
      return c.healthChecks.map((h) => h.recordedAt);
    case 'relet':
      // Noon on the day (England): the day itself, whatever the clocks do.
      return c.downsizing?.reletOn ? [`${c.downsizing.reletOn}T12:00:00.000Z`] : [];
  }
}

const firstDay = (instants: readonly string[]) => localDate(new Date(instants.reduce((a, b) => (a < b ? a : b))));

/**
 * Every figure the case counts in, with its first day: each definition given, and the
 * breakdowns every report has (need level, service, languages and channel on the day sent, each outcome on the day
 * first recorded, any outcome, each client group on the day closed).
 */
export function caseMetrics(c: CaseFacts, definitions: readonly MetricDefinition[]): Map<string, string> {
  const metrics = new Map<string, string>();
  const sent = localDate(new Date(c.createdAt));
  metrics.set(`need:${c.needLevel}`, sent);
  metrics.set(`service:${c.serviceId}`, sent);
  metrics.set(`site-language:${c.siteLanguage}`, sent);
  metrics.set(`contact-language:${c.contactLanguage}`, sent);
  if (c.interpreter) metrics.set(`interpreter:${c.contactLanguage}`, sent);
  metrics.set(`channel:${c.channel}`, sent);
  if (c.outcomes.length > 0) {
    metrics.set('outcome:any', firstDay(c.outcomes.map((o) => o.recordedAt)));
    metrics.set(`channel-outcome:${c.channel}`, firstDay(c.outcomes.map((o) => o.recordedAt)));
  }
  for (const code of new Set(c.outcomes.map((o) => o.code)))
    metrics.set(`outcome:${code}`, firstDay(c.outcomes.filter((o) => o.code === code).map((o) => o.recordedAt)));
  if (c.closedAt) for (const group of new Set(c.clientGroups)) metrics.set(`group:${group}`, localDate(new Date(c.closedAt)));
  // A downsizing counts once the home it freed is re-let, by the size of that home and the incentive paid.
  if (c.downsizing?.reletOn) {
    metrics.set(`relet-size:${freedSize(c.downsizing.bedroomsLeft)}`, c.downsizing.reletOn);
    metrics.set(`relet-incentive:${incentiveBand(c.downsizing.incentivePaidPence)}`, c.downsizing.reletOn);
  }
  for (const { key, definition } of definitions) {
    const instants = qualifyingInstants(definition, c);
    if (instants.length > 0) metrics.set(key, firstDay(instants));
  }
  return metrics;
}
