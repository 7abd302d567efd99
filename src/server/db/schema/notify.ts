// Email waiting to be sent, and sent.
// Owned by src/server/notify/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

export interface OutboxMessageTable {
  id: string;
  /** Sealed under the data keys (src/server/security/secrets/sealed-tables.ts). */
  to_address: string;
  /** The data key `to_address` is sealed under; null only for a message queued before it was. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/** The tables src/server/notify/ owns, as the database type (../schema.ts) is composed from them. */
export interface NotifyTables {
  outbox_message: OutboxMessageTable;
}
