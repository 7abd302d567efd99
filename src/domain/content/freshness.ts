// Freshness: every pack and directory entry carries the date someone last checked it; anything
// not checked for six months or more is listed for staff to review.

export const STALE_AFTER_MONTHS = 6;

/** The date (YYYY-MM-DD) on or before which an entry counts as stale, `months` before `today`. */
export function staleCutoff(today: string, months = STALE_AFTER_MONTHS): string {
  const date = new Date(`${today}T12:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0, 12)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

export function isStale(lastChecked: string, today: string, months = STALE_AFTER_MONTHS): boolean {
  return lastChecked <= staleCutoff(today, months);
}

/** The stale entries, oldest first. */
export function staleEntries<T extends { lastChecked: string }>(entries: readonly T[], today: string, months = STALE_AFTER_MONTHS): T[] {
  return entries.filter((e) => isStale(e.lastChecked, today, months)).sort((a, b) => a.lastChecked.localeCompare(b.lastChecked));
}
