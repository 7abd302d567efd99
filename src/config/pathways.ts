// Referral pathways (content/directory/pathways.json): for each need the self-assessment can
// flag, the directory services to refer to. Checked against the plan steps and the directory.
import { z } from 'zod';
import pathwaysJson from '../../content/directory/pathways.json' with { type: 'json' };
import { demoDirectory } from './directory.ts';
import { selfAssessment } from './self-assessment.ts';

const pathwaysSchema = z.object({ pathways: z.record(z.string(), z.array(z.string()).min(1)) });

export type Pathways = Readonly<Record<string, readonly string[]>>;

export function pathwayProblems(pathways: Pathways, needIds: string[], serviceIds: string[]): string[] {
  const problems: string[] = [];
  for (const need of needIds) if (!pathways[need]) problems.push(`no pathway for the need "${need}"`);
  for (const [need, services] of Object.entries(pathways)) {
    if (!needIds.includes(need)) problems.push(`"${need}" is not a need the self-assessment can flag`);
    for (const id of services) if (!serviceIds.includes(id)) problems.push(`${need}: no directory service "${id}"`);
  }
  return problems;
}

function load(): Pathways {
  const { pathways } = pathwaysSchema.parse(pathwaysJson);
  const problems = pathwayProblems(
    pathways,
    selfAssessment.plan.steps.map((s) => s.id),
    demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id)),
  );
  if (problems.length > 0) throw new Error(`content/directory/pathways.json does not fit:\n  - ${problems.join('\n  - ')}`);
  return pathways;
}

export const pathways: Pathways = load();

/** Directory service ids for a need, best first (empty for an unknown need). */
export function servicesForNeed(need: string): readonly string[] {
  return pathways[need] ?? [];
}
