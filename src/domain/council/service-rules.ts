// The council's rules that use cases apply: time limits, the calendar, office hours, how long
// records are kept, when follow-ups fall, and which teams exist. Built once from the council's
// content (src/config/service-rules.ts) and passed into use cases, never read inside them, so a
// test (or another council) can hand in its own.
import type { StageLimits } from '../casework/time-limits.ts';
import type { OfficeHoursRow } from '../time/office-hours.ts';

export interface ServiceRules {
  /** Every team's id. */
  teamIds: readonly string[];
  /** Working days allowed for each stage of a hand-off. */
  stageLimits: StageLimits;
  /** Office hours within which someone in an emergency is contacted. */
  emergencyContactWithinOfficeHours: number;
  openingHours: readonly OfficeHoursRow[];
  bankHolidays: ReadonlySet<string>;
  /** Months a hand-off's personal details are kept. */
  retentionMonths: number;
  /** Follow-ups after a case closes, in months. */
  followUpMonths: readonly (3 | 6)[];
}
