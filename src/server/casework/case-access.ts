// Opening a case for reading or changing: load it, check the actor may (by role and by team), and
// for changes run the change, its timeline entry and its audit row in one transaction.
import type { Selectable } from 'kysely';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { currentDeadline, stageHistory } from '../../domain/casework/time-limits.ts';
import { authoriseCase, type Actor, type Permission } from '../../domain/staff/permissions.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { stageDates } from '../handoffs/queue-columns.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { CaseEventKind, HandoffTable } from '../db/schema.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { addCaseEvent } from './case-events.ts';
import type { DbExecutor } from '../db/executor.ts';
import { NotFound, UserProblem } from '../web/problems.ts';

export type CaseRow = Selectable<HandoffTable>;

export class CaseNotFound extends NotFound {
  override name = 'CaseNotFound';
}

export class CaseProblem extends UserProblem {
  override name = 'CaseProblem';
}

export function deadlineFor(row: CaseRow, now: Date, rules: ServiceRules) {
  return currentDeadline(stageDates(row), rules.stageLimits, rules.bankHolidays, localDate(now), now);
}

export function historyFor(row: CaseRow, rules: ServiceRules) {
  return stageHistory(stageDates(row), rules.stageLimits, rules.bankHolidays);
}

export async function loadCase(db: AppDatabase | DbExecutor, actor: Actor, caseId: string, permission: Permission): Promise<CaseRow> {
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
  ring: DataKeyring,
  change: (trx: DbExecutor, row: CaseRow) => Promise<{ change: CaseChange; value: T }>,
  permission: Permission = 'cases:work',
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, caseId, permission);
    const { change: done, value } = await change(trx, row);
    if (done.event) await addCaseEvent(trx, ring, { caseId: row.id, ...done.event, staffId: actor.id, at: now });
    await recordAudit(trx, { staffId: actor.id, action: done.action, entityType: 'case', entityId: row.id, detail: done.detail }, now);
    return value;
  });
}

/** The next version number of a case's plan or health check (each save is a new version). */
export async function nextVersion(trx: DbExecutor, table: 'case_plan_version' | 'health_check', caseId: string): Promise<number> {
  const latest = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('version').as('version'))
    .where('handoff_id', '=', caseId)
    .executeTakeFirst();
  return Number(latest?.version ?? 0) + 1;
}
