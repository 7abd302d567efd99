// The retention job: deletes each closed case once its retention date has come, with everything
// hanging from it, leaving an audit tombstone (reference, dates, the rule applied) and the
// anonymous daily counts behind the managers' reports; and deletes sent email and old password
// links, and requests for packs by post whose promised time is up. Each case goes in a transaction of its own, so a stop half way loses nothing it should
// keep and the next run carries on. Rules: src/domain/retention/rules.ts.
import { deleteHandoff } from '../handoffs/handoff-writes.ts';
import { deleteExpiredShareCodes, deleteShareCodesOfCase } from '../share/share-codes.ts';
import { deleteExpiredPackRequests } from '../posted-packs/pack-requests.ts';
import { RESET_LINK_KEEP_DAYS, SENT_OUTBOX_KEEP_DAYS, caseRetentionRule } from '../../domain/retention/rules.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { recordAudit } from '../audit/audit.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';

export interface RetentionReport {
  cases: number;
  sentMessages: number;
  resetLinks: number;
  /** Requests for information packs by post, deleted at the end of the time the person agreed to. */
  packRequests: number;
  /** Share codes whose 30 days are up, with their views. */
  shareCodes: number;
}

const BATCH = 100;
const DAY_MS = 86_400_000;

/**
 * Deletes one hand-off and what hangs from it, and writes its tombstone, in the caller's
 * transaction. `tombstone` says who and why (the retention rule, or an erasure on request).
 */
export async function deleteCaseRecords(
  trx: DbExecutor,
  row: { id: string; reference: string; created_at: string; closed_at: string | null },
  tombstone: { staffId: string | null; action: string; rule: string; detail?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  for (const table of [
    'case_event',
    'case_plan_version',
    'referral',
    'case_outcome',
    'follow_up',
    'health_check',
    'case_metric',
  ] as const) {
    await trx.deleteFrom(table).where('handoff_id', '=', row.id).execute();
  }
  // Interest in a home and tenancies keep their own life, without the link to the case.
  await trx.updateTable('advert_interest').set({ handoff_id: null }).where('handoff_id', '=', row.id).execute();
  await trx.updateTable('tenancy').set({ handoff_id: null }).where('handoff_id', '=', row.id).execute();
  await trx.deleteFrom('outbox_message').where('related_id', '=', row.id).execute();
  // A summary the person shared from this request goes with it (its code stops working).
  await deleteShareCodesOfCase(trx, row.id);
  await deleteHandoff(trx, row.id);
  await recordAudit(
    trx,
    {
      staffId: tombstone.staffId,
      action: tombstone.action,
      entityType: 'case',
      entityId: row.id,
      detail: { reference: row.reference, receivedAt: row.created_at, closedAt: row.closed_at, rule: tombstone.rule, ...tombstone.detail },
    },
    now,
  );
}

/** The `retention` job. */
export async function applyRetention(db: AppDatabase, now: Date, rules: Pick<ServiceRules, 'retentionMonths'>): Promise<RetentionReport> {
  const at = now.toISOString();
  let cases = 0;
  for (;;) {
    const due = await db
      .selectFrom('handoff')
      .select(['id', 'reference', 'created_at', 'closed_at'])
      .where('status', '=', 'closed')
      .where('retain_until', '<=', at)
      .orderBy('retain_until')
      .limit(BATCH)
      .execute();
    for (const row of due) {
      await db.transaction().execute(async (trx) => {
        // Still closed and still due (a case reopened meanwhile is kept).
        const still = await trx
          .selectFrom('handoff')
          .select('id')
          .where('id', '=', row.id)
          .where('status', '=', 'closed')
          .where('retain_until', '<=', at)
          .executeTakeFirst();
        if (!still) return;
        await deleteCaseRecords(
          trx,
          row,
          { staffId: null, action: 'deleted under the retention rule', rule: caseRetentionRule(rules.retentionMonths) },
          now,
        );
        cases += 1;
      });
    }
    if (due.length < BATCH) break;
  }
  const sent = await db
    .deleteFrom('outbox_message')
    .where('sent_at', 'is not', null)
    .where('sent_at', '<=', new Date(now.getTime() - SENT_OUTBOX_KEEP_DAYS * DAY_MS).toISOString())
    .executeTakeFirst();
  const linkCutoff = new Date(now.getTime() - RESET_LINK_KEEP_DAYS * DAY_MS).toISOString();
  const links = await db
    .deleteFrom('password_reset')
    .where((eb) => eb.or([eb('expires_at', '<=', linkCutoff), eb('used_at', '<=', linkCutoff)]))
    .executeTakeFirst();
  const packRequests = await deleteExpiredPackRequests(db, now);
  const shareCodes = await deleteExpiredShareCodes(db, now);
  return { cases, sentMessages: Number(sent.numDeletedRows), resetLinks: Number(links.numDeletedRows), packRequests, shareCodes };
}
