// Back-office accounts, their sessions and password links.
// Owned by src/server/staff/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { Role } from '../../../domain/staff/permissions.ts';
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
  /** The second-factor key, sealed under `data_key_id` (src/server/staff/second-factor.ts). */
  totp_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The data key the sealed columns are under; null: written before they were sealed. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/** The tables src/server/staff/ owns, as the database type (../schema.ts) is composed from them. */
export interface StaffTables {
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  password_reset: PasswordResetTable;
}
