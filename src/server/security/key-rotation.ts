// Moving sealed rows to the current data key (`npm run keys:rotate`), and sealing rows written
// before encryption existed (at start-up). Each batch is one transaction, and each row is updated
// only if it still holds what was read, so a person saving their draft at the same
// moment wins and nothing is sealed twice. Stopping half-way loses nothing: every row is under
// one key or the other, both listed in DATA_KEYS, and running it again carries on.
import type { Kysely } from 'kysely';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { HANDOFF_SEALED_COLUMNS, handoffLookups, type HandoffPlainColumns } from '../handoffs/handoff-sealing.ts';
import { INTEREST_SEALED_COLUMNS } from '../homes/interest.ts';
import { openColumns, sealColumns } from './sealed-fields.ts';

type Plain = Record<string, string | null>;

interface SealedTable {
  table: 'handoff' | 'assessment_draft' | 'advert_interest';
  columns: readonly string[];
  /** Columns worked out from the plain values (keyed hashes), rewritten with them. */
  derived?: (ring: DataKeyring, plain: Plain) => Plain;
}

/** Every table holding sealed columns. A new one is added here, and to the test that lists them. */
export const SEALED_TABLES: readonly SealedTable[] = [
  { table: 'handoff', columns: HANDOFF_SEALED_COLUMNS, derived: (ring, plain) => handoffLookups(ring, plain as unknown as HandoffPlainColumns) },
  { table: 'assessment_draft', columns: ['state'] },
  { table: 'advert_interest', columns: INTEREST_SEALED_COLUMNS },
];

export interface RotationOptions {
  /** Which rows: `plain` only those written before encryption (start-up); `stale` those not under
   *  the current key (the default); `all` every row, also rewriting the keyed hashes (after LOOKUP_KEY changed). */
  rows?: 'plain' | 'stale' | 'all';
  batchSize?: number;
}

export type RotationReport = Record<SealedTable['table'], number>;

/** Re-seals rows under the ring's current key; how many rows of each table were rewritten. */
export async function rotateDataKeys(database: AppDatabase, ring: DataKeyring, options: RotationOptions = {}): Promise<RotationReport> {
  const db = database as unknown as Kysely<any>;
  const which = options.rows ?? 'stale';
  const batchSize = options.batchSize ?? 200;
  const report = { handoff: 0, assessment_draft: 0, advert_interest: 0 };
  for (const spec of SEALED_TABLES) {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom(spec.table)
        .select(['id', 'data_key_id', ...spec.columns])
        .where('id', '>', after)
        .orderBy('id')
        .limit(batchSize);
      if (which === 'plain') query = query.where('data_key_id', 'is', null);
      if (which === 'stale') query = query.where((eb) => eb.or([eb('data_key_id', 'is', null), eb('data_key_id', '<>', ring.currentId)]));
      const rows = (await query.execute()) as Array<Plain & { id: string; data_key_id: string | null }>;
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          const opened = openColumns(ring, spec.table, row.id, row, spec.columns);
          const plain = Object.fromEntries(spec.columns.map((column) => [column, opened[column] ?? null]));
          const values = { ...sealColumns(ring, spec.table, row.id, plain), ...(spec.derived?.(ring, plain) ?? {}) };
          let update = trx.updateTable(spec.table).set(values).where('id', '=', row.id);
          // Only if nobody has changed it since it was read (a person saving their draft wins).
          for (const column of ['data_key_id', ...spec.columns]) update = update.where(column, row[column] === null ? 'is' : '=', row[column]);
          const updated = await update.executeTakeFirst();
          report[spec.table] += Number(updated.numUpdatedRows);
        }
      });
    }
  }
  return report;
}

/** How many rows of each table are not yet under the current key (plain ones included). */
export async function rowsToRotate(database: AppDatabase, ring: DataKeyring): Promise<RotationReport> {
  const db = database as unknown as Kysely<any>;
  const report = { handoff: 0, assessment_draft: 0, advert_interest: 0 };
  for (const spec of SEALED_TABLES) {
    const row = await db
      .selectFrom(spec.table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('data_key_id', 'is', null), eb('data_key_id', '<>', ring.currentId)]))
      .executeTakeFirstOrThrow();
    report[spec.table] = Number(row.n);
  }
  return report;
}
