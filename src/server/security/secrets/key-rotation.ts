// Moving sealed rows to the current data key (`npm run keys:rotate`), and sealing rows written
// before encryption existed (at start-up). Each batch is one transaction, and each row is updated
// only if it still holds what was read, so a person saving their draft at the same
// moment wins and nothing is sealed twice. Stopping half-way loses nothing: every row is under
// one key or the other, both listed in DATA_KEYS, and running it again carries on.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DataKeyring } from '../../../config/data-keys.ts';
import type { AppDatabase } from '../../db/open-database.ts';
import { openColumns, sealColumns } from './sealing.ts';
import { SEALED_TABLES, type SealedTable, type SealedTableName } from './sealed-tables.ts';

type Plain = Record<string, string | null>;

export interface RotationOptions {
  /** Which rows: `plain` only those written before encryption (start-up); `stale` those not under
   *  the current key (the default); `all` every row, also rewriting the keyed hashes (after LOOKUP_KEY changed). */
  rows?: 'plain' | 'stale' | 'all';
  batchSize?: number;
}

export type RotationReport = Record<SealedTableName, number>;

/** Rows with every sealed column empty (staff without a second factor) hold nothing to seal. */
const holdsSomethingSealed = (spec: SealedTable) => (eb: ExpressionBuilder<any, any>) =>
  eb.or(spec.columns.map((column) => eb(column, 'is not', null)));

const emptyReport = (): RotationReport => Object.fromEntries(SEALED_TABLES.map((spec) => [spec.table, 0])) as RotationReport;

/** Re-seals rows under the ring's current key; how many rows of each table were rewritten. */
export async function rotateDataKeys(database: AppDatabase, ring: DataKeyring, options: RotationOptions = {}): Promise<RotationReport> {
  const db = database as unknown as Kysely<any>;
  const which = options.rows ?? 'stale';
  const batchSize = options.batchSize ?? 200;
  const report = emptyReport();
  for (const spec of SEALED_TABLES) {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom(spec.table)
        .select(['id', 'data_key_id', ...spec.columns])
        .where('id', '>', after)
        .where(holdsSomethingSealed(spec))
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
          for (const column of ['data_key_id', ...spec.columns])
            update = update.where(column, row[column] === null ? 'is' : '=', row[column]);
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
  const report = emptyReport();
  for (const spec of SEALED_TABLES) {
    const row = await db
      .selectFrom(spec.table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('data_key_id', 'is', null), eb('data_key_id', '<>', ring.currentId)]))
      .where(holdsSomethingSealed(spec))
      .executeTakeFirstOrThrow();
    report[spec.table] = Number(row.n);
  }
  return report;
}
