// Every change to the `handoff` table after it is made (making one is create-handoff.ts): who has
// the case, a stage done, closing, deleting at the end of retention, and the bulk rows of demo
// data and benchmarks. The table is written only from this folder (tests/unit/architecture.test.ts);
// casework, retention and the demo say what happened and call these, inside their own transaction.
import type { Insertable } from 'kysely';
import { retentionEnds } from '../../domain/retention/rules.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { HandoffStatus, HandoffTable } from '../db/schema.ts';
import { storeQueueColumns } from './queue-columns.ts';

/** Gives an unassigned case to `staffId`; false when someone else took it first (one conditional update). */
export async function claimHandoff(trx: DbExecutor, id: string, staffId: string): Promise<boolean> {
  const claimed = await trx
    .updateTable('handoff')
    .set({ assigned_to: staffId })
    .where('id', '=', id)
    .where('assigned_to', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Gives the case to `staffId`, whoever had it. */
export async function assignHandoff(trx: DbExecutor, id: string, staffId: string): Promise<void> {
  await trx.updateTable('handoff').set({ assigned_to: staffId }).where('id', '=', id).execute();
}

/** The time a stage was done, the status it leads to, and the queue columns worked out again. */
export async function recordStageDone(
  trx: DbExecutor,
  id: string,
  done: { column: 'acknowledged_at' | 'appointment_arranged_at' | 'information_gathered_at'; status: HandoffStatus; at: Date },
  rules: ServiceRules,
): Promise<void> {
  await trx
    .updateTable('handoff')
    .set({ [done.column]: done.at.toISOString(), status: done.status })
    .where('id', '=', id)
    .execute();
  await storeQueueColumns(trx, id, rules);
}

/** Closes the case; the retention date counts from now, as the consent says details go this long after closing. */
export async function closeHandoff(
  trx: DbExecutor,
  id: string,
  closing: { reason: string; clientGroups: readonly string[]; at: Date },
  rules: ServiceRules,
): Promise<void> {
  await trx
    .updateTable('handoff')
    .set({
      status: 'closed',
      closed_at: closing.at.toISOString(),
      close_reason: closing.reason,
      client_groups: JSON.stringify(closing.clientGroups),
      retain_until: retentionEnds(closing.at, rules.retentionMonths),
    })
    .where('id', '=', id)
    .execute();
  await storeQueueColumns(trx, id, rules);
}

/** Deletes the hand-off row itself (retention deletes what hangs from it first, and leaves a tombstone). */
export async function deleteHandoff(trx: DbExecutor, id: string): Promise<void> {
  await trx.deleteFrom('handoff').where('id', '=', id).execute();
}

/** Rows made with `handoffValues` (create-handoff.ts), many at once: demo data and benchmarks only. */
export async function insertHandoffRows(db: DbExecutor, rows: ReadonlyArray<Insertable<HandoffTable>>, chunk = 150): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto('handoff')
      .values(rows.slice(i, i + chunk))
      .execute();
}
