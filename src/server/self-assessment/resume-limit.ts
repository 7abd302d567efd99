// Wrong return codes are limited per network address (held in memory, never stored): 10 tries,
// then one more every minute. A code has about 59 bits, so this only stops brute force.
import { TokenBuckets } from '../../domain/security/token-bucket.ts';

let buckets: TokenBuckets | undefined;

export function resumeLimits(): TokenBuckets {
  buckets ??= new TokenBuckets({ size: 10, refillSeconds: 60 });
  return buckets;
}
