// Rate limits every app instance shares: token buckets kept in the database (table rate_limit),
// with the arithmetic from src/domain/security/token-bucket.ts. Each change is an optimistic
// update (it applies only if the row is as read), retried on a clash, so two instances taking
// the last token at once cannot both have it. Keys are keyed hashes: a network address is never
// stored. Rows for full buckets are removed by the purge-rate-limits job.
import type { DataKeyring } from '../../config/data-keys.ts';
import { bucketAt, secondsUntilToken, type Bucket, type BucketOptions, type RateLimiter } from '../../domain/security/token-bucket.ts';
import type { DbExecutor } from '../db/executor.ts';
import { rateLimitLookup } from './secrets/lookups.ts';

export class SharedBuckets implements RateLimiter {
  private readonly db: DbExecutor;
  private readonly name: string;
  private readonly options: BucketOptions;
  private readonly ring: DataKeyring;
  private readonly clock: () => number;

  constructor(db: DbExecutor, name: string, options: BucketOptions, ring: DataKeyring, clock: () => number = Date.now) {
    this.db = db;
    this.name = name;
    this.options = options;
    this.ring = ring;
    this.clock = clock;
  }

  private rowKey(key: string): string {
    return rateLimitLookup(this.ring, this.name, key);
  }

  private async read(rowKey: string): Promise<{ bucket: Bucket | undefined; version: number | null }> {
    const row = await this.db.selectFrom('rate_limit').selectAll().where('key', '=', rowKey).executeTakeFirst();
    return row
      ? { bucket: { tokens: row.tokens, refilledAt: Date.parse(row.refilled_at) }, version: row.version }
      : { bucket: undefined, version: null };
  }

  async allows(key: string): Promise<boolean> {
    const { bucket } = await this.read(this.rowKey(key));
    return bucketAt(bucket, this.options, this.clock()).tokens > 0;
  }

  async secondsUntilAllowed(key: string): Promise<number> {
    const now = this.clock();
    const { bucket } = await this.read(this.rowKey(key));
    return secondsUntilToken(bucketAt(bucket, this.options, now), this.options, now);
  }

  async consume(key: string): Promise<boolean> {
    const rowKey = this.rowKey(key);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const now = this.clock();
      const { bucket, version } = await this.read(rowKey);
      const current = bucketAt(bucket, this.options, now);
      if (current.tokens <= 0) return false;
      const next = { tokens: current.tokens - 1, refilled_at: new Date(current.refilledAt).toISOString() };
      if (version === null) {
        const inserted = await this.db
          .insertInto('rate_limit')
          .values({ key: rowKey, ...next, version: 1 })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
      } else {
        const updated = await this.db
          .updateTable('rate_limit')
          .set({ ...next, version: version + 1 })
          .where('key', '=', rowKey)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 1) return true;
      }
      // Another instance changed the bucket between our read and write: read it again.
    }
    return false;
  }

  async refund(key: string): Promise<void> {
    const rowKey = this.rowKey(key);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const { bucket, version } = await this.read(rowKey);
      if (!bucket || version === null) return;
      const current = bucketAt(bucket, this.options, this.clock());
      const updated = await this.db
        .updateTable('rate_limit')
        .set({
          tokens: Math.min(this.options.size, current.tokens + 1),
          refilled_at: new Date(current.refilledAt).toISOString(),
          version: version + 1,
        })
        .where('key', '=', rowKey)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) return;
    }
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit').where('key', '=', this.rowKey(key)).execute();
  }
}

/** Removes buckets that have refilled completely (they mean nothing any more): the purge-rate-limits job. */
export async function purgeFullBuckets(db: DbExecutor, now: Date, longestRefill: { size: number; refillSeconds: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - longestRefill.size * longestRefill.refillSeconds * 1000).toISOString();
  const result = await db.deleteFrom('rate_limit').where('refilled_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
