// How long the service keeps each kind of record, and when each is deleted. The consent a person
// gives says their details are deleted a set time after their case is closed
// (council.json `handoff.retentionMonths`); the rest are the service's own rules. The retention
// job (src/server/retention/retention.ts) applies those not already applied by a job of their own.
import { countOf } from '../text/plural.ts';
import { addMonths } from '../time/working-days.ts';

/**
 * When a case closed at `closedAt` is due to be deleted: the same day and time, `months` calendar
 * months later, or the last day of that month when it is shorter (31 January + 1 month is
 * 28 February, never 3 March).
 */
export function retentionEnds(closedAt: Date, months: number): string {
  const iso = closedAt.toISOString();
  return `${addMonths(iso.slice(0, 10), months)}${iso.slice(10)}`;
}

/** Sent email is kept this long (for "was it sent?"), then deleted. */
export const SENT_OUTBOX_KEEP_DAYS = 30;
/** A used or expired password link is kept this long (for "did they use it?"), then deleted. */
export const RESET_LINK_KEEP_DAYS = 7;

/** The rule a deleted case's tombstone names. (Drafts, sessions and visitor hashes have jobs of their own: purge-drafts, purge-sessions, analytics-weeks.) */
export function caseRetentionRule(months: number): string {
  return `deleted ${countOf(months, 'month')} after the case closed (the consent's promise)`;
}
