// The managers' targets (content/reporting/targets.json), checked at start-up: every outcome,
// client group, team and service a definition names must exist, so a typo stops the build instead
// of quietly counting nothing.
import targetsJson from '../../content/reporting/targets.json' with { type: 'json' };
import { targetsFileSchema, type CaseDefinition, type TargetsFile, type Vocabulary } from '../domain/reporting/target-definition.ts';
import { casework, type CaseworkCodes } from './casework.ts';
import { council } from './council.ts';
import { selfAssessment } from './self-assessment.ts';
import { parseContent } from './parse-content.ts';

export interface KnownCodes {
  outcomes: ReadonlyMap<string, string>;
  clientGroups: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
}

export function knownCodes(codes: CaseworkCodes = casework): KnownCodes {
  return {
    outcomes: new Map(codes.outcomes.map((o) => [o.code, o.label])),
    clientGroups: new Map(codes.clientGroups.map((g) => [g.code, g.label])),
    teams: new Map(council.teams.map((t) => [t.id, t.name])),
    // The services a hand-off can go to (content/self-assessment/handoff-services.json).
    services: new Map(selfAssessment.services.map((s) => [s.id, s.name])),
  };
}

function unknownCodes(definition: CaseDefinition, known: KnownCodes): string[] {
  const problems: string[] = [];
  const check = (list: readonly string[] | undefined, map: ReadonlyMap<string, string>, what: string) => {
    for (const item of list ?? []) if (!map.has(item)) problems.push(`no ${what} "${item}"`);
  };
  check(definition.outcomes, known.outcomes, 'outcome');
  check(definition.alsoOutcomes, known.outcomes, 'outcome');
  check(definition.clientGroups, known.clientGroups, 'client group');
  check(definition.notClientGroups, known.clientGroups, 'client group');
  check(definition.teams, known.teams, 'team');
  check(definition.services, known.services, 'service');
  return problems;
}

export function parseTargets(input: unknown, known: KnownCodes = knownCodes()): TargetsFile {
  const file = parseContent('content/reporting/targets.json', targetsFileSchema, input);
  const problems = file.targets.flatMap((t) =>
    t.definition?.count === 'cases' ? unknownCodes(t.definition, known).map((p) => `${t.id}: ${p}`) : [],
  );
  if (problems.length > 0) throw new Error(`content/reporting/targets.json is not valid:\n  - ${problems.join('\n  - ')}`);
  return file;
}

export const targets: TargetsFile = parseTargets(targetsJson);

/** Codes in words, for the "how it is counted" lines. */
export function vocabulary(known: KnownCodes = knownCodes()): Vocabulary {
  return {
    outcome: (code) => known.outcomes.get(code) ?? code,
    clientGroup: (code) => known.clientGroups.get(code) ?? code,
    team: (id) => known.teams.get(id) ?? id,
    service: (id) => known.services.get(id) ?? id,
  };
}

/** What the managers' reports (and the job that works out their figures) need from the council's content. */
export type ReportSettings = ReturnType<typeof reportSettings>;

export function reportSettings() {
  const known = knownCodes();
  return { targets, known, words: vocabulary(known), casework };
}
