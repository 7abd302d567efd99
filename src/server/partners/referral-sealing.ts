// A referral's words (why the person was referred, why a partner declined, what came of it) are
// sealed under the data keys: written by the adviser's and the partner's use cases and by a
// hand-off the person sent to a partner's service, opened wherever a referral is shown.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { DbExecutor } from '../db/executor.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { REFERRAL_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';

export interface ReferralWords {
  reason: string;
  decline_reason: string | null;
  result: string | null;
}

/** The words of a new referral, sealed for its row, with the key's id. */
export function sealReferral(ring: DataKeyring, id: string, words: ReferralWords) {
  return sealColumns(ring, 'referral', id, { ...words });
}

/** The row with whichever of its words it holds opened. */
export function openReferral<R extends { id: string; data_key_id: string | null }>(ring: DataKeyring, row: R): R {
  return openColumns(ring, 'referral', row.id, row, REFERRAL_SEALED_COLUMNS);
}

/**
 * The referral's words with these changed, all sealed again under the current key (a row's words
 * are all under the key it names, so changing one re-seals the rest). Part of the caller's transaction.
 */
export async function resealReferral(
  trx: DbExecutor,
  ring: DataKeyring,
  id: string,
  changes: Partial<Pick<ReferralWords, 'decline_reason' | 'result'>>,
) {
  const row = await trx
    .selectFrom('referral')
    .select(['id', 'data_key_id', ...REFERRAL_SEALED_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const { reason, decline_reason, result } = openReferral(ring, row);
  return sealReferral(ring, id, { reason, decline_reason, result, ...changes });
}
