// Where a hand-off stands in the queue, stored on the row so the queue sorts, filters and pages in
// SQL: its band, its need as a rank, and the stage waiting with when it is due. Worked out here,
// in TypeScript (working days and bank holidays cannot be done in SQL), whenever a hand-off is
// made or its stage or status changes; and for rows made before these columns existed, or after
// the council's bank holidays or time limits change, by refreshQueueColumns (start-up and a job).
import type { Selectable } from 'kysely';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { NEED_LEVELS } from '../../domain/casework/statuses.ts';
import { runningStage, type StageDates } from '../../domain/casework/time-limits.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { HandoffTable, QueueBand } from '../db/schema.ts';

/** What the stored columns are worked out from. */
export type StageSource = Pick<
  Selectable<HandoffTable>,
  'status' | 'need_level' | 'created_at' | 'acknowledged_at' | 'appointment_arranged_at' | 'information_gathered_at' | 'urgent_contact_by'
>;

export type QueueColumns = Required<Pick<Selectable<HandoffTable>, 'queue_band' | 'need_rank' | 'stage' | 'stage_due_on' | 'stage_due_at'>>;

export const QUEUE_BANDS = { urgent: 1, timeLimit: 2, noTimeLimit: 3, closed: 4 } as const satisfies Record<string, QueueBand>;

/** The local dates each stage began and was done, from the row's instants. */
export function stageDates(row: StageSource): StageDates {
  const day = (iso: string | null) => (iso ? localDate(new Date(iso)) : null);
  return {
    receivedOn: localDate(new Date(row.created_at)),
    acknowledgedOn: day(row.acknowledged_at),
    appointmentArrangedOn: day(row.appointment_arranged_at),
    informationGatheredOn: day(row.information_gathered_at),
    closed: row.status === 'closed',
    urgentContactBy: row.urgent_contact_by,
    acknowledgedAt: row.acknowledged_at,
  };
}

export function queueColumns(row: StageSource, rules: ServiceRules): QueueColumns {
  const running = runningStage(stageDates(row), rules.stageLimits, rules.bankHolidays);
  const band: QueueBand =
    row.status === 'closed'
      ? QUEUE_BANDS.closed
      : !running
        ? QUEUE_BANDS.noTimeLimit
        : running.dueAt
          ? QUEUE_BANDS.urgent
          : QUEUE_BANDS.timeLimit;
  return {
    queue_band: band,
    need_rank: NEED_LEVELS.indexOf(row.need_level),
    stage: running?.stage ?? null,
    stage_due_on: running?.dueOn ?? null,
    stage_due_at: running?.dueAt ?? null,
  };
}

const SOURCE_COLUMNS = [
  'id',
  'status',
  'need_level',
  'created_at',
  'acknowledged_at',
  'appointment_arranged_at',
  'information_gathered_at',
  'urgent_contact_by',
  'queue_band',
  'need_rank',
  'stage',
  'stage_due_on',
  'stage_due_at',
] as const;

/** Stores a hand-off's queue columns again from its row as it now is: call it after a change to its stage or status, in the change's transaction. */
export async function storeQueueColumns(trx: DbExecutor, caseId: string, rules: ServiceRules): Promise<void> {
  const row = await trx.selectFrom('handoff').select(SOURCE_COLUMNS).where('id', '=', caseId).executeTakeFirstOrThrow();
  await trx.updateTable('handoff').set(queueColumns(row, rules)).where('id', '=', caseId).execute();
}

const same = (a: QueueColumns, b: QueueColumns) => (Object.keys(a) as Array<keyof QueueColumns>).every((key) => a[key] === b[key]);

/**
 * Works the columns out again for hand-offs that need it, a batch at a time, writing only rows
 * that change: `missing` for rows made before the columns existed (start-up), `open` for every
 * open hand-off (the `queue-columns` job, after bank holidays or time limits change). Safe to run
 * on several instances at once: every writer stores the same values.
 */
export async function refreshQueueColumns(db: DbExecutor, rules: ServiceRules, which: 'missing' | 'open'): Promise<number> {
  let changed = 0;
  let after = '';
  for (;;) {
    let query = db.selectFrom('handoff').select(SOURCE_COLUMNS).where('id', '>', after).orderBy('id').limit(500);
    query =
      which === 'missing'
        ? query.where('queue_band', 'is', null)
        : query.where((eb) => eb.or([eb('queue_band', 'is', null), eb('queue_band', '<>', QUEUE_BANDS.closed)]));
    const rows = await query.execute();
    if (rows.length === 0) return changed;
    for (const row of rows) {
      const columns = queueColumns(row, rules);
      if (same(columns, row)) continue;
      await db.updateTable('handoff').set(columns).where('id', '=', row.id).execute();
      changed += 1;
    }
    after = rows.at(-1)!.id;
  }
}
