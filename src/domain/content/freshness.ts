// Freshness: every pack and directory entry carries the date someone last checked it; anything
// not checked for six months or more is listed for staff to review.

import { addMonths } from '../time/working-days.ts';

export const STALE_AFTER_MONTHS = 6;

/** The date (YYYY-MM-DD) on or before which an entry counts as stale, `months` before `today`. */
export function staleCutoff(today: string, months = STALE_AFTER_MONTHS): string {
  return addMonths(today, -months);
}

export function isStale(lastChecked: string, today: string, months = STALE_AFTER_MONTHS): boolean {
  return lastChecked <= staleCutoff(today, months);
}

/** The stale entries, oldest first. */
export function staleEntries<T extends { lastChecked: string }>(entries: readonly T[], today: string, months = STALE_AFTER_MONTHS): T[] {
  return entries.filter((e) => isStale(e.lastChecked, today, months)).sort((a, b) => a.lastChecked.localeCompare(b.lastChecked));
}
