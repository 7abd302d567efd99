// The shape of every table, as the database driver returns it. Portable conventions:
// text ids made by the app, dates as ISO-8601 text, booleans as 0/1 integers.
import type { CaseStatus, NeedLevel } from '../../domain/casework/statuses.ts';
import type { Role } from '../../domain/staff/permissions.ts';
import type { Stage } from '../../domain/casework/time-limits.ts';
import type { AccreditationStatus, AdvertState, EpcRating } from '../../domain/homes/advert-standing.ts';
import type { CertificateKind } from '../../domain/homes/certificates.ts';
import type { ColumnType } from 'kysely';

/** Declared once, in the domain. */
export type StaffRole = Role;

export interface StaffUserTable {
  id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  team_id: string;
  password_hash: string;
  is_disabled: 0 | 1;
  /** The TOTP key, encrypted with SECRET_KEY (src/server/staff/second-factor.ts), or null. */
  totp_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last TOTP time-step accepted: each code works once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** For a `partner` account only: the directory organisation it works for. */
  organization_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** For a `landlord` account only: the landlord in the accreditation scheme it belongs to. */
  landlord_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the token's secret part. */
  secret_hash: string;
  second_factor_done: 0 | 1;
  device: string;
  created_at: string;
  last_seen_at: string;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AssessmentDraftTable {
  id: string;
  session_hash: string | null;
  return_code_hash: string | null;
  /** SHA-256 of the last return code used to open this draft (a code works once). */
  used_return_code_hash: string | null;
  /** JSON (see src/server/self-assessment/draft-state.ts), sealed under `data_key_id`. */
  state: string;
  /** The key `state` is sealed under (src/server/security/sealed-fields.ts); null: written plainly before encryption. */
  data_key_id: string | null;
  questionnaire_version: number;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

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

export type CaseEventKind = 'note' | 'contact' | 'status' | 'assignment' | 'plan' | 'referral' | 'outcome' | 'follow_up';

export interface CaseEventTable {
  id: string;
  handoff_id: string;
  kind: CaseEventKind;
  summary: string;
  detail: string | null;
  staff_id: string;
  created_at: string;
}

export interface CasePlanVersionTable {
  handoff_id: string;
  version: number;
  /** JSON array of plan items (src/domain/casework/plan.ts). */
  items: string;
  created_by: string;
  created_at: string;
}

export type ReferralStatus = 'sent' | 'accepted' | 'declined';

export interface ReferralTable {
  id: string;
  handoff_id: string;
  service_id: string;
  reason: string;
  status: ReferralStatus;
  decline_reason: string | null;
  result: string | null;
  /** A staff id, or PERSON_ASKED ('person') when the person chose the service themselves at hand-off. */
  created_by: string;
  /** 1 when the person agreed to share their details with the service. */
  consent_to_share: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  /** The partner account that accepted or declined it, and when. */
  answered_by: ColumnType<string | null, string | null | undefined, string | null>;
  answered_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the partner recorded that it had made contact with the person, and which partner account did. */
  contacted_at: ColumnType<string | null, string | null | undefined, string | null>;
  contacted_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
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
}

export interface JobLeaseTable {
  name: string;
  /** The instance running the job. */
  holder: string;
  expires_at: string;
}

export interface RateLimitTable {
  /** HMAC-SHA256 of the limit's name and key (such as a network address): never the key itself. */
  key: string;
  tokens: number;
  refilled_at: string;
  version: number;
}

export interface AuditEventTable {
  id: string;
  at: string;
  staff_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  detail: string | null;
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
  /** The instance sending it, and until when: no other sends it meanwhile. */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_until: ColumnType<string | null, string | null | undefined, string | null>;
}

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

export interface DirectoryOrganizationTable {
  id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  updated_at: string;
}

export interface DirectoryServiceTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  eligibility: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  referral_self: 0 | 1;
  referral_professional: 0 | 1;
  referral_how: string;
  minimum_age: number | null;
  maximum_age: number | null;
  status: ColumnType<'active' | 'inactive', 'active' | 'inactive' | undefined, 'active' | 'inactive'>;
  last_checked: string;
  updated_at: string;
}

export interface DirectoryLocationTable {
  id: string;
  service_id: string;
  name: string;
  address: string;
  town: string;
  postcode: string;
}

export interface DirectoryScheduleTable {
  id: string;
  service_id: string;
  byday: string;
  opens_at: string;
  closes_at: string;
}

export interface DirectoryTaxonomyTermTable {
  id: string;
  name: string;
  vocabulary: string;
}

export interface DirectoryServiceTaxonomyTable {
  service_id: string;
  term_id: string;
}

export interface LandlordTable {
  id: string;
  kind: 'person' | 'company';
  name: string;
  contact_name: string;
  email: string;
  phone: string;
  address: string;
  /** JSON array of the council's area names. */
  areas: string;
  accreditation_status: AccreditationStatus;
  membership_number: string | null;
  accredited_from: string | null;
  accreditation_expires_on: string | null;
  /** The expiry date a renewal reminder was sent for (so each is sent once). */
  renewal_reminded_for: ColumnType<string | null, string | null | undefined, string | null>;
  applied_at: string;
  updated_at: string;
}

export interface LandlordAccreditationEventTable {
  id: string;
  landlord_id: string;
  at: string;
  staff_id: string | null;
  from_status: AccreditationStatus | null;
  to_status: AccreditationStatus;
  expires_on: string | null;
  reason: string;
}

export type HomeType = 'flat' | 'house' | 'bungalow' | 'maisonette' | 'room';

export interface HomeTable {
  id: string;
  landlord_id: string;
  /** The full address: officers only. */
  address: string;
  street: string;
  area: string;
  postcode: string;
  type: HomeType;
  bedrooms: number;
  bed_spaces: number;
  floor: number;
  has_lift: 0 | 1;
  step_free: 0 | 1;
  furnished: 'furnished' | 'part' | 'unfurnished';
  shared: 0 | 1;
  heating: string;
  garden: 0 | 1;
  parking: 0 | 1;
  pets: 0 | 1;
  housing_costs_help: 0 | 1;
  epc_rating: EpcRating;
  epc_expires_on: string;
  has_gas: 0 | 1;
  gas_safety_expires_on: string | null;
  eicr_expires_on: string;
  empty_home_returned: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface AdvertTable {
  id: string;
  home_id: string;
  /** Pence a calendar month. */
  rent_pcm: number;
  /** Pence. */
  deposit: number;
  available_from: string;
  closes_on: string;
  description: string;
  state: AdvertState;
  published_at: string | null;
  /** Since when a landlord's new or changed advert has waited for an officer to check it (null when not waiting). */
  awaiting_approval_since: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export type CertificateStatus = 'waiting' | 'accepted' | 'returned' | 'replaced';

/** A certificate sent for a home: the document itself, kept privately, and what an officer decided. */
export interface CertificateSubmissionTable {
  id: string;
  home_id: string;
  kind: CertificateKind;
  expires_on: string;
  /** The energy rating, for an energy certificate only. */
  epc_rating: EpcRating | null;
  content_type: 'application/pdf' | 'image/jpeg';
  byte_size: number;
  /** The PDF as sent, or the photo turned upright and re-encoded without its metadata. */
  document: Uint8Array;
  status: CertificateStatus;
  submitted_by: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  return_reason: string | null;
}

export type InterestStatus = 'interested' | 'viewing' | 'offered' | 'refused' | 'let' | 'not_chosen';

export interface AdvertInterestTable {
  id: string;
  advert_id: string;
  reference: string;
  /** Sealed, like phone, email and safe_times, under `data_key_id`. */
  name: string;
  phone: string | null;
  email: string | null;
  preferred_contact: 'phone' | 'email';
  voicemail_ok: 0 | 1;
  /** When it is safe to contact them, in their words. */
  safe_times: string | null;
  /** The key the sealed columns are sealed under; null: written plainly before encryption. */
  data_key_id: string | null;
  household_size: number;
  needs_step_free: 0 | 1;
  /** The person's hand-off, when they gave its reference: their assessment comes with them. */
  handoff_id: string | null;
  consent_text: string;
  /** HMAC of the person's email or phone: one expression of interest per person per advert. */
  person_key: string;
  /** SHA-256 of the id of the form that made it, so Back to that form shows the confirmation (src/server/homes/interest-form.ts). */
  form_id_hash: ColumnType<string | null, string | null | undefined, string | null>;
  status: InterestStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface TenancyTable {
  id: string;
  advert_id: string;
  interest_id: string;
  handoff_id: string | null;
  starts_on: string;
  rent_pcm: number;
  created_by: string;
  created_at: string;
}

export interface AdvertPhotoTable {
  id: string;
  advert_id: string;
  /** 1 to 8: the order they are shown in; 1 is on the advert's card. */
  position: number;
  alt_text: string;
  content_type: 'image/jpeg';
  width: number;
  height: number;
  /** The JPEG, resized and without metadata (Buffer from both drivers). */
  bytes: Uint8Array;
  created_at: string;
}

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

export interface Database {
  directory_organization: DirectoryOrganizationTable;
  directory_service: DirectoryServiceTable;
  directory_location: DirectoryLocationTable;
  directory_schedule: DirectoryScheduleTable;
  directory_taxonomy_term: DirectoryTaxonomyTermTable;
  directory_service_taxonomy: DirectoryServiceTaxonomyTable;
  staff_user: StaffUserTable;
  assessment_draft: AssessmentDraftTable;
  handoff: HandoffTable;
  outbox_message: OutboxMessageTable;
  analytics_salt: AnalyticsSaltTable;
  weekly_visitor: WeeklyVisitorTable;
  weekly_visitor_count: WeeklyVisitorCountTable;
  daily_rollup: DailyRollupTable;
  case_metric: CaseMetricTable;
  case_metric_daily: CaseMetricDailyTable;
  report_refresh: ReportRefreshTable;
  staff_session: StaffSessionTable;
  password_reset: PasswordResetTable;
  case_event: CaseEventTable;
  case_plan_version: CasePlanVersionTable;
  referral: ReferralTable;
  case_outcome: CaseOutcomeTable;
  follow_up: FollowUpTable;
  audit_event: AuditEventTable;
  rate_limit: RateLimitTable;
  job_lease: JobLeaseTable;
  landlord: LandlordTable;
  landlord_accreditation_event: LandlordAccreditationEventTable;
  home: HomeTable;
  advert: AdvertTable;
  advert_interest: AdvertInterestTable;
  tenancy: TenancyTable;
  advert_photo: AdvertPhotoTable;
  certificate_submission: CertificateSubmissionTable;
}
