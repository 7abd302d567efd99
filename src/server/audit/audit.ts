// The audit trail: who viewed or changed what, and when. Rows are written in the same transaction
// as the change they describe; the database refuses to update or delete them (migration 004).
import { clampPage, MAX_PAGE_SIZE, offsetOf, pageOf, pageRequest, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import type { DbExecutor } from '../db/executor.ts';
import { countOf } from '../db/sql.ts';

export interface AuditEntry {
  /** Null when the command line or the service itself acted. */
  staffId: string | null;
  /** What was done, as a verb phrase such as "viewed" or "claimed". */
  action: string;
  entityType:
    | 'case'
    | 'staff_user'
    | 'directory_service'
    | 'follow_up'
    | 'referral'
    | 'session'
    | 'landlord'
    | 'advert'
    | 'certificate'
    | 'report'
    | 'list'
    | 'assisted_self_assessment'
    | 'posted_pack_request'
    | 'share_code';
  entityId: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: DbExecutor, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: newId(),
      at: now.toISOString(),
      staff_id: entry.staffId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** The lists whose opening is audited: each shows people's details, or the service's own records. */
export type AuditedList =
  'queue' | 'follow-ups' | 'partner referrals' | 'landlords' | 'homes' | 'accounts' | 'audit trail' | 'outbox' | 'report export';

/**
 * Someone opened a list: which, with what filters and what page, and how many rows it showed.
 * Free text searched for (a name, a phone number) is never kept as typed: the caller gives only
 * its keyed hash (`auditSearchLookup`, src/server/security/secrets/lookups.ts), so someone
 * investigating can check whether a given search was made, but the trail holds no one's name
 * (administrators, who read it, do not see people's details).
 */
export async function recordListView(
  db: DbExecutor,
  actor: { id: string },
  list: AuditedList,
  view: { filters?: Record<string, string | undefined>; searchedFor?: string | undefined; page?: number; shown?: number },
  now: Date,
): Promise<void> {
  const filters = Object.fromEntries(Object.entries(view.filters ?? {}).filter(([, value]) => value !== undefined && value !== ''));
  const searched = view.searchedFor ? { searchedFor: view.searchedFor } : {};
  await recordAudit(
    db,
    {
      staffId: actor.id,
      action: 'opened a list',
      entityType: 'list',
      entityId: list,
      detail: {
        ...filters,
        ...searched,
        ...(view.page !== undefined ? { page: view.page } : {}),
        ...(view.shown !== undefined ? { shown: view.shown } : {}),
      },
    },
    now,
  );
}

export interface AuditRow {
  at: string;
  staffId: string | null;
  staffName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  staffId?: string;
}

export const AUDIT_PAGE_SIZE = 100;

/** A page of the trail, newest first, paged in SQL along its index on `at`. Administrators only. */
export async function auditPage(db: AppDatabase, actor: Actor, filter: AuditFilter, asked: PageRequest): Promise<Page<AuditRow>> {
  authorise(actor, 'audit:read');
  let query = db.selectFrom('audit_event');
  if (filter.entityType) query = query.where('audit_event.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('audit_event.entity_id', '=', filter.entityId);
  if (filter.staffId) query = query.where('audit_event.staff_id', '=', filter.staffId);
  const total = await countOf(query);
  const request = clampPage(asked, total);
  const rows = await query
    .leftJoin('staff_user', 'staff_user.id', 'audit_event.staff_id')
    .select([
      'audit_event.at',
      'audit_event.staff_id',
      'staff_user.display_name',
      'audit_event.action',
      'audit_event.entity_type',
      'audit_event.entity_id',
      'audit_event.detail',
    ])
    .orderBy('audit_event.at', 'desc')
    .orderBy('audit_event.id', 'desc')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  return pageOf(
    rows.map((row) => ({
      at: row.at,
      staffId: row.staff_id,
      staffName: row.display_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    })),
    total,
    request,
  );
}

/** The latest entries of the trail (up to 200), newest first. Administrators only. */
export async function listAudit(db: AppDatabase, actor: Actor, filter: AuditFilter = {}): Promise<AuditRow[]> {
  return (await auditPage(db, actor, filter, pageRequest(1, MAX_PAGE_SIZE))).rows;
}
