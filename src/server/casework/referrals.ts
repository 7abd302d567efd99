// Referrals from a case to services in the directory, with what came of them.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { ReferralStatus } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { queueReferralNotice } from '../partners/referral-notice.ts';
import { pathways } from '../../config/pathways.ts';
import { servicesForNeeds } from '../../domain/directory/pathways.ts';
import { allServices } from '../directory/services.ts';
import { CaseProblem, changeCase } from './case-access.ts';
import type { DbExecutor } from '../db/executor.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import { openReferral, resealReferral, sealReferral } from '../partners/referral-sealing.ts';

/**
 * The services an adviser can refer to, those on the person's referral pathways first (best
 * first, marked), then the rest of the directory's running services.
 */
export async function referralChoicesFor(
  db: AppDatabase,
  planStepIds: readonly string[],
): Promise<Array<{ id: string; name: string; onPathway: boolean }>> {
  const suggested = servicesForNeeds(pathways, planStepIds);
  const running = (await allServices(db)).filter((s) => s.status === 'active');
  const rank = (id: string) => (suggested.includes(id) ? suggested.indexOf(id) : suggested.length);
  return running
    .map((s, order) => ({ id: s.id, name: s.name, onPathway: suggested.includes(s.id), order }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order)
    .map(({ id, name, onPathway }) => ({ id, name, onPathway }));
}

export const REFERRAL_STATUS_NAMES: Record<ReferralStatus, string> = { sent: 'Sent', accepted: 'Accepted', declined: 'Declined' };

export interface Referral {
  id: string;
  serviceId: string;
  serviceName: string | null;
  reason: string;
  status: ReferralStatus;
  declineReason: string | null;
  result: string | null;
  /** When the partner recorded that it had spoken to the person. */
  contactedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function makeReferral(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  input: { serviceId: string; reason: string; consentToShare: boolean },
  now: Date,
  ring: DataKeyring,
): Promise<string> {
  if (input.serviceId === '') throw new CaseProblem('Choose a service to refer to');
  const reason = cleanTextOrThrow(input.reason, 'The reason', { multiline: true, maxLength: 2000 }, (m) => new CaseProblem(m));
  if (reason === '') throw new CaseProblem('Enter why you are referring them, and what you have agreed with them');
  return changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    const service = await trx
      .selectFrom('directory_service')
      .select(['id', 'name', 'status'])
      .where('id', '=', input.serviceId)
      .executeTakeFirst();
    if (!service || service.status !== 'active') throw new CaseProblem('Choose a service from the directory that is still running');
    const id = newId();
    await trx
      .insertInto('referral')
      .values({
        id,
        handoff_id: row.id,
        service_id: service.id,
        ...sealReferral(ring, id, { reason, decline_reason: null, result: null }),
        status: 'sent',
        created_by: actor.id,
        consent_to_share: input.consentToShare ? 1 : 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    // A partner organisation is told there is a referral waiting (nothing about the person), and
    // that it is an emergency while the person is still waiting for the contact they were promised.
    const emergency = row.need_level === 'emergency' && row.acknowledged_at === null ? { promisedBy: null } : undefined;
    await queueReferralNotice(trx, ring, { id, serviceId: service.id, emergency }, now);
    return {
      change: {
        action: 'made referral',
        detail: { referralId: id, serviceId: service.id, consentToShare: input.consentToShare },
        event: { kind: 'referral', summary: `Referred to ${service.name}`, detail: reason },
      },
      value: id,
    };
  });
}

export async function updateReferral(
  db: AppDatabase,
  actor: Actor,
  caseId: string,
  referralId: string,
  input: { status: string; declineReason: string; result: string },
  now: Date,
  ring: DataKeyring,
): Promise<void> {
  if (!['sent', 'accepted', 'declined'].includes(input.status))
    throw new CaseProblem('Choose whether the referral was accepted or declined');
  const status = input.status as ReferralStatus;
  const clean = (raw: string, label: string) =>
    cleanTextOrThrow(raw, label, { multiline: true, maxLength: 2000 }, (m) => new CaseProblem(m));
  const declineReason = clean(input.declineReason, 'Why it was declined');
  const result = clean(input.result, 'What came of it');
  if (status === 'declined' && declineReason === '') throw new CaseProblem('Enter why the referral was declined');
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    const referral = await trx
      .selectFrom('referral')
      .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
      .select(['referral.id', 'directory_service.name'])
      .where('referral.id', '=', referralId)
      .where('referral.handoff_id', '=', row.id)
      .executeTakeFirst();
    if (!referral) throw new CaseProblem('There is no such referral on this case');
    await trx
      .updateTable('referral')
      .set({
        status,
        ...(await resealReferral(trx, ring, referral.id, {
          decline_reason: status === 'declined' ? declineReason : null,
          result: result || null,
        })),
        updated_at: now.toISOString(),
      })
      .where('id', '=', referral.id)
      .execute();
    const said = status === 'declined' ? `declined: ${declineReason}` : REFERRAL_STATUS_NAMES[status].toLowerCase();
    return {
      change: {
        action: 'updated referral',
        detail: { referralId, status },
        event: { kind: 'referral', summary: `Referral to ${referral.name} ${said}`, detail: result || null },
      },
      value: undefined,
    };
  });
}

export async function referralsOf(db: AppDatabase | DbExecutor, ring: DataKeyring, caseId: string): Promise<Referral[]> {
  const rows = await db
    .selectFrom('referral')
    .leftJoin('directory_service', 'directory_service.id', 'referral.service_id')
    .select([
      'referral.id',
      'referral.service_id',
      'directory_service.name',
      'referral.reason',
      'referral.status',
      'referral.decline_reason',
      'referral.result',
      'referral.contacted_at',
      'referral.created_at',
      'referral.updated_at',
      'referral.data_key_id',
    ])
    .where('referral.handoff_id', '=', caseId)
    .orderBy('referral.created_at')
    .execute();
  return rows
    .map((sealed) => openReferral(ring, sealed))
    .map((row) => ({
      id: row.id,
      serviceId: row.service_id,
      serviceName: row.name,
      reason: row.reason,
      status: row.status,
      declineReason: row.decline_reason,
      result: row.result,
      contactedAt: row.contacted_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
}
