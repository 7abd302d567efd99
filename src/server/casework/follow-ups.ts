// Follow-ups 3 and 6 months after a case closes: are they still housed, still in work or
// training? The answers are what sustainment is reported from.
import { clampPage, offsetOf, pageOf, pageRequest, type Page, type PageRequest } from '../../domain/paging.ts';
import { visibleTeams, authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { CaseProblem, changeCase } from './case-access.ts';
import type { DbExecutor } from '../db/executor.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { queueMessage } from '../notify/outbox.ts';
import { countOf } from '../db/sql.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openHandoff } from '../handoffs/handoff-sealing.ts';
import { openText, sealColumns } from '../security/secrets/sealing.ts';

export interface FollowUp {
  id: string;
  caseId: string;
  reference: string;
  contactName: string;
  monthsAfter: number;
  dueOn: string;
  stillHoused: boolean | null;
  inWorkOrTraining: boolean | null;
  /** Financially secure (Blackpool's WRS3). */
  financiallySecure: boolean | null;
  notes: string | null;
  recordedAt: string | null;
}

function query(db: AppDatabase | DbExecutor) {
  return db
    .selectFrom('follow_up')
    .innerJoin('handoff', 'handoff.id', 'follow_up.handoff_id')
    .select([
      'follow_up.id',
      'follow_up.handoff_id',
      'handoff.reference',
      'handoff.contact_name',
      'handoff.data_key_id',
      'follow_up.months_after',
      'follow_up.due_on',
      'follow_up.still_housed',
      'follow_up.in_work_or_training',
      'follow_up.financially_secure',
      'follow_up.notes',
      'follow_up.data_key_id as notes_key_id',
      'follow_up.recorded_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function toFollowUp(sealed: Row, ring: DataKeyring): FollowUp {
  const row = openHandoff(ring, sealed.handoff_id, sealed);
  const flag = (v: number | null) => (v === null ? null : v === 1);
  return {
    id: row.id,
    caseId: row.handoff_id,
    reference: row.reference,
    contactName: row.contact_name,
    monthsAfter: row.months_after,
    dueOn: row.due_on,
    stillHoused: flag(row.still_housed),
    inWorkOrTraining: flag(row.in_work_or_training),
    financiallySecure: flag(row.financially_secure),
    notes: row.notes === null ? null : openText(ring, row.notes_key_id, { table: 'follow_up', column: 'notes', rowId: row.id }, row.notes),
    recordedAt: row.recorded_at,
  };
}

export const FOLLOW_UPS_PAGE_SIZE = 20;

/** A page of the follow-ups not yet recorded, soonest first, for the teams the actor sees: paged in SQL along the index on (recorded_at, due_on). */
export async function pendingFollowUps(
  db: AppDatabase,
  actor: Actor,
  rules: ServiceRules,
  ring: DataKeyring,
  asked: PageRequest = pageRequest(1, FOLLOW_UPS_PAGE_SIZE),
): Promise<Page<FollowUp>> {
  authorise(actor, 'cases:read');
  const teams = visibleTeams(actor, rules.teamIds);
  const pending = db
    .selectFrom('follow_up')
    .innerJoin('handoff', 'handoff.id', 'follow_up.handoff_id')
    .where('handoff.team_id', 'in', teams)
    .where('follow_up.recorded_at', 'is', null);
  const total = await countOf(pending);
  const request = clampPage(asked, total);
  const rows = await query(db)
    .where('handoff.team_id', 'in', teams)
    .where('follow_up.recorded_at', 'is', null)
    .orderBy('follow_up.due_on')
    .orderBy('handoff.reference')
    .orderBy('follow_up.id')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  return pageOf(
    rows.map((row) => toFollowUp(row, ring)),
    total,
    request,
  );
}

export async function followUpsOf(db: AppDatabase | DbExecutor, caseId: string, ring: DataKeyring): Promise<FollowUp[]> {
  const rows = await query(db).where('follow_up.handoff_id', '=', caseId).orderBy('follow_up.months_after').execute();
  return rows.map((row) => toFollowUp(row, ring));
}

function yesNo(value: string, question: string): 0 | 1 {
  if (value === 'yes') return 1;
  if (value === 'no') return 0;
  throw new CaseProblem(`Choose whether they are ${question}`);
}

export async function recordFollowUp(
  db: AppDatabase,
  actor: Actor,
  followUpId: string,
  input: { stillHoused: string; inWorkOrTraining: string; financiallySecure: string; notes: string },
  now: Date,
  ring: DataKeyring,
): Promise<void> {
  const stillHoused = yesNo(input.stillHoused, 'still housed');
  const inWork = yesNo(input.inWorkOrTraining, 'in work or training');
  const secure = yesNo(input.financiallySecure, 'financially secure (paying their way without falling behind)');
  const notes = cleanTextOrThrow(input.notes, 'The notes', { multiline: true, maxLength: 2000 }, (m) => new CaseProblem(m));
  const found = await db.selectFrom('follow_up').select(['handoff_id']).where('id', '=', followUpId).executeTakeFirst();
  if (!found) throw new CaseProblem('There is no such follow-up');
  await changeCase(db, actor, found.handoff_id, now, ring, async (trx) => {
    const followUp = await trx
      .selectFrom('follow_up')
      .select(['months_after', 'recorded_at'])
      .where('id', '=', followUpId)
      .executeTakeFirstOrThrow();
    if (followUp.recorded_at) throw new CaseProblem('This follow-up has already been recorded');
    await trx
      .updateTable('follow_up')
      .set({
        still_housed: stillHoused,
        in_work_or_training: inWork,
        financially_secure: secure,
        ...sealColumns(ring, 'follow_up', followUpId, { notes: notes || null }),
        recorded_by: actor.id,
        recorded_at: now.toISOString(),
      })
      .where('id', '=', followUpId)
      .execute();
    const summary = `${followUp.months_after}-month follow-up: ${stillHoused ? 'still housed' : 'not still housed'}, ${inWork ? 'in work or training' : 'not in work or training'}, ${secure ? 'financially secure' : 'not financially secure'}`;
    return {
      change: {
        action: 'recorded follow-up',
        detail: { followUpId },
        event: { kind: 'follow_up', summary, detail: notes || null },
      },
      value: undefined,
    };
  });
}

/**
 * Tells each service's team how many follow-ups have fallen due (by `today`) and are not yet
 * recorded: one email per team, nothing about the people in it, each follow-up reminded once.
 * The `follow-ups-due` job (src/server/jobs/) runs it.
 */
export async function remindFollowUpsDue(db: AppDatabase, ring: DataKeyring, now: Date, today: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('follow_up')
      .innerJoin('handoff', 'handoff.id', 'follow_up.handoff_id')
      .select(['follow_up.id', 'handoff.service_id'])
      .where('follow_up.recorded_at', 'is', null)
      .where('follow_up.reminded_at', 'is', null)
      .where('follow_up.due_on', '<=', today)
      .execute();
    const byService = Map.groupBy(due, (row) => row.service_id);
    for (const [serviceId, rows] of byService) {
      const service = serviceById(serviceId);
      if (!service) continue;
      const count = rows.length;
      await queueMessage(
        trx,
        ring,
        {
          to: service.notifyEmail,
          subject: `${count} follow-up${count === 1 ? ' is' : 's are'} due`,
          body: `${count} follow-up${count === 1 ? ' has' : 's have'} fallen due for the ${service.name}: are the people still housed, still in work or training?\n\nRecord them in the back office under "Follow-ups".`,
          relatedType: 'follow_up',
          relatedId: rows[0]!.id,
        },
        now,
      );
    }
    if (due.length > 0) {
      await trx
        .updateTable('follow_up')
        .set({ reminded_at: now.toISOString() })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .execute();
    }
    return due.length;
  });
}
