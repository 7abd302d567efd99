// A case's timeline: the one place an entry is written (by advisers' use cases, a partner's answer,
// a home let to the person) and read. What an entry says is sealed under the data keys, because
// notes, and the reasons and answers copied onto it, can say anything about the person.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { CaseEventKind } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { CASE_EVENT_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';

export interface NewCaseEvent {
  caseId: string;
  kind: CaseEventKind;
  summary: string;
  detail?: string | null;
  /** Who did it: an adviser, or a partner's account. */
  staffId: string;
  at: Date | string;
}

export interface CaseEvent {
  kind: CaseEventKind;
  summary: string;
  detail: string | null;
  staffName: string | null;
  createdAt: string;
}

/** Adds an entry to the case's timeline, sealed; part of the caller's transaction. */
export async function addCaseEvent(trx: DbExecutor, ring: DataKeyring, event: NewCaseEvent): Promise<void> {
  const id = newId();
  await trx
    .insertInto('case_event')
    .values({
      id,
      handoff_id: event.caseId,
      kind: event.kind,
      ...sealColumns(ring, 'case_event', id, { summary: event.summary, detail: event.detail ?? null }),
      staff_id: event.staffId,
      created_at: typeof event.at === 'string' ? event.at : event.at.toISOString(),
    })
    .execute();
}

/** The case's timeline, newest first, opened. The caller has already opened the case. */
export async function caseEventsOf(db: DbExecutor, ring: DataKeyring, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('case_event')
    .leftJoin('staff_user', 'staff_user.id', 'case_event.staff_id')
    .select([
      'case_event.id',
      'case_event.kind',
      'case_event.summary',
      'case_event.detail',
      'case_event.data_key_id',
      'case_event.created_at',
      'staff_user.display_name',
    ])
    .where('case_event.handoff_id', '=', caseId)
    .orderBy('case_event.created_at', 'desc')
    .orderBy('case_event.id', 'desc')
    .execute();
  return rows.map((sealed) => {
    const e = openColumns(ring, 'case_event', sealed.id, sealed, CASE_EVENT_SEALED_COLUMNS);
    return { kind: e.kind, summary: e.summary, detail: e.detail, staffName: e.display_name, createdAt: e.created_at };
  });
}
