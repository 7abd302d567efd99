// Opening a case for reading or changing: load it, check the actor may (by role and by team), and
// for changes run the change, its timeline entry and its audit row in one transaction.
import type { Selectable } from 'kysely';
import { bankHolidays } from '../../config/calendar.ts';
import { council } from '../../config/council.ts';
import { currentDeadline, stageHistory, type StageDates, type StageLimits } from '../../domain/casework/time-limits.ts';
import { authoriseCase, type Actor, type Permission } from '../../domain/staff/permissions.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { CaseEventKind, HandoffTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { DbExecutor } from '../db/executor.ts';

export type CaseRow = Selectable<HandoffTable>;

export class CaseNotFound extends Error {
  override name = 'CaseNotFound';
}

export class CaseProblem extends Error {
  override name = 'CaseProblem';
}

export function stageLimits(): StageLimits {
  return {
    acknowledge: council.handoff.acknowledgeWithinWorkingDays,
    appointment: council.handoff.appointmentWithinWorkingDays,
    information: council.handoff.informationWithinWorkingDays,
  };
}

export function stageDates(row: CaseRow): StageDates {
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

export function deadlineFor(row: CaseRow, now: Date) {
  return currentDeadline(stageDates(row), stageLimits(), bankHolidays, localDate(now), now);
}

export function historyFor(row: CaseRow) {
  return stageHistory(stageDates(row), stageLimits(), bankHolidays);
}

async function loadCase(db: AppDatabase | DbExecutor, actor: Actor, caseId: string, permission: Permission): Promise<CaseRow> {
  const row = await db.selectFrom('handoff').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new CaseNotFound('There is no case with that id');
  authoriseCase(actor, { teamId: row.team_id }, permission);
  return row;
}

/** Loads a case the actor may read, recording that they viewed it. */
export async function viewCase(db: AppDatabase, actor: Actor, caseId: string, what: string, now: Date): Promise<CaseRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, caseId, 'cases:read');
    await recordAudit(trx, { staffId: actor.id, action: `viewed ${what}`, entityType: 'case', entityId: row.id }, now);
    return row;
  });
}

export interface CaseChange {
  /** The timeline entry, when the change belongs on it. */
  event?: { kind: CaseEventKind; summary: string; detail?: string | null };
  /** What the audit trail says was done, such as "claimed". */
  action: string;
  detail?: Record<string, unknown>;
}

/** Runs a change to a case the actor may work on: the change, timeline entry and audit row together. */
export async function changeCase<T>(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  now: Date,
  change: (trx: DbExecutor, row: CaseRow) => Promise<{ change: CaseChange; value: T }>,
  permission: Permission = 'cases:work',
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, caseId, permission);
    const { change: done, value } = await change(trx, row);
    if (done.event) {
      await trx
        .insertInto('case_event')
        .values({
          id: newId(),
          handoff_id: row.id,
          kind: done.event.kind,
          summary: done.event.summary,
          detail: done.event.detail ?? null,
          staff_id: actor.id,
          created_at: now.toISOString(),
        })
        .execute();
    }
    await recordAudit(trx, { staffId: actor.id, action: done.action, entityType: 'case', entityId: row.id, detail: done.detail }, now);
    return value;
  });
}
