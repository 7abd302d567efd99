// The shape of every table, as the database driver returns it. Portable conventions:
// text ids made by the app, dates as ISO-8601 text, booleans as 0/1 integers.
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type StaffRole = 'adviser' | 'private_sector_officer' | 'manager' | 'administrator';

export interface StaffUserTable {
  id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  team_id: string;
  password_hash: string;
  is_disabled: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface AssessmentDraftTable {
  id: string;
  session_hash: string | null;
  return_code_hash: string | null;
  /** JSON: see src/server/self-assessment/draft-state.ts */
  state: string;
  questionnaire_version: number;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export type HandoffStatus = 'new' | 'acknowledged' | 'appointment_arranged' | 'in_progress' | 'closed';

export interface HandoffTable {
  id: string;
  reference: string;
  service_id: string;
  team_id: string;
  need_level: 'emergency' | 'high' | 'moderate' | 'low';
  status: ColumnType<HandoffStatus, HandoffStatus | undefined, HandoffStatus>;
  /** JSON object of answers by question id. */
  answers: string;
  /** JSON array of plan step ids. */
  plan_step_ids: string;
  /** JSON array of domains. */
  domains: string;
  questionnaire_version: number;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  preferred_contact: 'phone' | 'email';
  voicemail_ok: 0 | 1;
  /** JSON array of safe times. */
  safe_times: string;
  safety_notes: string | null;
  consent_text: string;
  consented_at: string;
  retain_until: string;
  /** Date (YYYY-MM-DD) by which the team must acknowledge it. */
  acknowledge_by: string;
  created_at: string;
}

export interface OutboxMessageTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  related_type: string;
  related_id: string;
  created_at: string;
  sent_at: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
}

export interface AssessmentDailyCountTable {
  /** YYYY-MM-DD in the council's time zone (Europe/London). */
  day: string;
  metric: string;
  count: number;
}

export interface Database {
  staff_user: StaffUserTable;
  assessment_draft: AssessmentDraftTable;
  handoff: HandoffTable;
  outbox_message: OutboxMessageTable;
  assessment_daily_count: AssessmentDailyCountTable;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUserRow = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;
