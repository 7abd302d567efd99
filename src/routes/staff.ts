// Back-office addresses the server and the islands both use. Imports nothing.
export const STAFF_ROUTES = {
  queue: '/staff/queue',
  /** The queue's rows as JSON, for the filter island. */
  queueRows: '/staff/queue/rows.json',
  followUps: '/staff/follow-ups',
  referrals: '/staff/referrals',
} as const;

export function caseUrl(caseId: string): string {
  return `/staff/cases/${caseId}`;
}

export function referralUrl(referralId: string): string {
  return `/staff/referrals/${referralId}`;
}
