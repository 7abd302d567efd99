// Limits on what anyone can do on the public site without signing in, per network address (kept
// as a keyed hash, never the address): starting a self-assessment and sending a hand-off. They
// stop one address flooding the teams' queues or the database, while a shared address (a library,
// a hostel, an advice centre) still has room for many people. Every instance shares them
// (src/server/security/shared-buckets.ts). Settings: SELF_ASSESSMENTS_PER_HOUR, HANDOFFS_PER_HOUR,
// PACK_REQUESTS_PER_HOUR, SHARE_CODES_PER_HOUR.
import type { Settings } from '../../config/settings.ts';
import type { BucketOptions, RateLimiter } from '../../domain/security/token-bucket.ts';
import type { DbExecutor } from '../db/executor.ts';
import { SharedBuckets } from './shared-buckets.ts';

/** A bucket that holds an hour's allowance and gives one back every (hour ÷ allowance). */
export function perHour(allowance: number): BucketOptions {
  return { size: allowance, refillSeconds: 3600 / allowance };
}

export interface PublicLimits {
  /** Starting a self-assessment (each start makes a draft). */
  starts: RateLimiter;
  /** Sending a hand-off to a team. */
  handoffs: RateLimiter;
  /** Asking for information packs by post (each is a letter staff print and post). */
  packRequests: RateLimiter;
  /** Making a share code (each can send an email or a text to an address the person types). */
  shareCodes: RateLimiter;
}

export function publicLimitOptions(
  settings: Pick<Settings, 'selfAssessmentsPerHour' | 'handoffsPerHour' | 'packRequestsPerHour' | 'shareCodesPerHour'>,
): Record<keyof PublicLimits, BucketOptions> {
  return {
    starts: perHour(settings.selfAssessmentsPerHour),
    handoffs: perHour(settings.handoffsPerHour),
    packRequests: perHour(settings.packRequestsPerHour),
    shareCodes: perHour(settings.shareCodesPerHour),
  };
}

export function publicLimits(db: DbExecutor, settings: Settings, clock: () => number = Date.now): PublicLimits {
  const options = publicLimitOptions(settings);
  return {
    starts: new SharedBuckets(db, 'self-assessment-start', options.starts, settings.dataKeys, clock),
    handoffs: new SharedBuckets(db, 'handoff', options.handoffs, settings.dataKeys, clock),
    packRequests: new SharedBuckets(db, 'pack-request', options.packRequests, settings.dataKeys, clock),
    shareCodes: new SharedBuckets(db, 'share-code-made', options.shareCodes, settings.dataKeys, clock),
  };
}

/** Thrown by a use case when the address has used up its allowance; src/middleware.ts answers with the 429 page (src/pages/too-many-requests.astro). */
export class TooManyRequests extends Error {
  override name = 'TooManyRequests';
  readonly limit: keyof PublicLimits;
  readonly retryAfterSeconds: number;
  constructor(limit: keyof PublicLimits, retryAfterSeconds: number) {
    super(`Too many requests (${limit}): try again in ${retryAfterSeconds} seconds`);
    this.limit = limit;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }
}

/** Takes one of the address's tokens for this limit, or throws TooManyRequests saying how long to wait. */
export async function takeToken(limits: PublicLimits, limit: keyof PublicLimits, address: string): Promise<void> {
  if (await limits[limit].consume(address)) return;
  throw new TooManyRequests(limit, await limits[limit].secondsUntilAllowed(address));
}
