// Referral pathways: for each need the self-assessment can flag (a plan step id), the directory
// services to refer to, best first. The result page, the hand-off choices and the adviser's
// referral screen all read them.

export type Pathways = Readonly<Record<string, readonly string[]>>;

/** What in a set of pathways does not fit the needs and the directory, in words an editor can act on. */
export function pathwayProblems(pathways: Pathways, needIds: string[], serviceIds: string[]): string[] {
  const problems: string[] = [];
  for (const need of needIds) if (!pathways[need]) problems.push(`no pathway for the need "${need}"`);
  for (const [need, services] of Object.entries(pathways)) {
    if (!needIds.includes(need)) problems.push(`"${need}" is not a need the self-assessment can flag`);
    for (const id of services) if (!serviceIds.includes(id)) problems.push(`${need}: no directory service "${id}"`);
  }
  return problems;
}

/** Directory services for a set of needs, in the needs' order and each pathway's order, without repeats. */
export function servicesForNeeds(pathways: Pathways, needIds: readonly string[]): string[] {
  return [...new Set(needIds.flatMap((need) => pathways[need] ?? []))];
}

/**
 * The hand-off services to suggest for a plan: those standing behind a directory service that the
 * plan's pathways name, ordered by where that service first appears (so the most urgent need leads).
 */
export function suggestedHandoffs(
  pathways: Pathways,
  needIds: readonly string[],
  handoffs: ReadonlyArray<{ id: string; directoryServiceIds: readonly string[] }>,
): string[] {
  const ranked = servicesForNeeds(pathways, needIds);
  const rankOf = (handoff: { directoryServiceIds: readonly string[] }) =>
    Math.min(...handoff.directoryServiceIds.map((id) => ranked.indexOf(id)).filter((i) => i >= 0));
  return handoffs
    .filter((handoff) => Number.isFinite(rankOf(handoff)))
    .sort((a, b) => rankOf(a) - rankOf(b))
    .map((handoff) => handoff.id);
}
