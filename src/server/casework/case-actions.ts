// What an adviser does to a case: claim or assign it, move it through the referral stages, write
// notes and contacts, record outcomes, and close it (which schedules the follow-ups).
import { casework } from '../../config/casework.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { STAGE_NAMES, type Stage } from '../../domain/casework/time-limits.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import { addMonths, localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { HandoffStatus } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { CaseProblem, changeCase, deadlineFor } from './case-access.ts';
import { addCaseEvent } from './case-events.ts';
import { assignHandoff, claimHandoff, closeHandoff, recordStageDone } from '../handoffs/handoff-writes.ts';
import { acknowledgeOnContact } from '../handoffs/contact-made.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';

export async function claimCase(db: AppDatabase, actor: Actor, caseId: string, now: Date, ring: DataKeyring): Promise<void> {
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    if (row.assigned_to === actor.id) throw new CaseProblem('You already have this case');
    if (row.assigned_to !== null) throw new CaseProblem('Someone else has this case. Ask a manager to give it to you.');
    // One conditional update: of two advisers (or two instances) claiming at once, exactly one wins.
    if (!(await claimHandoff(trx, row.id, actor.id)))
      throw new CaseProblem('Someone else has just taken this case. Ask a manager to give it to you.');
    return {
      change: { action: 'claimed', event: { kind: 'assignment', summary: `${actor.displayName} took the case` } },
      value: undefined,
    };
  });
}

export async function assignCase(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  assigneeId: string,
  now: Date,
  ring: DataKeyring,
): Promise<void> {
  await changeCase(
    db,
    actor,
    caseId,
    now,
    ring,
    async (trx, row) => {
      if (row.status === 'closed') throw new CaseProblem('This case is closed');
      const assignee = await trx
        .selectFrom('staff_user')
        .select(['id', 'display_name', 'team_id', 'is_disabled', 'role'])
        .where('id', '=', assigneeId)
        .executeTakeFirst();
      if (
        !assignee ||
        assignee.is_disabled === 1 ||
        assignee.role === 'administrator' ||
        (assignee.team_id !== row.team_id && assignee.role !== 'manager')
      ) {
        throw new CaseProblem('Choose someone in the team this case belongs to');
      }
      await assignHandoff(trx, row.id, assignee.id);
      return {
        change: {
          action: 'assigned',
          detail: { to: assignee.id },
          event: { kind: 'assignment', summary: `${actor.displayName} gave the case to ${assignee.display_name}` },
        },
        value: undefined,
      };
    },
    'cases:assign',
  );
}

const STAGE_RESULTS: Record<
  Stage,
  { column: 'acknowledged_at' | 'appointment_arranged_at' | 'information_gathered_at'; status: HandoffStatus; summary: string }
> = {
  acknowledge: { column: 'acknowledged_at', status: 'acknowledged', summary: 'Acknowledged the hand-off' },
  appointment: { column: 'appointment_arranged_at', status: 'appointment_arranged', summary: 'Arranged an appointment' },
  information: { column: 'information_gathered_at', status: 'in_progress', summary: 'Gathered information from other agencies' },
};

/** Marks the stage now waiting as done. Only the waiting stage can be done, and only by whoever has the case. */
export async function completeStage(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  stage: Stage,
  rawNote: string,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<void> {
  const note = cleanTextOrThrow(rawNote, 'The note', { multiline: true, maxLength: 2000 }, (m) => new CaseProblem(m));
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.assigned_to !== actor.id) throw new CaseProblem('Take the case before you work on it');
    const waiting = deadlineFor(row, now, rules);
    if (!waiting || waiting.stage !== stage) throw new CaseProblem(`"${STAGE_NAMES[stage]}" is not the stage this case is waiting for`);
    const result = STAGE_RESULTS[stage];
    await recordStageDone(trx, row.id, { column: result.column, status: result.status, at: now }, rules);
    return {
      change: {
        action: `completed stage: ${stage}`,
        detail: { dueOn: waiting.dueOn, late: waiting.state === 'overdue' },
        event: { kind: 'status', summary: result.summary, detail: note.trim() || null },
      },
      value: undefined,
    };
  });
}

export type NoteKind = 'note' | 'attempt' | 'contact';

const NOTE_SUMMARIES: Record<NoteKind, string> = { note: 'Note', attempt: 'Tried to contact them', contact: 'Spoke to them' };

/**
 * Adds to the timeline: a note, an attempt to reach the person, or contact made with them.
 * Contact made is the acknowledgement the person is waiting for: if that stage is still open it
 * is completed too (status and clock), so colleagues do not call someone again who asked for no
 * voicemail or gave safe times. Whoever made contact takes an unclaimed case.
 */
export async function addNote(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: { kind: NoteKind; text: string },
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<{ acknowledged: boolean }> {
  const text = cleanTextOrThrow(input.text, 'The note', { multiline: true, maxLength: 5000 }, (m) => new CaseProblem(m));
  if (text === '') throw new CaseProblem(input.kind === 'note' ? 'Enter the note' : 'Enter what happened when you tried to contact them');
  return changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    const waiting = deadlineFor(row, now, rules);
    const acknowledges =
      input.kind === 'contact' && waiting?.stage === 'acknowledge' && (await acknowledgeOnContact(trx, row.id, now, rules, actor.id));
    if (acknowledges) {
      const result = STAGE_RESULTS.acknowledge;
      await addCaseEvent(trx, ring, {
        caseId: row.id,
        kind: 'status',
        summary: `${result.summary}: contact made`,
        staffId: actor.id,
        at: now,
      });
    }
    return {
      change: {
        action: input.kind === 'contact' ? 'recorded contact' : input.kind === 'attempt' ? 'recorded contact attempt' : 'added note',
        detail: acknowledges ? { completedStage: 'acknowledge', dueOn: waiting!.dueOn, late: waiting!.state === 'overdue' } : undefined,
        event: { kind: input.kind === 'note' ? 'note' : 'contact', summary: NOTE_SUMMARIES[input.kind], detail: text },
      },
      value: { acknowledged: acknowledges },
    };
  });
}

export async function recordOutcome(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: { code: string; detail: string },
  now: Date,
  ring: DataKeyring,
): Promise<void> {
  const outcome = casework.outcomes.find((o) => o.code === input.code);
  if (!outcome) throw new CaseProblem('Choose an outcome');
  const detail = input.detail.trim();
  if (outcome.detail && !outcome.detail.options.includes(detail)) throw new CaseProblem(`${outcome.detail.question} Choose one.`);
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    await trx
      .insertInto('case_outcome')
      .values({
        id: newId(),
        handoff_id: row.id,
        code: outcome.code,
        detail: outcome.detail ? detail : null,
        recorded_by: actor.id,
        recorded_at: now.toISOString(),
      })
      .execute();
    const label = outcome.detail ? `${outcome.label} (${detail})` : outcome.label;
    return {
      change: { action: 'recorded outcome', detail: { code: outcome.code }, event: { kind: 'outcome', summary: `Outcome: ${label}` } },
      value: undefined,
    };
  });
}

export async function closeCase(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: { reason: string; clientGroups: string[] },
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<{ followUpsDue: string[] }> {
  if (!casework.closeReasons.includes(input.reason)) throw new CaseProblem('Choose why the case is closing');
  const groups = [...new Set(input.clientGroups)];
  for (const code of groups)
    if (!casework.clientGroups.some((g) => g.code === code)) throw new CaseProblem(`"${code}" is not a client group`);
  return changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is already closed');
    if (row.assigned_to !== actor.id && actor.role !== 'manager') throw new CaseProblem('Take the case before you close it');
    await closeHandoff(trx, row.id, { reason: input.reason, clientGroups: groups, at: now }, rules);
    const closedOn = localDate(now);
    // Follow-ups already scheduled (from a tenancy's start, say) stand; otherwise they are due from today.
    const scheduled = await trx.selectFrom('follow_up').select('due_on').where('handoff_id', '=', row.id).orderBy('months_after').execute();
    const followUpsDue =
      scheduled.length > 0 ? scheduled.map((f) => f.due_on) : rules.followUpMonths.map((months) => addMonths(closedOn, months));
    if (scheduled.length === 0) {
      for (const [index, months] of rules.followUpMonths.entries()) {
        await trx
          .insertInto('follow_up')
          .values({
            id: newId(),
            handoff_id: row.id,
            months_after: months,
            due_on: followUpsDue[index]!,
            still_housed: null,
            in_work_or_training: null,
            notes: null,
            recorded_by: null,
            recorded_at: null,
          })
          .execute();
      }
    }
    return {
      change: {
        action: 'closed',
        detail: { reason: input.reason, clientGroups: groups },
        event: { kind: 'status', summary: `Closed: ${input.reason}` },
      },
      value: { followUpsDue },
    };
  });
}
