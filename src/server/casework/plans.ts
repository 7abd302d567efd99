// The Personal Housing, Work and Sustainability Plan of a case: each save is a new version and
// every earlier version is kept.
import { parsePlanRows, type PlanItem, type PlanRowError, type PlanRowInput } from '../../domain/casework/plan.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { CaseProblem, changeCase, nextVersion } from './case-access.ts';
import type { DbExecutor } from '../db/executor.ts';
import { FormProblems } from '../web/problems.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { newId } from '../ids.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { PLAN_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';

export interface PlanVersion {
  version: number;
  items: PlanItem[];
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** Rows that are wrong: each problem against its row's field (`goal-2`), as the error summary links them. */
export class PlanInvalid extends FormProblems {
  override name = 'PlanInvalid';
  readonly rowErrors: PlanRowError[];
  constructor(errors: PlanRowError[]) {
    super(errors.map((e) => ({ field: `${e.field}-${e.row}`, message: e.message })));
    this.rowErrors = errors;
  }
}

/** A plan version's items, sealed (with the key's id) for its row. */
export function sealPlanItems(ring: DataKeyring, id: string, items: readonly PlanItem[]) {
  return sealColumns(ring, 'case_plan_version', id, { items: JSON.stringify(items) });
}

/** A plan version's items, opened. */
export function openPlanItems(ring: DataKeyring, row: { id: string; items: string; data_key_id: string | null }): PlanItem[] {
  return JSON.parse(openColumns(ring, 'case_plan_version', row.id, row, PLAN_SEALED_COLUMNS).items) as PlanItem[];
}

/** Saves the form's rows as the next version of the plan. Nothing is saved if any row is wrong. */
export async function savePlan(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  rows: PlanRowInput[],
  now: Date,
  ring: DataKeyring,
): Promise<number> {
  const { items, errors } = parsePlanRows(rows);
  if (errors.length > 0) throw new PlanInvalid(errors);
  return changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    const version = await nextVersion(trx, 'case_plan_version', row.id);
    const id = newId();
    await trx
      .insertInto('case_plan_version')
      .values({
        id,
        handoff_id: row.id,
        version,
        ...sealPlanItems(ring, id, items),
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    return {
      change: {
        action: 'saved plan',
        detail: { version },
        event: { kind: 'plan', summary: `Plan version ${version} saved (${items.length} action${items.length === 1 ? '' : 's'})` },
      },
      value: version,
    };
  });
}

/** Every version of a case's plan, newest first. The caller has already opened the case. */
export async function planVersions(db: AppDatabase | DbExecutor, ring: DataKeyring, caseId: string): Promise<PlanVersion[]> {
  const rows = await db
    .selectFrom('case_plan_version')
    .leftJoin('staff_user', 'staff_user.id', 'case_plan_version.created_by')
    .select([
      'case_plan_version.id',
      'case_plan_version.version',
      'case_plan_version.items',
      'case_plan_version.data_key_id',
      'case_plan_version.created_by',
      'case_plan_version.created_at',
      'staff_user.display_name',
    ])
    .where('case_plan_version.handoff_id', '=', caseId)
    .orderBy('case_plan_version.version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    items: openPlanItems(ring, row),
    createdBy: row.created_by,
    createdByName: row.display_name,
    createdAt: row.created_at,
  }));
}
