// Share codes a person made, and each time one was viewed, until the code's 30 days are up.
// Owned by src/server/share/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

export interface ShareCodeTable {
  id: string;
  /** SHA-256 of the code as written ("K7Q-M2X-9PW"): the code itself is never kept. */
  code_hash: string;
  check_kind: 'birth-date' | 'postcode';
  /** SHA-256 of the row's id and the check's value, written one way. */
  check_hash: string;
  /** JSON array of what was chosen (src/domain/share/share-code.ts SHARE_PARTS). */
  parts: string;
  /** Sealed: JSON of the summary as the viewer sees it (src/server/share/summary.ts). */
  summary: string;
  /** Sealed: the code, only while an email with it waits to be sent (then null). */
  code_for_sending: ColumnType<string | null, string | null | undefined, string | null>;
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hand-off it shares the progress of, when the person chose to. */
  handoff_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language the summary is written in. */
  locale: string;
  created_at: string;
  expires_at: string;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ShareViewTable {
  id: string;
  share_code_id: string;
  viewed_at: string;
  /** Sealed: who the viewer said they were, if they said (optional). */
  viewer: ColumnType<string | null, string | null | undefined, string | null>;
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The tables src/server/share/ owns, as the database type (../schema.ts) is composed from them. */
export interface ShareTables {
  share_code: ShareCodeTable;
  share_view: ShareViewTable;
}
