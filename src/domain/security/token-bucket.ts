// A token bucket per key (Lucia's rate-limit guide): each attempt takes a token, tokens come back
// one per interval, up to the bucket's size. Held in memory: enough for one server process.

export interface BucketOptions {
  size: number;
  refillSeconds: number;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly options: BucketOptions;
  private readonly clock: () => number;

  constructor(options: BucketOptions, clock: () => number = Date.now) {
    this.options = options;
    this.clock = clock;
  }

  private current(key: string): Bucket {
    const now = this.clock();
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.options.size, refilledAt: now };
    const refills = Math.floor((now - bucket.refilledAt) / (this.options.refillSeconds * 1000));
    if (refills <= 0) return bucket;
    return {
      tokens: Math.min(this.options.size, bucket.tokens + refills),
      refilledAt: bucket.refilledAt + refills * this.options.refillSeconds * 1000,
    };
  }

  /** Whether an attempt may go ahead now (without taking a token). */
  allows(key: string): boolean {
    return this.current(key).tokens > 0;
  }

  /** Takes a token; false when the bucket is empty. */
  consume(key: string): boolean {
    const bucket = this.current(key);
    if (bucket.tokens <= 0) {
      this.buckets.set(key, bucket);
      return false;
    }
    this.buckets.set(key, { tokens: bucket.tokens - 1, refilledAt: bucket.refilledAt });
    return true;
  }

  /** Seconds until the next token comes back (0 when there is one). */
  secondsUntilAllowed(key: string): number {
    const bucket = this.current(key);
    if (bucket.tokens > 0) return 0;
    return Math.ceil((bucket.refilledAt + this.options.refillSeconds * 1000 - this.clock()) / 1000);
  }

  /** Fills the bucket again (after a successful sign-in, failures no longer count). */
  reset(key: string): void {
    this.buckets.delete(key);
  }
}
