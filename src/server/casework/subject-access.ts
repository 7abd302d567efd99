// Subject access and erasure (UK GDPR articles 15 and 17), from a case, by a manager: everything
// held about the person (answers, contact details, safety notes, the timeline and notes, every
// plan version, referrals, outcomes, follow-ups, share codes and their views, and who viewed or changed the record when), as a
// printable page and as JSON; and erasure on request with a reason, leaving the same tombstone
// the retention job leaves. Both are audited.
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { deleteCaseRecords } from '../retention/retention.ts';
import { UserProblem } from '../web/problems.ts';
import { loadCase } from './case-access.ts';
import { openCase, type CaseRecord } from './case-record.ts';
import type { PlanVersion } from './plans.ts';
import { shareCodesOfCase, type CaseShareCode } from '../share/share-codes.ts';

export interface SubjectAccessExport {
  generatedAt: string;
  generatedBy: string;
  record: CaseRecord;
  planVersions: PlanVersion[];
  /** Share codes the person made for this request, and who viewed them (never the code). */
  shareCodes: CaseShareCode[];
  /** Who viewed or changed the record, and when (this export included). */
  accessLog: Array<{ at: string; who: string; action: string }>;
}

export class ErasureProblem extends UserProblem {
  override name = 'ErasureProblem';
}

/** Everything held about the person behind a case; the export itself is audited first, so it lists itself. */
export async function exportSubjectAccess(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
  format: 'page' | 'json',
): Promise<SubjectAccessExport> {
  authorise(actor, 'cases:subject-access');
  const record = await openCase(db, actor, caseId, now, rules, ring, `subject access export (${format})`);
  const log = await db
    .selectFrom('audit_event')
    .leftJoin('staff_user', 'staff_user.id', 'audit_event.staff_id')
    .select(['audit_event.at', 'audit_event.action', 'staff_user.display_name'])
    .where('audit_event.entity_type', '=', 'case')
    .where('audit_event.entity_id', '=', caseId)
    .orderBy('audit_event.at')
    .orderBy('audit_event.id')
    .execute();
  return {
    generatedAt: now.toISOString(),
    generatedBy: actor.displayName,
    record,
    planVersions: record.planVersions,
    shareCodes: await shareCodesOfCase(db, ring, actor, caseId, now),
    accessLog: log.map((row) => ({ at: row.at, who: row.display_name ?? 'The service', action: row.action })),
  };
}

export interface ErasureInput {
  /** Why, as recorded: the request and how it was checked (no details of the person). */
  reason: string;
  /** The case's reference typed again, so nobody erases the wrong record by a slip. */
  confirmReference: string;
}

/** Erases the record on the person's request: deleted at once, with the tombstone and an audit of who did it and why. */
export async function eraseOnRequest(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: ErasureInput,
  now: Date,
): Promise<{ reference: string }> {
  authorise(actor, 'cases:subject-access');
  const reason = cleanTextOrThrow(
    input.reason,
    'The reason',
    { multiline: true, maxLength: 500 },
    (message) => new ErasureProblem(message, 'reason'),
  );
  if (reason === '')
    throw new ErasureProblem(
      'Enter why the record is being erased, such as the date of the request and how the person’s identity was checked',
      'reason',
    );
  return db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, actor, caseId, 'cases:subject-access');
    if (input.confirmReference.trim().toUpperCase().replace(/\s+/g, '') !== row.reference.toUpperCase())
      throw new ErasureProblem(`Type the case’s reference, ${row.reference}, to confirm`, 'confirm-reference');
    await deleteCaseRecords(
      trx,
      row,
      { staffId: actor.id, action: 'erased on request', rule: 'erased on the person’s request', detail: { reason } },
      now,
    );
    return { reference: row.reference };
  });
}
