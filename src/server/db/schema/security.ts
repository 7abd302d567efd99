// Shared rate-limit buckets.
// Owned by src/server/security/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

export interface RateLimitTable {
  /** HMAC-SHA256 of the limit's name and key (such as a network address): never the key itself. */
  key: string;
  tokens: number;
  refilled_at: string;
  version: number;
}

/** The tables src/server/security/ owns, as the database type (../schema.ts) is composed from them. */
export interface SecurityTables {
  rate_limit: RateLimitTable;
}
