// Information packs a person asked to have posted, until they are sent and the promised time has passed.
// Owned by src/server/posted-packs/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

export type PostedPackStatus = 'waiting' | 'posted';

export interface PostedPackRequestTable {
  id: string;
  /** Shown to the person and printed on the letter (like "P-7KQ2-M9XD"). */
  reference: string;
  /** Sealed: the name to address it to. */
  name: string;
  /** Sealed: JSON `{ lines: string[], town: string }`. */
  address: string;
  /** Sealed. */
  postcode: string;
  /** The key the sealed columns are sealed under. */
  data_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of pack ids (content/packs). */
  packs: string;
  /** The website's language the request was made in: the packs are printed in it where translated. */
  language: string;
  status: PostedPackStatus;
  requested_at: string;
  posted_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The member of staff who marked it posted (staff id). */
  posted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the retention job deletes it (the period the person agreed to, from the request). */
  delete_after: string;
}

/** The tables src/server/posted-packs/ owns, as the database type (../schema.ts) is composed from them. */
export interface PostedPacksTables {
  posted_pack_request: PostedPackRequestTable;
}
