// Referrals from a case to a partner agency's service.
// Owned by src/server/partners/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

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
  /** The data key the sealed columns are under; null only for a row written before they were sealed. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The tables src/server/partners/ owns, as the database type (../schema.ts) is composed from them. */
export interface PartnersTables {
  referral: ReferralTable;
}
