// The hand-off queue: open cases of the teams the actor sees, with their time limit, most urgent
// first (overdue, then by need level, then by due date).
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { Deadline } from '../../domain/casework/time-limits.ts';
import { CASE_STATUSES, NEED_LEVELS } from '../../domain/casework/statuses.ts';
import { authorise, visibleTeams, type Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { HandoffStatus, HandoffTable } from '../db/schema.ts';
import { parseReference } from '../handoffs/reference.ts';
import { deadlineFor } from './case-access.ts';
import { containsText } from '../db/sql.ts';


export interface QueueFilter {
  /** A status, 'open' (everything not closed, the default) or 'all'. */
  status?: string;
  needLevel?: string;
  serviceId?: string;
  /** 'me', 'unassigned', or a staff id. */
  assignee?: string;
  /** A reference (with or without dashes) or part of a name, as a person on the phone gives it. */
  text?: string;
}

export interface QueueRow {
  id: string;
  reference: string;
  contactName: string;
  needLevel: HandoffTable['need_level'];
  status: HandoffStatus;
  serviceId: string;
  teamId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  deadline: Deadline | null;
  createdAt: string;
}

export async function listQueue(db: AppDatabase, actor: Actor, filter: QueueFilter, now: Date, rules: ServiceRules): Promise<QueueRow[]> {
  authorise(actor, 'cases:read');
  const teams = visibleTeams(actor, rules.teamIds);
  let query = db
    .selectFrom('handoff')
    .leftJoin('staff_user', 'staff_user.id', 'handoff.assigned_to')
    .selectAll('handoff')
    .select('staff_user.display_name as assignee_name')
    .where('handoff.team_id', 'in', teams);
  const status = filter.status || 'open';
  if (status === 'open') query = query.where('handoff.status', '<>', 'closed');
  else if ((CASE_STATUSES as readonly string[]).includes(status)) query = query.where('handoff.status', '=', status as HandoffStatus);
  if (filter.needLevel && (NEED_LEVELS as readonly string[]).includes(filter.needLevel))
    query = query.where('handoff.need_level', '=', filter.needLevel as HandoffTable['need_level']);
  if (filter.serviceId) query = query.where('handoff.service_id', '=', filter.serviceId);
  if (filter.assignee === 'me') query = query.where('handoff.assigned_to', '=', actor.id);
  else if (filter.assignee === 'unassigned') query = query.where('handoff.assigned_to', 'is', null);
  else if (filter.assignee) query = query.where('handoff.assigned_to', '=', filter.assignee);
  const text = (filter.text ?? '').trim();
  if (text !== '') {
    const reference = parseReference(text);
    query = reference ? query.where('handoff.reference', '=', reference) : query.where(containsText('handoff.contact_name', text));
  }
  const rows = await query.execute();
  const queue = rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    contactName: row.contact_name,
    needLevel: row.need_level,
    status: row.status,
    serviceId: row.service_id,
    teamId: row.team_id,
    assigneeId: row.assigned_to,
    assigneeName: row.assignee_name,
    deadline: deadlineFor(row, now, rules),
    createdAt: row.created_at,
  }));
  // Emergencies waiting for contact come first, soonest due first; then overdue, need, due date.
  const urgent = (row: QueueRow) => (row.deadline?.dueAt ? 1 : 0);
  return queue.sort(
    (a, b) =>
      urgent(b) - urgent(a) ||
      (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? '') ||
      Number(b.deadline?.state === 'overdue') - Number(a.deadline?.state === 'overdue') ||
      NEED_LEVELS.indexOf(a.needLevel) - NEED_LEVELS.indexOf(b.needLevel) ||
      (a.deadline?.dueOn ?? '9999').localeCompare(b.deadline?.dueOn ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
