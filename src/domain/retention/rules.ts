// How long the service keeps each kind of record, and when each is deleted. The consent a person
// gives says their details are deleted a set time after their case is closed
// (council.json `handoff.retentionMonths`); the rest are the service's own rules. The retention
// job (src/server/retention/retention.ts) applies those not already applied by a job of their own.

/** When a case closed at `closedAt` is due to be deleted: the same day and time, `months` later. */
export function retentionEnds(closedAt: Date, months: number): string {
  const until = new Date(closedAt);
  until.setUTCMonth(until.getUTCMonth() + months);
  return until.toISOString();
}

/** Sent email is kept this long (for "was it sent?"), then deleted. */
export const SENT_OUTBOX_KEEP_DAYS = 30;
/** A used or expired password link is kept this long (for "did they use it?"), then deleted. */
export const RESET_LINK_KEEP_DAYS = 7;

/** Every rule, in words, for the README and the audit tombstones. */
export const RETENTION_RULES = {
  case: (months: number) => `deleted ${months} months after the case closed (the consent's promise)`,
  sentOutbox: `sent email deleted ${SENT_OUTBOX_KEEP_DAYS} days after sending`,
  resetLink: `password links deleted ${RESET_LINK_KEEP_DAYS} days after use or expiry`,
  draft: 'unsaved answers deleted after DRAFT_IDLE_HOURS idle; saved ones SAVED_DRAFT_DAYS after saving (purge-drafts job)',
  session: 'staff sessions deleted once idle or past their lifetime (purge-sessions job)',
  visitorHashes: "each week's visitor hashes and salt deleted when the week ends, keeping only the count (analytics-weeks job)",
} as const;

