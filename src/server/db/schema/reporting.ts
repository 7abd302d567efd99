// The managers' case figures, worked out by the report-figures job.
// Owned by src/server/reporting/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

/** A figure of the managers' reports a case counts in, and the day (England) it first did. */
export interface CaseMetricTable {
  metric: string;
  day: string;
  handoff_id: string;
}

export interface CaseMetricDailyTable {
  metric: string;
  day: string;
  count: number;
}

export interface ReportRefreshTable {
  name: string;
  /** Cases changed from this instant on are looked at again next time. */
  refreshed_through: string;
  refreshed_at: string;
  /** A digest of the definitions counted: when they change, everything is counted again. */
  definitions: string;
}

/** The tables src/server/reporting/ owns, as the database type (../schema.ts) is composed from them. */
export interface ReportingTables {
  case_metric: CaseMetricTable;
  case_metric_daily: CaseMetricDailyTable;
  report_refresh: ReportRefreshTable;
}
