// Wrong return codes are limited per network address: 10 tries, then one more every minute. The
// limit is kept in the database (as a keyed hash of the address, never the address), so every
// instance shares it. A code has about 59 bits, so this only stops brute force.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { RateLimiter } from '../../domain/security/token-bucket.ts';
import type { DbExecutor } from '../db/executor.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';

export const RESUME_LIMIT = { size: 10, refillSeconds: 60 };

export function resumeLimits(db: DbExecutor, ring: DataKeyring): RateLimiter {
  return new SharedBuckets(db, 'resume-code', RESUME_LIMIT, ring);
}
