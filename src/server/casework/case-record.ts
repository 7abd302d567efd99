// Everything on one case, for the case page: the person's answers and contact preferences, where
// it is against its time limits, the timeline, the plan, referrals, outcomes and follow-ups.
// Opening it is recorded in the audit trail.
import { casework } from '../../config/casework.ts';
import type { Deadline } from '../../domain/casework/time-limits.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { toHandoff, type Handoff } from '../handoffs/handoff-record.ts';
import { deadlineFor, historyFor, viewCase, type CaseRow } from './case-access.ts';
import { caseEventsOf, type CaseEvent } from './case-events.ts';
import { healthChecksOf, type HealthCheck } from './health-checks.ts';
import { followUpsOf, type FollowUp } from './follow-ups.ts';
import { planVersions, type PlanVersion } from './plans.ts';
import { referralsOf, type Referral } from './referrals.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';

export interface CaseRecord {
  handoff: Handoff;
  assigneeId: string | null;
  assigneeName: string | null;
  closedAt: string | null;
  closeReason: string | null;
  clientGroups: string[];
  deadline: Deadline | null;
  stages: ReturnType<typeof historyFor>;
  events: CaseEvent[];
  plan: PlanVersion | null;
  planVersionCount: number;
  /** Every version of the plan, newest first (the latest is `plan`). */
  planVersions: PlanVersion[];
  referrals: Referral[];
  outcomes: Array<{ code: string; label: string; detail: string | null; recordedAt: string }>;
  followUps: FollowUp[];
  /** Income maximisation health checks, newest first. */
  healthChecks: HealthCheck[];
}

async function assigneeName(db: AppDatabase, row: CaseRow): Promise<string | null> {
  if (!row.assigned_to) return null;
  const staff = await db.selectFrom('staff_user').select('display_name').where('id', '=', row.assigned_to).executeTakeFirst();
  return staff?.display_name ?? null;
}

/** A case's record for someone allowed to read it; the view is audited as `what` (say, "case" or "plan"). */
export async function openCase(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
  what = 'case',
): Promise<CaseRecord> {
  const row = await viewCase(db, actor, caseId, what, now);
  const [events, versions, referrals, outcomeRows, followUps, assignee, healthChecks] = await Promise.all([
    caseEventsOf(db, ring, row.id),
    planVersions(db, ring, row.id),
    referralsOf(db, ring, row.id),
    db.selectFrom('case_outcome').selectAll().where('handoff_id', '=', row.id).orderBy('recorded_at').execute(),
    followUpsOf(db, row.id, ring),
    assigneeName(db, row),
    healthChecksOf(db, ring, row.id),
  ]);
  return {
    handoff: toHandoff(row, ring),
    assigneeId: row.assigned_to,
    assigneeName: assignee,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    clientGroups: JSON.parse(row.client_groups) as string[],
    deadline: deadlineFor(row, now, rules),
    stages: historyFor(row, rules),
    events,
    plan: versions[0] ?? null,
    planVersionCount: versions.length,
    planVersions: versions,
    referrals,
    outcomes: outcomeRows.map((o) => ({
      code: o.code,
      label: casework.outcomes.find((c) => c.code === o.code)?.label ?? o.code,
      detail: o.detail,
      recordedAt: o.recorded_at,
    })),
    followUps,
    healthChecks,
  };
}
