// What of a hand-off is sealed at rest (src/server/security/secrets/), and the keyed hashes kept
// beside it so staff can still find a case by phone, email or a whole name word.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { HandoffTable } from '../db/schema.ts';
import { contactLookups } from '../security/secrets/lookups.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { HANDOFF_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';

export { HANDOFF_SEALED_COLUMNS };

export type HandoffPlainColumns = Pick<HandoffTable, (typeof HANDOFF_SEALED_COLUMNS)[number]>;

/** The keyed hashes a hand-off is found by, worked out from its plain contact details. */
export function handoffLookups(ring: DataKeyring, plain: Pick<HandoffPlainColumns, 'contact_name' | 'contact_phone' | 'contact_email'>) {
  return contactLookups(ring, plain);
}

/** The columns to write for these plain values: sealed, with the key's id and the lookups. */
export function sealHandoff(ring: DataKeyring, id: string, plain: HandoffPlainColumns) {
  return { ...sealColumns(ring, 'handoff', id, plain), ...handoffLookups(ring, plain) };
}

/** The row (of hand-off `handoffId`, or holding its columns) with whichever sealed columns it holds opened. */
export function openHandoff<R extends { data_key_id: string | null }>(ring: DataKeyring, handoffId: string, row: R): R {
  return openColumns(ring, 'handoff', handoffId, row, HANDOFF_SEALED_COLUMNS);
}
