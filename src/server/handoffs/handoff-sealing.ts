// What of a hand-off is sealed at rest (src/server/security/sealed-fields.ts), and the keyed
// hashes kept beside it so staff can still find a case by phone, email or a whole name word.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { HandoffTable } from '../db/schema.ts';
import { emailLookup, nameWordsLookup, openColumns, phoneLookup, sealColumns } from '../security/sealed-fields.ts';

export const HANDOFF_SEALED_COLUMNS = ['answers', 'contact_name', 'contact_phone', 'contact_email', 'safe_times', 'safety_notes'] as const;

export type HandoffPlainColumns = Pick<HandoffTable, (typeof HANDOFF_SEALED_COLUMNS)[number]>;

/** The keyed hashes a hand-off is found by, worked out from its plain contact details. */
export function handoffLookups(ring: DataKeyring, plain: Pick<HandoffPlainColumns, 'contact_name' | 'contact_phone' | 'contact_email'>) {
  return {
    contact_phone_hash: phoneLookup(ring, plain.contact_phone),
    contact_email_hash: emailLookup(ring, plain.contact_email),
    contact_name_words: nameWordsLookup(ring, plain.contact_name),
  };
}

/** The columns to write for these plain values: sealed, with the key's id and the lookups. */
export function sealHandoff(ring: DataKeyring, id: string, plain: HandoffPlainColumns) {
  return { ...sealColumns(ring, 'handoff', id, plain), ...handoffLookups(ring, plain) };
}

/** The row (of hand-off `handoffId`, or holding its columns) with whichever sealed columns it holds opened. */
export function openHandoff<R extends { data_key_id: string | null }>(ring: DataKeyring, handoffId: string, row: R): R {
  return openColumns(ring, 'handoff', handoffId, row, HANDOFF_SEALED_COLUMNS);
}
