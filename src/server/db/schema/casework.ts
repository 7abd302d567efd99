// What advisers record on a case: its timeline, plans, outcomes and follow-ups.
// Owned by src/server/casework/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

export type CaseEventKind = 'note' | 'contact' | 'status' | 'assignment' | 'plan' | 'referral' | 'outcome' | 'follow_up';

export interface CaseEventTable {
  id: string;
  handoff_id: string;
  kind: CaseEventKind;
  summary: string;
  detail: string | null;
  staff_id: string;
  created_at: string;
  /** The data key the sealed columns are under; null only for a row written before they were sealed. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CasePlanVersionTable {
  /** Its own id, which its sealed items are bound to (rows older than that have `<case id>:<version>`). */
  id: string;
  handoff_id: string;
  version: number;
  /** JSON array of plan items (src/domain/casework/plan.ts). */
  items: string;
  created_by: string;
  created_at: string;
  /** The data key the sealed columns are under; null only for a row written before they were sealed. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseOutcomeTable {
  id: string;
  handoff_id: string;
  code: string;
  detail: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface FollowUpTable {
  id: string;
  handoff_id: string;
  months_after: 3 | 6;
  due_on: string;
  still_housed: 0 | 1 | null;
  in_work_or_training: 0 | 1 | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  /** When the team was told it fell due (the follow-ups-due job). */
  reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whether they are financially secure (Blackpool's WRS3), asked at each follow-up. */
  financially_secure: ColumnType<0 | 1 | null, 0 | 1 | null | undefined, 0 | 1 | null>;
  /** The data key the sealed columns are under; null only for a row written before they were sealed. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An income maximisation health check on a case: one row a version. */
export interface HealthCheckTable {
  id: string;
  handoff_id: string;
  version: number;
  /** The money check's answers (JSON), sealed. */
  answers: string;
  /** Codes of the benefits found to claim (JSON array). */
  benefits: string;
  weekly_gain_pence: number;
  debts_referred: 0 | 1;
  /** Sealed. */
  notes: string | null;
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: string;
}

/** The tables src/server/casework/ owns, as the database type (../schema.ts) is composed from them. */
/** A case's move to a smaller home, and the re-let of the home it freed (src/domain/downsizing/chain.ts). */
export interface DownsizingMoveTable {
  id: string;
  handoff_id: string;
  moved_on: string;
  bedrooms_left: number;
  bedrooms_new: number;
  incentive_paid_pence: number;
  recorded_by: string;
  recorded_at: string;
  relet_on: ColumnType<string | null, string | null | undefined, string | null>;
  relet_to_needed_size: ColumnType<0 | 1 | null, 0 | 1 | null | undefined, 0 | 1 | null>;
  relet_recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  relet_recorded_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseworkTables {
  case_event: CaseEventTable;
  case_plan_version: CasePlanVersionTable;
  case_outcome: CaseOutcomeTable;
  follow_up: FollowUpTable;
  health_check: HealthCheckTable;
  downsizing_move: DownsizingMoveTable;
}
