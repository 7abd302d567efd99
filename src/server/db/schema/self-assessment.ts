// A person's answers while they are still answering.
import type { ColumnType } from 'kysely';
// Owned by src/server/self-assessment/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.

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
  /** For a self-assessment an adviser takes someone through: the adviser (staff id); null for a person's own. */
  assisted_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

/** The tables src/server/self-assessment/ owns, as the database type (../schema.ts) is composed from them. */
export interface SelfAssessmentTables {
  assessment_draft: AssessmentDraftTable;
}
