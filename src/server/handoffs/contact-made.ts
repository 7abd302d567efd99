// Contact made with the person is the acknowledgement they are waiting for, whoever made it: an
// adviser on the case, or a partner organisation the person was referred to. If that stage is
// still open it is completed (status and clock) and the queue columns stored again, in the
// caller's transaction, so nobody calls again someone who asked for no voicemail or gave safe times.
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { DbExecutor } from '../db/executor.ts';
import { storeQueueColumns } from './queue-columns.ts';

/**
 * Acknowledges the hand-off now, if it is open and not yet acknowledged; `assignTo` takes it
 * for that staff member when nobody has it. One conditional update: of two contacts recorded at
 * once, one acknowledges. Says whether this one did.
 */
export async function acknowledgeOnContact(
  trx: DbExecutor,
  handoffId: string,
  now: Date,
  rules: ServiceRules,
  assignTo?: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('handoff')
    .set((eb) => ({
      acknowledged_at: now.toISOString(),
      status: 'acknowledged' as const,
      ...(assignTo ? { assigned_to: eb.fn.coalesce('assigned_to', eb.val(assignTo)) } : {}),
    }))
    .where('id', '=', handoffId)
    .where('acknowledged_at', 'is', null)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await storeQueueColumns(trx, handoffId, rules);
  return true;
}
