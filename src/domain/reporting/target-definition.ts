// What a target counts, as data (content/reporting/targets.json), and the same definition in
// plain words for the report's "how it is counted" line: the words are made from the definition,
// so they cannot drift from what is counted.
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9-]+$/);
const needLevel = z.enum(['emergency', 'high', 'moderate', 'low']);

/** Which date puts a case in a period. */
export const COUNTED_ON = ['handoff', 'outcome', 'closed', 'follow-up', 'health-check', 'relet'] as const;

export const caseDefinitionSchema = z
  .object({
    count: z.literal('cases'),
    countedOn: z.enum(COUNTED_ON),
    needLevels: z.array(needLevel).min(1).optional(),
    teams: z.array(code).min(1).optional(),
    services: z.array(code).min(1).optional(),
    /** With countedOn 'outcome': the outcome whose date counts. Otherwise: has one of these outcomes. */
    outcomes: z.array(code).min(1).optional(),
    /** That outcome's extra answer is one of these. */
    outcomeDetail: z.array(z.string().min(1)).min(1).optional(),
    /** And, at any time, one of these outcomes too. */
    alsoOutcomes: z.array(code).min(1).optional(),
    clientGroups: z.array(code).min(1).optional(),
    notClientGroups: z.array(code).min(1).optional(),
    contacted: z.enum(['any', 'in-time']).optional(),
    /** The latest personal plan: any plan ({}), one with a step in `area`, or one with such a step done. */
    plan: z
      .object({ area: z.enum(['housing', 'money', 'work', 'training', 'support']).optional(), stepDone: z.boolean().optional() })
      .strict()
      .optional(),
    followUp: z
      .object({
        monthsAfter: z.union([z.literal(3), z.literal(6)]),
        stillHoused: z.boolean().optional(),
        inWorkOrTraining: z.boolean().optional(),
        /** The follow-up said they are financially secure (Blackpool's WRS3). */
        financiallySecure: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => d.countedOn !== 'outcome' || d.outcomes, { error: 'countedOn "outcome" needs the outcomes that count' })
  .refine((d) => d.countedOn !== 'follow-up' || d.followUp, { error: 'countedOn "follow-up" needs followUp' })
  .refine((d) => !d.outcomeDetail || d.outcomes, { error: 'outcomeDetail needs outcomes' });

export type CaseDefinition = z.infer<typeof caseDefinitionSchema>;

export const targetDefinitionSchema = z.union([
  caseDefinitionSchema,
  z.object({ count: z.literal('weekly-visitors'), averageOverWeeks: z.number().int().min(1).max(52) }).strict(),
  z.object({ count: z.literal('homes-let'), emptyHomesOnly: z.boolean().optional() }).strict(),
]);

export type TargetDefinition = z.infer<typeof targetDefinitionSchema>;

export const targetSchema = z
  .object({
    id: code,
    plan: code,
    label: z.string().min(1),
    wording: z.string().min(1),
    planDate: z.string().min(1),
    from: z.iso.date(),
    by: z.iso.date(),
    baseline: z.number().min(0),
    /** Null when the plan sets no number ("contribute to ..."). */
    target: z.number().min(0).nullable(),
    direction: z.enum(['up', 'down']),
    definition: targetDefinitionSchema.optional(),
    /** For a target the data cannot answer: what is missing. */
    missingData: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => t.from < t.by, { error: '"from" must be before "by"' })
  .refine((t) => (t.definition ? !t.missingData : !!t.missingData), { error: 'a target has either a definition or missingData, not both' });

export type Target = z.infer<typeof targetSchema>;

export const targetsFileSchema = z
  .object({
    $comment: z.string().optional(),
    plans: z.array(z.object({ id: code, name: z.string().min(1) }).strict()).min(1),
    targets: z.array(targetSchema),
  })
  .strict()
  .refine((f) => new Set(f.targets.map((t) => t.id)).size === f.targets.length, { error: 'target ids must be unique' })
  .refine((f) => f.targets.every((t) => f.plans.some((p) => p.id === t.plan)), { error: 'every target must name one of the plans' });

export type TargetsFile = z.infer<typeof targetsFileSchema>;

/** The names the words use for codes: outcome labels, team names and so on. */
export interface Vocabulary {
  outcome(code: string): string;
  team(id: string): string;
  service(id: string): string;
  clientGroup(code: string): string;
}

function list(items: readonly string[], joiner: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
}

const quote = (s: string) => `“${s}”`;

const COUNTED_ON_WORDS: Record<CaseDefinition['countedOn'], string> = {
  handoff: 'on the day the hand-off was sent',
  outcome: 'on the day that outcome was recorded',
  closed: 'on the day the case was closed',
  'follow-up': 'on the day the follow-up was recorded',
  'health-check': 'on the day its first income maximisation health check was recorded',
  relet: 'on the day the home they left was re-let',
};

/** The definition in a sentence, for the report's "how it is counted" line. */
export function describeDefinition(definition: TargetDefinition, words: Vocabulary): string {
  if (definition.count === 'weekly-visitors') {
    return `The average of weekly unique visitors over the last ${definition.averageOverWeeks} complete weeks (Monday to Sunday). A visitor is one browser on one connection in one week, counted without cookies.`;
  }
  if (definition.count === 'homes-let') {
    return `${definition.emptyHomesOnly ? 'Homes marked as empty homes brought back into use' : 'Homes'} whose tenancy started through the homes listing, counted on the day the tenancy started.`;
  }
  const parts: string[] = [];
  if (definition.needLevels) parts.push(`with need level ${list(definition.needLevels)}`);
  if (definition.teams) parts.push(`handed to the ${list(definition.teams.map(words.team))}`);
  if (definition.services) parts.push(`handed to ${list(definition.services.map(words.service))}`);
  if (definition.outcomes) {
    const detail = definition.outcomeDetail ? ` (answered ${list(definition.outcomeDetail.map(quote))})` : '';
    parts.push(`with the outcome ${list(definition.outcomes.map((c) => quote(words.outcome(c))))}${detail}`);
  }
  if (definition.alsoOutcomes)
    parts.push(
      `${definition.outcomes ? 'and also' : 'with'} the outcome ${list(definition.alsoOutcomes.map((c) => quote(words.outcome(c))))}`,
    );
  if (definition.clientGroups) parts.push(`in the client group ${list(definition.clientGroups.map((c) => quote(words.clientGroup(c))))}`);
  if (definition.notClientGroups)
    parts.push(
      `in none of the client groups ${list(
        definition.notClientGroups.map((c) => quote(words.clientGroup(c))),
        'and',
      )}`,
    );
  if (definition.contacted === 'any') parts.push('whom an adviser has contacted');
  if (definition.contacted === 'in-time') parts.push('contacted within the time promised');
  if (definition.plan) {
    const area = definition.plan.area ? ` with a step about ${definition.plan.area}` : '';
    parts.push(
      definition.plan.stepDone
        ? `whose latest personal plan has a step about ${definition.plan.area ?? 'anything'} marked done`
        : `with a personal plan${area}`,
    );
  }
  if (definition.followUp) {
    const says = [
      definition.followUp.stillHoused ? 'still housed' : null,
      definition.followUp.inWorkOrTraining ? 'in work or training' : null,
      definition.followUp.financiallySecure ? 'financially secure' : null,
    ].filter((s): s is string => s !== null);
    parts.push(`whose ${definition.followUp.monthsAfter}-month follow-up says ${says.length ? list(says, 'and') : 'anything'}`);
  }
  if (definition.countedOn === 'health-check') parts.push('with an income maximisation health check recorded');
  if (definition.countedOn === 'relet') parts.push('who moved to a smaller home whose freed home has been re-let');
  return `Cases ${parts.join(', ')}, counted ${COUNTED_ON_WORDS[definition.countedOn]}. Each case counts once.`;
}
