// Counting visitors without cookies: weekly salts, hashes and counts, and daily totals.
// Owned by src/server/analytics/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

/** One week's random salt for visitor hashes (migration 016): deleted soon after the week ends. */
export interface AnalyticsSaltTable {
  /** The Monday the week starts on, YYYY-MM-DD in Europe/London. */
  week_start: string;
  salt: Buffer;
  created_at: string;
}

/** The visitor hashes seen in a week, to count each once: deleted with the week's salt. */
export interface WeeklyVisitorTable {
  week_start: string;
  visitor: string;
}

export interface WeeklyVisitorCountTable {
  week_start: string;
  visitors: number;
}

/** Counts per day (Europe/London) of what was counted: see src/domain/analytics/rollup.ts. */
export interface DailyRollupTable {
  day: string;
  /** 'pageviews', 'page', 'entries', 'source', 'device', 'script', 'event' or 'goal'. */
  dimension: string;
  value: string;
  count: number;
}

/** The tables src/server/analytics/ owns, as the database type (../schema.ts) is composed from them. */
export interface AnalyticsTables {
  analytics_salt: AnalyticsSaltTable;
  weekly_visitor: WeeklyVisitorTable;
  weekly_visitor_count: WeeklyVisitorCountTable;
  daily_rollup: DailyRollupTable;
}
