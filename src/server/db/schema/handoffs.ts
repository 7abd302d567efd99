// The hand-off: a person's request to be contacted, with every answer, and its queue columns.
// Owned by src/server/handoffs/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { CaseStatus, NeedLevel } from '../../../domain/casework/statuses.ts';
import type { Stage } from '../../../domain/casework/time-limits.ts';
import type { ColumnType } from 'kysely';
import type { Channel, FilledInBy, PrivacyNoticeGiven } from '../../../domain/assisted/channels.ts';

/** Declared once, in the domain. */
export type HandoffStatus = CaseStatus;

export interface HandoffTable {
  id: string;
  reference: string;
  service_id: string;
  team_id: string;
  need_level: NeedLevel;
  status: ColumnType<HandoffStatus, HandoffStatus | undefined, HandoffStatus>;
  /** JSON object of answers by question id. Sealed, like every column marked so, under `data_key_id`. */
  answers: string;
  /** JSON array of plan step ids. */
  plan_step_ids: string;
  /** JSON array of domains. */
  domains: string;
  questionnaire_version: number;
  /** Sealed. */
  contact_name: string;
  /** Sealed. */
  contact_phone: string | null;
  /** Sealed. */
  contact_email: string | null;
  preferred_contact: 'phone' | 'email';
  voicemail_ok: 0 | 1;
  /** JSON array of safe times. Sealed. */
  safe_times: string;
  /** Sealed. */
  safety_notes: string | null;
  /** The key the sealed columns are sealed under (src/server/security/sealed-fields.ts); null: written plainly before encryption. */
  data_key_id: string | null;
  /** Keyed hashes for exact matching: the phone number, the email address, each word of the name. */
  contact_phone_hash: string | null;
  contact_email_hash: string | null;
  contact_name_words: string | null;
  /** The website's language the self-assessment was done in (en, pl, ur). */
  language: ColumnType<string, string | undefined, string>;
  /** The language the person asked to be contacted in (content/languages/contact-languages.json). */
  contact_language: ColumnType<string, string | undefined, string>;
  /** 1 when they will need an interpreter for it. */
  interpreter_needed: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  /** How it came: the person alone on the website, or with an adviser by phone, at a surgery or at an office visit. */
  channel: ColumnType<Channel, Channel | undefined, Channel>;
  /** For an assisted one: the adviser (staff id), the surgery's place, who had the screen, how the privacy notice was given. */
  assisted_by: ColumnType<string | null, string | null | undefined, string | null>;
  surgery_id: ColumnType<string | null, string | null | undefined, string | null>;
  filled_in_by: ColumnType<FilledInBy | null, FilledInBy | null | undefined, FilledInBy | null>;
  privacy_notice: ColumnType<PrivacyNoticeGiven | null, PrivacyNoticeGiven | null | undefined, PrivacyNoticeGiven | null>;
  consent_text: string;
  consented_at: string;
  retain_until: string;
  /** Date (YYYY-MM-DD) by which the team must acknowledge it. */
  acknowledge_by: string;
  /** For an emergency: the instant (ISO-8601, UTC) by which the person must be contacted. */
  urgent_contact_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  acknowledged_at: ColumnType<string | null, string | null | undefined, string | null>;
  appointment_arranged_at: ColumnType<string | null, string | null | undefined, string | null>;
  information_gathered_at: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of client group codes. */
  client_groups: ColumnType<string, string | undefined, string>;
  /**
   * Where it stands in the queue, stored whenever its stage changes (src/server/casework/queue-columns.ts):
   * 1 an emergency waiting for contact, 2 a working-day limit running, 3 open with none running,
   * 4 closed. Null only for rows made before migration 011, until start-up fills them in.
   */
  queue_band: ColumnType<QueueBand | null, QueueBand | null | undefined, QueueBand | null>;
  /** The need level's place in NEED_LEVELS (0 emergency … 3 low), to sort on. */
  need_rank: ColumnType<number | null, number | null | undefined, number | null>;
  /** The stage waiting, the local date it is due (YYYY-MM-DD), and an emergency's instant (ISO-8601). */
  stage: ColumnType<Stage | null, Stage | null | undefined, Stage | null>;
  stage_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  stage_due_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type QueueBand = 1 | 2 | 3 | 4;

/** The tables src/server/handoffs/ owns, as the database type (../schema.ts) is composed from them. */
export interface HandoffsTables {
  handoff: HandoffTable;
}
