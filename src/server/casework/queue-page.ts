// What the queue page and its JSON twin share: the filter and page from the address, and a page of
// rows ready to show.
import { selfAssessment } from '../../config/self-assessment.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { auditSearchLookup } from '../security/secrets/lookups.ts';
import { visibleTeams, type Actor } from '../../domain/staff/permissions.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { QueueFilterValues, QueueViewRow } from '../../domain/casework/queue-view.ts';
import { pageNumberFrom, pageRequest, type Page } from '../../domain/paging.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { recordListView } from '../audit/audit.ts';
import { teamMembers } from '../staff/accounts.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { QUEUE_PAGE_SIZE, listQueue } from './queue.ts';
import { safeTimeLabels, safeTimeWindows } from '../../domain/handoff/contact-details.ts';
import { anyWithinOfficeHours } from '../../domain/time/office-hours.ts';

export function queueFilterFrom(url: URL): QueueFilterValues {
  const get = (name: string) => (url.searchParams.get(name) ?? '').slice(0, 64);
  return {
    text: get('q'),
    status: get('status'),
    needLevel: get('need'),
    serviceId: get('service'),
    assignee: get('assignee'),
    due: get('due'),
  };
}

export function queuePageFrom(url: URL): number {
  return pageNumberFrom(url.searchParams.get('page'));
}

export async function queueRows(
  db: AppDatabase,
  actor: Actor,
  filter: QueueFilterValues,
  page: number,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<Page<QueueViewRow>> {
  const found = await listQueue(db, actor, filter, now, rules, ring, pageRequest(page, QUEUE_PAGE_SIZE));
  const { text, ...filters } = filter;
  const searchedFor = text.trim() ? auditSearchLookup(ring, text) : undefined;
  await recordListView(db, actor, 'queue', { filters, searchedFor, page: found.page, shown: found.rows.length }, now);
  return {
    ...found,
    rows: found.rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      contactName: row.contactName,
      needLevel: row.needLevel,
      status: row.status,
      serviceName: serviceById(row.serviceId)?.name ?? row.serviceId,
      assigneeName: row.assigneeName,
      deadline: row.deadline,
      safeToCall:
        row.deadline?.dueAt && row.safeTimes.length > 0
          ? {
              times: safeTimeLabels(row.safeTimes),
              noneInOfficeHours: !anyWithinOfficeHours(safeTimeWindows(row.safeTimes), rules.openingHours),
            }
          : null,
      languageNeed: row.languageNeed,
      contactedBy: row.contactedBy,
      declinedBy: row.declinedBy,
    })),
  };
}

/** The choices in the filters: the services and people of the teams the actor sees. */
export async function queueFilterOptions(db: AppDatabase, actor: Actor, rules: ServiceRules) {
  const teams = visibleTeams(actor, rules.teamIds);
  const services = selfAssessment.services.filter((s) => teams.includes(s.teamId)).map((s) => ({ id: s.id, name: s.name }));
  const assignees = (await teamMembers(db, teams)).map((m) => ({ id: m.id, name: m.displayName }));
  return { services, assignees };
}
