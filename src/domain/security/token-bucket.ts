// A token bucket per key (Lucia's rate-limit guide): each attempt takes a token, tokens come back
// one per interval, up to the bucket's size. The arithmetic is here; the buckets are kept in
// memory (TokenBuckets, for one process) or in the database (src/server/security/shared-buckets.ts).

export interface BucketOptions {
  size: number;
  refillSeconds: number;
}

/** One bucket's state: tokens left, and when they were last topped up (ms since 1970). */
export interface Bucket {
  tokens: number;
  refilledAt: number;
}

/** The bucket as it stands at `now`: a missing one is full; tokens come back one per interval. */
export function bucketAt(bucket: Bucket | undefined, options: BucketOptions, now: number): Bucket {
  if (!bucket) return { tokens: options.size, refilledAt: now };
  const refills = Math.floor((now - bucket.refilledAt) / (options.refillSeconds * 1000));
  if (refills <= 0) return bucket;
  const tokens = Math.min(options.size, bucket.tokens + refills);
  // A full bucket starts its interval afresh.
  return { tokens, refilledAt: tokens === options.size ? now : bucket.refilledAt + refills * options.refillSeconds * 1000 };
}

/** Seconds until the next token comes back (0 when there is one). */
export function secondsUntilToken(bucket: Bucket, options: BucketOptions, now: number): number {
  if (bucket.tokens > 0) return 0;
  return Math.ceil((bucket.refilledAt + options.refillSeconds * 1000 - now) / 1000);
}

/** What a rate limit offers its callers, kept in memory or in the database. */
export interface RateLimiter {
  /** Whether an attempt may go ahead now (without taking a token). */
  allows(key: string): Promise<boolean>;
  /** Takes a token; false when the bucket is empty. */
  consume(key: string): Promise<boolean>;
  secondsUntilAllowed(key: string): Promise<number>;
  /** Gives one token back (never above the bucket's size): for an attempt that, once made, should not count. */
  refund(key: string): Promise<void>;
  /** Fills the bucket again. */
  reset(key: string): Promise<void>;
}

/** Buckets held in memory: enough for one process (and for tests). */
export class TokenBuckets implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly options: BucketOptions;
  private readonly clock: () => number;

  constructor(options: BucketOptions, clock: () => number = Date.now) {
    this.options = options;
    this.clock = clock;
  }

  async allows(key: string): Promise<boolean> {
    return bucketAt(this.buckets.get(key), this.options, this.clock()).tokens > 0;
  }

  async consume(key: string): Promise<boolean> {
    const bucket = bucketAt(this.buckets.get(key), this.options, this.clock());
    if (bucket.tokens <= 0) {
      this.buckets.set(key, bucket);
      return false;
    }
    this.buckets.set(key, { tokens: bucket.tokens - 1, refilledAt: bucket.refilledAt });
    return true;
  }

  async secondsUntilAllowed(key: string): Promise<number> {
    const now = this.clock();
    return secondsUntilToken(bucketAt(this.buckets.get(key), this.options, now), this.options, now);
  }

  async refund(key: string): Promise<void> {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    const now = bucketAt(bucket, this.options, this.clock());
    this.buckets.set(key, { tokens: Math.min(this.options.size, now.tokens + 1), refilledAt: now.refilledAt });
  }

  async reset(key: string): Promise<void> {
    this.buckets.delete(key);
  }
}
