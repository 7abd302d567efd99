// The income maximisation health check on a case (Stoke's Target 9): an adviser runs the money
// check with the person, filled in from the case, and records what was found (the benefits to
// claim, their value a week, whether debts were referred). Each record is a new version, dated,
// with its timeline entry and audit row in one transaction; the answers and notes are sealed.
import type { DataKeyring } from '../../config/data-keys.ts';
import { healthCheckContent, moneyCheckPages } from '../../config/money.ts';
import type { FormError } from '../../domain/forms.ts';
import { checkPage, completeAnswers, fromSelfAssessment, pagesAsked, type CheckAnswers } from '../../domain/money/questions.ts';
import { penceFromPounds, type MoneyAnswers } from '../../domain/money/answers.ts';
import { money } from '../../domain/money/lines.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import { cleanField } from '../../domain/text/plain-text.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { HEALTH_CHECK_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';
import { FormProblems } from '../web/problems.ts';
import { CaseProblem, changeCase, nextVersion } from './case-access.ts';

export interface HealthCheckInput {
  /** The money check's answers, as its fields hold them. */
  answers: CheckAnswers;
  /** Codes from content/money/health-check.json. */
  benefits: string[];
  /** In pounds, as typed. */
  weeklyGain: string;
  /** 'yes' or 'no'. */
  debtsReferred: string;
  notes: string;
}

export interface HealthCheck {
  id: string;
  version: number;
  answers: CheckAnswers;
  benefits: string[];
  weeklyGainPence: number;
  debtsReferred: boolean;
  notes: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** The money check's answers, complete, or every problem with them against its field. */
export function healthCheckAnswers(answers: CheckAnswers): { ok: true; answers: MoneyAnswers } | { ok: false; errors: FormError[] } {
  const errors = pagesAsked(moneyCheckPages, answers).flatMap((page) => checkPage(page, answers));
  if (errors.length > 0) return { ok: false, errors };
  const complete = completeAnswers(moneyCheckPages, answers);
  return complete.ok ? complete : { ok: false, errors: [{ field: complete.page.id, message: 'Answer every question' }] };
}

/** The most a week a check can record: a typing slip of an extra digit is refused. */
const MAX_WEEKLY_GAIN = 10_000_00;

interface Found {
  benefits: string[];
  weeklyGainPence: number;
  debtsReferred: 0 | 1;
  notes: string | null;
}

/** What the adviser recorded as found, checked; every problem against its field. */
function readFound(input: HealthCheckInput): { found: Found; errors: FormError[] } {
  const errors: FormError[] = [];
  const known = new Set(healthCheckContent.benefits.map((b) => b.code));
  const benefits = [...new Set(input.benefits)];
  if (benefits.some((code) => !known.has(code))) errors.push({ field: 'benefits', message: 'Choose the benefits from the list' });
  const weeklyGainPence = penceFromPounds(input.weeklyGain);
  if (weeklyGainPence === null || weeklyGainPence > MAX_WEEKLY_GAIN)
    errors.push({ field: 'weekly-gain', message: 'Enter the weekly value found in pounds, like 45 or 45.50 (0 if none)' });
  else if (weeklyGainPence > 0 && benefits.length === 0)
    errors.push({ field: 'benefits', message: 'Choose the benefits the weekly value comes from' });
  if (input.debtsReferred !== 'yes' && input.debtsReferred !== 'no')
    errors.push({ field: 'debts-referred', message: 'Select yes if you referred their debts for advice' });
  const notes = cleanField(input.notes, { label: 'The notes', multiline: true, maxLength: 2000 }, (message) =>
    errors.push({ field: 'health-check-notes', message }),
  );
  return {
    found: { benefits, weeklyGainPence: weeklyGainPence ?? 0, debtsReferred: input.debtsReferred === 'yes' ? 1 : 0, notes: notes || null },
    errors,
  };
}

/** Records a health check as the case's next version: the timeline entry and audit row with it. */
export async function recordHealthCheck(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: HealthCheckInput,
  now: Date,
  ring: DataKeyring,
): Promise<number> {
  const answers = healthCheckAnswers(input.answers);
  const { found, errors } = readFound(input);
  if (!answers.ok || errors.length > 0) throw new FormProblems([...(answers.ok ? [] : answers.errors), ...errors]);
  return changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    const version = await nextVersion(trx, 'health_check', row.id);
    const id = newId();
    await trx
      .insertInto('health_check')
      .values({
        id,
        handoff_id: row.id,
        version,
        ...sealColumns(ring, 'health_check', id, { answers: JSON.stringify(input.answers), notes: found.notes }),
        benefits: JSON.stringify(found.benefits),
        weekly_gain_pence: found.weeklyGainPence,
        debts_referred: found.debtsReferred,
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    const gain = found.weeklyGainPence > 0 ? `${money(found.weeklyGainPence)} a week found` : 'nothing more found';
    return {
      change: {
        action: 'recorded health check',
        detail: { version, weeklyGainPence: found.weeklyGainPence, debtsReferred: found.debtsReferred === 1 },
        event: {
          kind: 'note',
          summary: `Income maximisation health check ${version}: ${gain}${found.debtsReferred ? ', debts referred for advice' : ''}`,
          detail: found.notes,
        },
      },
      value: version,
    };
  });
}

/** A case's health checks, newest first, opened. The caller has already opened the case. */
export async function healthChecksOf(db: DbExecutor, ring: DataKeyring, caseId: string): Promise<HealthCheck[]> {
  const rows = await db
    .selectFrom('health_check')
    .leftJoin('staff_user', 'staff_user.id', 'health_check.created_by')
    .select([
      'health_check.id',
      'health_check.version',
      'health_check.answers',
      'health_check.notes',
      'health_check.data_key_id',
      'health_check.benefits',
      'health_check.weekly_gain_pence',
      'health_check.debts_referred',
      'health_check.created_by',
      'health_check.created_at',
      'staff_user.display_name',
    ])
    .where('health_check.handoff_id', '=', caseId)
    .orderBy('health_check.version', 'desc')
    .execute();
  return rows.map((sealed) => {
    const row = openColumns(ring, 'health_check', sealed.id, sealed, HEALTH_CHECK_SEALED_COLUMNS);
    return {
      id: row.id,
      version: row.version,
      answers: JSON.parse(row.answers) as CheckAnswers,
      benefits: JSON.parse(row.benefits) as string[],
      weeklyGainPence: row.weekly_gain_pence,
      debtsReferred: row.debts_referred === 1,
      notes: row.notes,
      createdBy: row.created_by,
      createdByName: row.display_name,
      createdAt: row.created_at,
    };
  });
}

/** What the check starts from: the last check's answers, or what the person said in the self-assessment. */
export function startingAnswers(handoffAnswers: Record<string, unknown>, latest: HealthCheck | undefined): CheckAnswers {
  return latest ? { ...latest.answers } : fromSelfAssessment(handoffAnswers);
}
