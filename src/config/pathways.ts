// Referral pathways (content/directory/pathways.json), checked against the plan steps, the
// directory, and the hand-off services that stand behind directory services.
import { z } from 'zod';
import pathwaysJson from '../../content/directory/pathways.json' with { type: 'json' };
import { pathwayProblems, type Pathways } from '../domain/directory/pathways.ts';
import { demoDirectory } from './directory.ts';
import { selfAssessment } from './self-assessment.ts';

const pathwaysSchema = z.object({ pathways: z.record(z.string(), z.array(z.string()).min(1)) });

function load(): Pathways {
  const { pathways } = pathwaysSchema.parse(pathwaysJson);
  const directoryIds = demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id));
  const problems = pathwayProblems(
    pathways,
    selfAssessment.plan.steps.map((s) => s.id),
    directoryIds,
  );
  for (const handoff of selfAssessment.services) {
    for (const id of handoff.directoryServiceIds) {
      if (!directoryIds.includes(id)) problems.push(`handoff-services.json (${handoff.id}): no directory service "${id}"`);
    }
    if (handoff.partnerServiceId && !directoryIds.includes(handoff.partnerServiceId))
      problems.push(`handoff-services.json (${handoff.id}): no directory service "${handoff.partnerServiceId}" for partnerServiceId`);
  }
  if (problems.length > 0) throw new Error(`content/directory/pathways.json does not fit:\n  - ${problems.join('\n  - ')}`);
  return pathways;
}

export const pathways: Pathways = load();

/** Directory service ids for a need, best first (empty for an unknown need). */
export function servicesForNeed(need: string): readonly string[] {
  return pathways[need] ?? [];
}
