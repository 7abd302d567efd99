// Hand-offs ("contact an agency"): the person's answers travel with their request, so no adviser
// asks them again. Made only with explicit consent. Staff reach hand-offs only through
// src/server/casework (queue and case record), which check who may see them; `toHandoff` maps a row.
import { bankHolidays } from '../../config/calendar.ts';
import { council } from '../../config/council.ts';
import { selfAssessment, type HandoffService } from '../../config/self-assessment.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import type { ContactDetails, SafeContact } from '../../domain/handoff/contact-details.ts';
import { QUESTIONNAIRE_VERSION } from '../../domain/questionnaire/machine.ts';
import { addOfficeHours, describeContactBy } from '../../domain/time/office-hours.ts';
import { addWorkingDays, localDate, longDate } from '../../domain/time/working-days.ts';
import type { Insertable, Selectable } from 'kysely';
import type { AppDatabase } from '../db/open-database.ts';
import type { HandoffStatus, HandoffTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { queueMessage } from '../notify/outbox.ts';
import { PERSON_ASKED } from '../partners/partner-referrals.ts';
import { queueReferralNotice } from '../partners/referral-notice.ts';
import { countEvents } from './counts.ts';
import { updateDraft, type DraftLifetimes, type DraftRecord } from './drafts.ts';
import { progressOf } from './questionnaire.ts';
import { resultFor, type AssessmentResult } from './result.ts';
import { newReference } from './secrets.ts';

export function serviceById(id: string | undefined): HandoffService | undefined {
  return selfAssessment.services.find((s) => s.id === id);
}

/** Exactly what the person agrees to, stored word for word with the hand-off. */
export function consentStatement(service: HandoffService): string {
  const months = council.handoff.retentionMonths;
  const team = council.teams.find((t) => t.id === service.teamId)?.name ?? 'its Housing Options team';
  const withWhom = service.partnerServiceId ? `${service.name}, and with the council's ${team}` : `the ${service.name}`;
  return [
    `I agree that ${council.name} can share my answers to the self-assessment, my contact details and how to contact me safely with ${withWhom}.`,
    `They will use them to contact me and to help me, and may refer me to other services with my agreement.`,
    `My details will be kept for ${months} months after my case is closed, then deleted.`,
  ].join(' ');
}

export class HandoffNotReady extends Error {
  override name = 'HandoffNotReady';
}

/** Everything stored about a new hand-off, worked out from the answers the way every hand-off is. */
export function handoffValues(input: {
  id: string;
  reference: string;
  service: HandoffService;
  answers: Answers;
  result: AssessmentResult;
  contact: ContactDetails;
  safety: SafeContact;
  receivedAt: Date;
}): Insertable<HandoffTable> {
  const { service, result, contact, safety, receivedAt } = input;
  const retainUntil = new Date(receivedAt);
  retainUntil.setUTCMonth(retainUntil.getUTCMonth() + council.handoff.retentionMonths);
  return {
    id: input.id,
    reference: input.reference,
    service_id: service.id,
    team_id: service.teamId,
    need_level: result.need.level,
    answers: JSON.stringify(input.answers),
    plan_step_ids: JSON.stringify(result.plan.map((s) => s.id)),
    domains: JSON.stringify(result.domains),
    questionnaire_version: QUESTIONNAIRE_VERSION,
    contact_name: contact.name,
    contact_phone: contact.phone || null,
    contact_email: contact.email || null,
    preferred_contact: contact.preferred,
    voicemail_ok: safety.voicemailOk ? 1 : 0,
    safe_times: JSON.stringify(safety.safeTimes),
    safety_notes: safety.notes || null,
    consent_text: consentStatement(service),
    consented_at: receivedAt.toISOString(),
    retain_until: retainUntil.toISOString(),
    acknowledge_by: acknowledgeBy(receivedAt),
    urgent_contact_by: result.need.level === 'emergency' ? urgentContactBy(receivedAt).toISOString() : null,
    created_at: receivedAt.toISOString(),
  };
}

/** The ordinary promise: contact within so many working days. */
export function acknowledgeBy(receivedAt: Date): string {
  return addWorkingDays(localDate(receivedAt), council.handoff.acknowledgeWithinWorkingDays, bankHolidays);
}

/** The emergency promise: contact within so many office hours (content/council.json). */
export function urgentContactBy(receivedAt: Date): Date {
  return addOfficeHours(receivedAt, council.handoff.emergencyContactWithinOfficeHours, council.openingHours, bankHolidays);
}

export interface CreatedHandoff {
  reference: string;
  acknowledgeBy: string;
  /** For an emergency: the instant contact is due (ISO-8601). */
  urgentContactBy: string | null;
}

/**
 * Makes the hand-off, in one transaction: the hand-off with every answer, a message to the team
 * (outbox), the anonymous count, and the draft emptied of answers (they now live in the hand-off).
 */
export async function createHandoff(
  db: AppDatabase,
  draft: DraftRecord,
  now: Date,
  lifetimes: DraftLifetimes,
): Promise<{ handoff: CreatedHandoff; draft: DraftRecord }> {
  const progress = progressOf(draft.state);
  const progressDone = progress.current === 'result' || progress.current === 'emergency';
  const pending = draft.state.handoff;
  const service = serviceById(pending?.serviceId);
  if (!progressDone || !service || !pending?.contact || !pending.safety) throw new HandoffNotReady('The hand-off is missing a step');
  const result = resultFor(progress.answers);
  if (!result.offersHandoff) throw new HandoffNotReady('This result does not offer a hand-off');

  const contact: ContactDetails = pending.contact;
  const safety: SafeContact = pending.safety;
  const id = newId();
  const values = (reference: string) => handoffValues({ id, reference, service, answers: progress.answers, result, contact, safety, receivedAt: now });
  const { acknowledge_by: acknowledgeDate } = values('');
  const urgentBy = values('').urgent_contact_by ?? null;
  const dueInWords = urgentBy ? `contact by ${describeContactBy(now, new Date(urgentBy)).by} (emergency)` : `acknowledge by ${longDate(acknowledgeDate)}`;

  let reference = '';
  let after = draft;
  await db.transaction().execute(async (trx) => {
    // A clash of references is vanishingly rare; try again rather than fail the person.
    for (let attempt = 0; attempt < 5 && reference === ''; attempt += 1) {
      const candidate = newReference();
      const taken = await trx.selectFrom('handoff').select('id').where('reference', '=', candidate).executeTakeFirst();
      if (!taken) reference = candidate;
    }
    await trx.insertInto('handoff').values(values(reference)).execute();
    // The email says what and how urgent, not who: personal details stay in the service.
    await queueMessage(
      trx,
      {
        to: service.notifyEmail,
        subject: `${urgentBy ? 'URGENT: new' : 'New'} hand-off ${reference} (${result.need.label.toLowerCase()} need): ${dueInWords}`,
        body: [
          `A person has asked the ${service.name} to contact them.`,
          ``,
          `Reference: ${reference}`,
          `Need level: ${result.need.label}`,
          `Areas of need: ${result.domains.join(', ') || 'none flagged'}`,
          urgentBy ? `Contact the person by: ${describeContactBy(now, new Date(urgentBy)).by}` : `Acknowledge by: ${longDate(acknowledgeDate)}`,
          ``,
          `Open the hand-off in the Housing Options back-office to see their answers and how to contact them safely.`,
        ].join('\n'),
        relatedType: 'handoff',
        relatedId: id,
      },
      now,
    );
    // A partner's service (such as the local domestic abuse service) gets it at once, as a
    // referral the person asked for and agreed to share with.
    if (service.partnerServiceId) {
      const referralId = newId();
      await trx
        .insertInto('referral')
        .values({
          id: referralId,
          handoff_id: id,
          service_id: service.partnerServiceId,
          reason: 'The person asked for your service themselves, when they asked to be contacted through the online self-assessment.',
          status: 'sent',
          decline_reason: null,
          result: null,
          created_by: PERSON_ASKED,
          consent_to_share: 1,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await queueReferralNotice(trx, { id: referralId, serviceId: service.partnerServiceId }, now);
    }
    await countEvents(trx, ['route:handoff'], now);
    after = await updateDraft(
      trx,
      draft,
      {
        answers: {},
        confirmed: false,
        completionCounted: true,
        handedOff: { reference, serviceName: service.name, acknowledgeBy: acknowledgeDate, urgentContactBy: urgentBy, sentAt: now.toISOString() },
      },
      now,
      lifetimes,
    );
  });
  return { handoff: { reference, acknowledgeBy: acknowledgeDate, urgentContactBy: urgentBy }, draft: after };
}

export interface Handoff {
  id: string;
  reference: string;
  serviceId: string;
  teamId: string;
  needLevel: HandoffTable['need_level'];
  status: HandoffStatus;
  answers: Answers;
  planStepIds: string[];
  domains: string[];
  questionnaireVersion: number;
  contact: { name: string; phone: string | null; email: string | null; preferred: 'phone' | 'email' };
  safety: { voicemailOk: boolean; safeTimes: string[]; notes: string | null };
  consentText: string;
  consentedAt: string;
  retainUntil: string;
  acknowledgeBy: string;
  urgentContactBy: string | null;
  createdAt: string;
}

export function toHandoff(row: Selectable<HandoffTable>): Handoff {
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    teamId: row.team_id,
    needLevel: row.need_level,
    status: row.status,
    answers: JSON.parse(row.answers) as Answers,
    planStepIds: JSON.parse(row.plan_step_ids) as string[],
    domains: JSON.parse(row.domains) as string[],
    questionnaireVersion: row.questionnaire_version,
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email, preferred: row.preferred_contact },
    safety: { voicemailOk: row.voicemail_ok === 1, safeTimes: JSON.parse(row.safe_times) as string[], notes: row.safety_notes },
    consentText: row.consent_text,
    consentedAt: row.consented_at,
    retainUntil: row.retain_until,
    acknowledgeBy: row.acknowledge_by,
    urgentContactBy: row.urgent_contact_by,
    createdAt: row.created_at,
  };
}

/** A hand-off by its reference, as a person quotes it (used by tests; staff reach hand-offs through src/server/casework). */
export async function getHandoffByReference(db: AppDatabase, reference: string): Promise<Handoff | null> {
  const row = await db.selectFrom('handoff').selectAll().where('reference', '=', reference.trim().toUpperCase()).executeTakeFirst();
  return row ? toHandoff(row) : null;
}
