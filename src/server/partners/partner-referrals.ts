// What partner organisations do in the back office: see the referrals sent to their own
// organisation's services, open one (audited), and accept or decline it with a reason. They
// never reach the council's case record; they see the person's details only when the person
// agreed to share them with that service.
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { NotAllowed, authorise, type Actor } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import { PERSON_ASKED } from '../handoffs/create-handoff.ts';
import { NotFound, UserProblem } from '../web/problems.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { HandoffTable, ReferralStatus } from '../db/schema.ts';
import { addCaseEvent } from '../casework/case-events.ts';
import { openReferral, resealReferral } from './referral-sealing.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import { openHandoff } from '../handoffs/handoff-sealing.ts';
import type { HandoffContact } from '../handoffs/handoff-record.ts';
import { acknowledgeOnContact } from '../handoffs/contact-made.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { DataKeyring } from '../../config/data-keys.ts';

/** A referral that is not there, or is another organisation's (which is not this one's business). */
export class ReferralNotFound extends NotFound {
  override name = 'ReferralNotFound';
}

/** A partner's answer that cannot be taken as it is. */
export class ReferralProblem extends UserProblem {
  override name = 'ReferralProblem';
}

export interface PartnerReferralRow {
  id: string;
  reference: string;
  serviceName: string;
  status: ReferralStatus;
  consentToShare: boolean;
  createdAt: string;
  needLevel: HandoffTable['need_level'];
  /**
   * For an emergency the person sent to this service themselves: when they were told the service
   * would try to contact them (ISO-8601), the promise made in the partner's name.
   */
  promisedBy: string | null;
  /** When the partner recorded that it had made contact with the person. */
  contactedAt: string | null;
  /** Someone (the council or this partner) has made the first contact the person was waiting for. */
  personContacted: boolean;
}

/** An emergency whose person is still waiting for contact, and which the partner has not declined: first in its list. */
export function waitingEmergency(row: Pick<PartnerReferralRow, 'needLevel' | 'status' | 'contactedAt' | 'personContacted'>): boolean {
  return row.needLevel === 'emergency' && row.status !== 'declined' && row.contactedAt === null && !row.personContacted;
}

export interface PartnerReferral extends PartnerReferralRow {
  reason: string;
  declineReason: string | null;
  referredBy: string;
  /** Who in the partner organisation recorded contact. */
  contactedByName: string | null;
  /** Only when the person agreed to share their details with this service. */
  person:
    | (HandoffContact & {
        voicemailOk: boolean;
        safeTimes: string[];
        safetyNotes: string | null;
        answers: Answers;
      })
    | null;
}

function organisationOf(actor: Actor): string {
  authorise(actor, 'referrals:answer');
  if (!actor.organizationId) throw new NotAllowed('referrals:answer');
  return actor.organizationId;
}

function referralsOf(db: AppDatabase, organizationId: string) {
  return db
    .selectFrom('referral')
    .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
    .innerJoin('handoff', 'handoff.id', 'referral.handoff_id')
    .where('directory_service.organization_id', '=', organizationId);
}

/** The promise made in the partner's name: only when the person chose the partner's service themselves. */
const promisedBy = (row: { created_by: string; urgent_contact_by: string | null }) =>
  row.created_by === PERSON_ASKED ? row.urgent_contact_by : null;

/**
 * The referrals sent to the actor's organisation: emergencies not yet contacted first (soonest
 * promised first), then those waiting for an answer, then the rest, newest first.
 */
export async function listPartnerReferrals(db: AppDatabase, actor: Actor): Promise<PartnerReferralRow[]> {
  const organizationId = organisationOf(actor);
  const rows = await referralsOf(db, organizationId)
    .select([
      'referral.id',
      'handoff.reference',
      'directory_service.name as service_name',
      'referral.status',
      'referral.consent_to_share',
      'referral.created_at',
      'referral.created_by',
      'referral.contacted_at',
      'handoff.need_level',
      'handoff.urgent_contact_by',
      'handoff.acknowledged_at',
    ])
    .orderBy((eb) =>
      eb
        .case()
        .when(
          eb.and([
            eb('handoff.need_level', '=', 'emergency'),
            eb('referral.status', '!=', 'declined'),
            eb('referral.contacted_at', 'is', null),
            eb('handoff.acknowledged_at', 'is', null),
          ]),
        )
        .then(0)
        .when('referral.status', '=', 'sent')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('referral.created_at', 'desc')
    .limit(200)
    .execute();
  const referrals = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    serviceName: r.service_name,
    status: r.status,
    consentToShare: r.consent_to_share === 1,
    createdAt: r.created_at,
    needLevel: r.need_level,
    promisedBy: promisedBy(r),
    contactedAt: r.contacted_at,
    personContacted: r.acknowledged_at !== null,
  }));
  // Among the emergencies, the soonest promised first (those with no promise of their own by when they came).
  const first = referrals.filter(waitingEmergency).sort((a, b) => (a.promisedBy ?? a.createdAt).localeCompare(b.promisedBy ?? b.createdAt));
  return [...first, ...referrals.filter((r) => !waitingEmergency(r))];
}

/** One referral to the actor's organisation, recording that they viewed it. */
export async function openPartnerReferral(
  db: AppDatabase,
  actor: Actor,
  referralId: string,
  now: Date,
  ring: DataKeyring,
): Promise<PartnerReferral> {
  const organizationId = organisationOf(actor);
  return db.transaction().execute(async (trx) => {
    const sealed = await trx
      .selectFrom('referral')
      .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
      .innerJoin('handoff', 'handoff.id', 'referral.handoff_id')
      .leftJoin('staff_user', 'staff_user.id', 'referral.created_by')
      .where('directory_service.organization_id', '=', organizationId)
      .where('referral.id', '=', referralId)
      .select([
        'referral.id',
        'referral.reason',
        'referral.status',
        'referral.decline_reason',
        'referral.consent_to_share',
        'referral.created_by',
        'referral.created_at',
        'referral.contacted_at',
        'referral.data_key_id as referral_key_id',
        'handoff.reference',
        'handoff.need_level',
        'handoff.urgent_contact_by',
        'handoff.acknowledged_at',
        'handoff.contact_name',
        'handoff.contact_phone',
        'handoff.contact_email',
        'handoff.preferred_contact',
        'handoff.voicemail_ok',
        'handoff.contact_language',
        'handoff.interpreter_needed',
        'handoff.safe_times',
        'handoff.safety_notes',
        'handoff.answers',
        'handoff.id as handoff_id',
        'handoff.data_key_id',
        'directory_service.name as service_name',
        'staff_user.display_name as referrer',
        (eb) =>
          eb
            .selectFrom('staff_user as contact_user')
            .select('contact_user.display_name')
            .whereRef('contact_user.id', '=', 'referral.contacted_by')
            .as('contacted_by_name'),
      ])
      .executeTakeFirst();
    // Another organisation's referral is "not found": its existence is not the partner's business.
    if (!sealed) throw new ReferralNotFound('There is no referral with that id for your organisation');
    const row = openHandoff(ring, sealed.handoff_id, sealed);
    const words = openReferral(ring, {
      id: row.id,
      data_key_id: row.referral_key_id,
      reason: row.reason,
      decline_reason: row.decline_reason,
    });
    await recordAudit(trx, { staffId: actor.id, action: 'viewed referral', entityType: 'referral', entityId: row.id }, now);
    const shared = row.consent_to_share === 1;
    return {
      id: row.id,
      reference: row.reference,
      serviceName: row.service_name,
      status: row.status,
      consentToShare: shared,
      createdAt: row.created_at,
      reason: words.reason,
      declineReason: words.decline_reason,
      referredBy:
        row.created_by === PERSON_ASKED
          ? 'The person asked for your service themselves'
          : `${row.referrer ?? 'An adviser'}, for the council`,
      needLevel: row.need_level,
      promisedBy: promisedBy(row),
      contactedAt: row.contacted_at,
      personContacted: row.acknowledged_at !== null,
      contactedByName: row.contacted_by_name ?? null,
      person: shared
        ? {
            name: row.contact_name,
            phone: row.contact_phone,
            email: row.contact_email,
            preferred: row.preferred_contact,
            language: row.contact_language,
            interpreter: row.interpreter_needed === 1,
            voicemailOk: row.voicemail_ok === 1,
            safeTimes: JSON.parse(row.safe_times) as string[],
            safetyNotes: row.safety_notes,
            answers: JSON.parse(row.answers) as Answers,
          }
        : null,
    };
  });
}

export interface PartnerAnswer {
  decision: string;
  reason: string;
}

/**
 * The partner accepts or declines (with a reason). The council's case shows it at once: the
 * referral's status, and an entry on the case's timeline, with an audit row, in one transaction.
 */
export async function answerPartnerReferral(
  db: AppDatabase,
  actor: Actor,
  referralId: string,
  input: PartnerAnswer,
  now: Date,
  ring: DataKeyring,
): Promise<ReferralStatus> {
  const organizationId = organisationOf(actor);
  if (input.decision !== 'accepted' && input.decision !== 'declined')
    throw new ReferralProblem('Choose whether you accept or decline the referral');
  const reason = cleanTextOrThrow(input.reason, 'The reason', { multiline: true, maxLength: 1000 }, (m) => new ReferralProblem(m));
  if (input.decision === 'declined' && reason === '')
    throw new ReferralProblem('Enter why you are declining the referral, so the adviser can find the person other help');
  const decision: ReferralStatus = input.decision;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('referral')
      .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
      .innerJoin('directory_organization', 'directory_organization.id', 'directory_service.organization_id')
      .where('directory_service.organization_id', '=', organizationId)
      .where('referral.id', '=', referralId)
      .select(['referral.id', 'referral.handoff_id', 'referral.status', 'directory_organization.name as organisation'])
      .executeTakeFirst();
    if (!row) throw new ReferralNotFound('There is no referral with that id for your organisation');
    if (row.status !== 'sent') throw new ReferralProblem(`This referral has already been ${row.status}`);
    // Only a referral still waiting is answered: of two answers racing, the second changes nothing.
    const updated = await trx
      .updateTable('referral')
      .set({
        status: decision,
        ...(await resealReferral(trx, ring, row.id, {
          decline_reason: decision === 'declined' ? reason : null,
          result: decision === 'accepted' && reason !== '' ? reason : null,
        })),
        answered_by: actor.id,
        answered_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ReferralProblem('This referral has just been answered by someone else');
    await addCaseEvent(trx, ring, {
      caseId: row.handoff_id,
      kind: 'referral',
      summary: `${row.organisation} ${decision} the referral`,
      detail: reason || null,
      staffId: actor.id,
      at: now,
    });
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: `${decision} referral`,
        entityType: 'referral',
        entityId: row.id,
        detail: { handoffId: row.handoff_id },
      },
      now,
    );
    return decision;
  });
}

/**
 * The partner records that it has made contact with the person (an accepted referral, once). For
 * the council this is the contact the person was waiting for: if the hand-off is not yet
 * acknowledged it is now (src/server/handoffs/contact-made.ts), so the queue stops asking anyone
 * to contact them and says who did. The case's timeline shows it, with an audit row, in one
 * transaction.
 */
export async function recordPartnerContact(
  db: AppDatabase,
  actor: Actor,
  referralId: string,
  rawNote: string,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<void> {
  const organizationId = organisationOf(actor);
  const note = cleanTextOrThrow(
    rawNote,
    'What the adviser should know',
    { multiline: true, maxLength: 1000 },
    (m) => new ReferralProblem(m),
  );
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('referral')
      .innerJoin('directory_service', 'directory_service.id', 'referral.service_id')
      .innerJoin('directory_organization', 'directory_organization.id', 'directory_service.organization_id')
      .where('directory_service.organization_id', '=', organizationId)
      .where('referral.id', '=', referralId)
      .select([
        'referral.id',
        'referral.handoff_id',
        'referral.status',
        'referral.contacted_at',
        'directory_organization.name as organisation',
      ])
      .executeTakeFirst();
    if (!row) throw new ReferralNotFound('There is no referral with that id for your organisation');
    if (row.status === 'declined') throw new ReferralProblem('You declined this referral, so contact cannot be recorded on it');
    if (row.status !== 'accepted') throw new ReferralProblem('Accept the referral before you record contact with the person');
    if (row.contacted_at) throw new ReferralProblem('Contact with the person has already been recorded');
    // Only once: of two partners recording contact at once, the second changes nothing.
    const updated = await trx
      .updateTable('referral')
      .set({ contacted_at: now.toISOString(), contacted_by: actor.id, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('contacted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ReferralProblem('Contact with the person has just been recorded by someone else');
    const acknowledged = await acknowledgeOnContact(trx, row.handoff_id, now, rules);
    await addCaseEvent(trx, ring, {
      caseId: row.handoff_id,
      kind: 'contact',
      summary: `${row.organisation} spoke to them${acknowledged ? ' (the hand-off is acknowledged)' : ''}`,
      detail: note || null,
      staffId: actor.id,
      at: now,
    });
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: 'recorded contact on referral',
        entityType: 'referral',
        entityId: row.id,
        detail: { handoffId: row.handoff_id, acknowledged },
      },
      now,
    );
  });
}
