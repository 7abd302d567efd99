// The hand-off queue: open cases of the teams the actor sees, most urgent first, filtered, sorted
// and paged in SQL. The order, in bands, each read along its own index (migration 011):
//   1. emergencies waiting for contact, soonest due first;
//   2. overdue, by need level, then the date it was due;
//   3. a time limit running, by need level, then due date;
//   4. open with no time limit running (every stage done), by need level, then when received;
//   5. closed (only when the filter asks for them), by need level, then when received.
// Each hand-off stores its band and stage deadline when its stage changes
// (src/server/handoffs/queue-columns.ts), so only "overdue", which depends on today, is worked
// out here, as a range on the stored due date. Pages are by offset: any page can be linked to.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { judgeStage, type Deadline } from '../../domain/casework/time-limits.ts';
import { CASE_STATUSES, NEED_LEVELS } from '../../domain/casework/statuses.ts';
import { clampPage, offsetOf, pageOf, pageRequest, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, visibleTeams, type Actor } from '../../domain/staff/permissions.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { Database, HandoffStatus, HandoffTable, QueueBand } from '../db/schema.ts';
import { QUEUE_BANDS } from '../handoffs/queue-columns.ts';
import { parseReference } from '../handoffs/reference.ts';
import { countOf } from '../db/sql.ts';
import { readCaseSearch } from '../../domain/casework/case-search.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { emailLookup, nameWordLookup, phoneLookup } from '../security/secrets/lookups.ts';
import { openHandoff } from '../handoffs/handoff-sealing.ts';
import { languageNeed } from '../../config/contact-languages.ts';

export interface QueueFilter {
  /** A status, 'open' (everything not closed, the default) or 'all'. */
  status?: string;
  needLevel?: string;
  serviceId?: string;
  /** 'me', 'unassigned', or a staff id. */
  assignee?: string;
  /** A reference (with or without dashes) or part of a name, as a person on the phone gives it. */
  text?: string;
  /** 'overdue': only hand-offs past their time limit. */
  due?: string;
}

export const QUEUE_PAGE_SIZE = 50;

/** Only what the queue shows. */
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
  /** The times the person said it is safe to call them (SAFE_TIMES values; none when they asked for email). */
  safeTimes: string[];
  /** The language to contact them in and whether they need an interpreter, when that is not English without one. */
  languageNeed: string | null;
  /** Partner organisations that recorded contact with the person, and those that declined a referral. */
  contactedBy: string[];
  declinedBy: string[];
}

interface Segment {
  band: QueueBand;
  /** Narrows the band to one side of a date or instant, such as "due before today". */
  where?: ['stage_due_on' | 'stage_due_at', '<' | '>=', string];
  order: 'soonest' | 'need';
}

/** The bands to read, in order, for the filter, with today's line between overdue and not. */
function segmentsFor(filter: QueueFilter, today: string, now: Date): Segment[] {
  const status = filter.status || 'open';
  const overdueOnly = filter.due === 'overdue';
  const urgent: Segment = {
    band: QUEUE_BANDS.urgent,
    order: 'soonest',
    where: overdueOnly ? ['stage_due_at', '<', now.toISOString()] : undefined,
  };
  const overdue: Segment = { band: QUEUE_BANDS.timeLimit, order: 'need', where: ['stage_due_on', '<', today] };
  if (overdueOnly) return status === 'closed' ? [] : [urgent, overdue];
  const open: Segment[] = [
    urgent,
    overdue,
    { band: QUEUE_BANDS.timeLimit, order: 'need', where: ['stage_due_on', '>=', today] },
    { band: QUEUE_BANDS.noTimeLimit, order: 'need' },
  ];
  const closed: Segment = { band: QUEUE_BANDS.closed, order: 'need' };
  if (status === 'all') return [...open, closed];
  if (status === 'closed') return [closed];
  return open;
}

/** The filters every band shares: the actor's teams, and what they chose. */
function filtered(db: AppDatabase, actor: Actor, filter: QueueFilter, teams: string[], ring: DataKeyring) {
  let query = db.selectFrom('handoff').where('handoff.team_id', 'in', teams);
  const status = filter.status || 'open';
  if ((CASE_STATUSES as readonly string[]).includes(status) && status !== 'closed')
    query = query.where('handoff.status', '=', status as HandoffStatus);
  // The need level as its rank, which the queue's indexes hold.
  const needRank = NEED_LEVELS.indexOf(filter.needLevel as HandoffTable['need_level']);
  if (needRank >= 0) query = query.where('handoff.need_rank', '=', needRank);
  if (filter.serviceId) query = query.where('handoff.service_id', '=', filter.serviceId);
  if (filter.assignee === 'me') query = query.where('handoff.assigned_to', '=', actor.id);
  else if (filter.assignee === 'unassigned') query = query.where('handoff.assigned_to', 'is', null);
  else if (filter.assignee) query = query.where('handoff.assigned_to', '=', filter.assignee);
  const search = readCaseSearch(filter.text ?? '', parseReference);
  if (search?.kind === 'reference') query = query.where('handoff.reference', '=', search.reference);
  else if (search?.kind === 'email') query = query.where('handoff.contact_email_hash', '=', emailLookup(ring, search.email));
  else if (search?.kind === 'phone') query = query.where('handoff.contact_phone_hash', '=', phoneLookup(ring, search.digits));
  // Every word typed must be a word of the name (in any order).
  else if (search?.kind === 'name')
    for (const word of search.words) query = query.where('handoff.contact_name_words', 'like', `% ${nameWordLookup(ring, word)} %`);
  else if (search?.kind === 'nothing') query = query.where(sql<boolean>`1 = 0`);
  return query;
}

function inSegment<O>(query: SelectQueryBuilder<Database, 'handoff', O>, segment: Segment) {
  const banded = query.where('handoff.queue_band', '=', segment.band);
  if (!segment.where) return banded;
  const [column, op, value] = segment.where;
  return banded.where(`handoff.${column}`, op, value);
}

/** How many match in each band: a count along each band's index. */
async function countSegments(base: ReturnType<typeof filtered>, segments: Segment[]): Promise<number[]> {
  return Promise.all(segments.map((segment) => countOf(inSegment(base, segment))));
}

/** The queue's columns for these hand-offs, in the order of the ids given. */
async function rowsById(db: AppDatabase, ids: string[], ring: DataKeyring) {
  const rows = await db
    .selectFrom('handoff')
    .leftJoin('staff_user', 'staff_user.id', 'handoff.assigned_to')
    .select([
      'handoff.id',
      'handoff.reference',
      'handoff.contact_name',
      'handoff.preferred_contact',
      'handoff.safe_times',
      'handoff.contact_language',
      'handoff.interpreter_needed',
      'handoff.data_key_id',
      'handoff.need_level',
      'handoff.status',
      'handoff.service_id',
      'handoff.team_id',
      'handoff.assigned_to',
      'staff_user.display_name as assignee_name',
      'handoff.stage',
      'handoff.stage_due_on',
      'handoff.stage_due_at',
    ])
    .where('handoff.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, openHandoff(ring, row.id, row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** For each of these hand-offs, the partner organisations that made contact or declined a referral. */
async function partnerAnswers(db: AppDatabase, ids: string[]): Promise<Map<string, { contactedBy: string[]; declinedBy: string[] }>> {
  const rows = await db
    .selectFrom('referral')
    .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
    .innerJoin('directory_organization', 'directory_organization.id', 'directory_service.organization_id')
    .select(['referral.handoff_id', 'referral.status', 'referral.contacted_at', 'directory_organization.name'])
    .where('referral.handoff_id', 'in', ids)
    .where((eb) => eb.or([eb('referral.status', '=', 'declined'), eb('referral.contacted_at', 'is not', null)]))
    .orderBy('referral.created_at')
    .execute();
  const answers = new Map<string, { contactedBy: string[]; declinedBy: string[] }>();
  for (const row of rows) {
    const entry = answers.get(row.handoff_id) ?? { contactedBy: [], declinedBy: [] };
    (row.status === 'declined' ? entry.declinedBy : entry.contactedBy).push(row.name);
    answers.set(row.handoff_id, entry);
  }
  return answers;
}

export async function listQueue(
  db: AppDatabase,
  actor: Actor,
  filter: QueueFilter,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
  asked: PageRequest = pageRequest(1, QUEUE_PAGE_SIZE),
): Promise<Page<QueueRow>> {
  authorise(actor, 'cases:read');
  const teams = visibleTeams(actor, rules.teamIds);
  const today = localDate(now);
  const base = filtered(db, actor, filter, teams, ring);
  const segments = segmentsFor(filter, today, now);
  const counts = await countSegments(base, segments);
  const total = counts.reduce((a, b) => a + b, 0);
  const request = clampPage(asked, total);

  const rows: QueueRow[] = [];
  let skip = offsetOf(request);
  for (const [index, segment] of segments.entries()) {
    const wanted = request.pageSize - rows.length;
    if (wanted === 0) break;
    if (skip >= counts[index]!) {
      skip -= counts[index]!;
      continue;
    }
    // The page's ids first, read from the band's index alone (so skipping to a far page never
    // visits the skipped rows), then only those rows with what the page shows.
    const ordered =
      segment.order === 'soonest'
        ? inSegment(base, segment).select('handoff.id').orderBy('handoff.stage_due_at').orderBy('handoff.created_at').orderBy('handoff.id')
        : inSegment(base, segment)
            .select('handoff.id')
            .orderBy('handoff.need_rank')
            .orderBy('handoff.stage_due_on')
            .orderBy('handoff.created_at')
            .orderBy('handoff.id');
    const ids = (await ordered.limit(wanted).offset(skip).execute()).map((row) => row.id);
    const found = ids.length === 0 ? [] : await rowsById(db, ids, ring);
    const partners = ids.length === 0 ? new Map() : await partnerAnswers(db, ids);
    skip = 0;
    for (const row of found) {
      rows.push({
        id: row.id,
        reference: row.reference,
        contactName: row.contact_name,
        needLevel: row.need_level,
        status: row.status,
        serviceId: row.service_id,
        teamId: row.team_id,
        assigneeId: row.assigned_to,
        assigneeName: row.assignee_name,
        deadline:
          row.stage && row.stage_due_on
            ? judgeStage(
                { stage: row.stage, dueOn: row.stage_due_on, ...(row.stage_due_at ? { dueAt: row.stage_due_at } : {}) },
                rules.bankHolidays,
                today,
                now,
              )
            : null,
        safeTimes: row.preferred_contact === 'phone' ? (JSON.parse(row.safe_times) as string[]) : [],
        languageNeed: languageNeed(row.contact_language, row.interpreter_needed === 1),
        contactedBy: partners.get(row.id)?.contactedBy ?? [],
        declinedBy: partners.get(row.id)?.declinedBy ?? [],
      });
    }
  }
  return pageOf(rows, total, request);
}
