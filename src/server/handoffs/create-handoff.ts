// Making a hand-off ("contact an agency"): the person's answers travel with their request, so no
// adviser asks them again. Made only with explicit consent, by the self-assessment
// (src/server/self-assessment/send-handoff.ts) and the demo data alike. In one transaction: the
// hand-off with every answer, its time limits, a message to the team, and, for a partner's
// service, the referral to that partner.
import { retentionEnds } from '../../domain/retention/rules.ts';
import type { Insertable } from 'kysely';
import type { HandoffService } from '../../config/self-assessment.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { ContactDetails, SafeContact } from '../../domain/handoff/contact-details.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { QUESTIONNAIRE_VERSION } from '../../domain/questionnaire/machine.ts';
import type { NeedLevel } from '../../domain/casework/statuses.ts';
import { describeContactBy } from '../../domain/time/office-hours.ts';
import { longDate } from '../../domain/time/working-days.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { HandoffTable, ReferralTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { queueMessage } from '../notify/outbox.ts';
import { languageNeed } from '../../config/contact-languages.ts';
import { sealReferral } from '../partners/referral-sealing.ts';
import { queueReferralNotice } from '../partners/referral-notice.ts';
import { acknowledgeBy, urgentContactBy } from './deadlines.ts';
import { queueColumns } from './queue-columns.ts';
import { newReference } from './reference.ts';
import { sealHandoff } from './handoff-sealing.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { AssistedStart } from '../../domain/assisted/channels.ts';

/** `referral.created_by` when the person chose a partner's service themselves, at hand-off. */
export const PERSON_ASKED = 'person';

/** What the self-assessment found, as the hand-off keeps it. */
export interface AssessedNeed {
  level: NeedLevel;
  label: string;
  planStepIds: string[];
  domains: string[];
}

export interface NewHandoff {
  service: HandoffService;
  answers: Answers;
  need: AssessedNeed;
  contact: ContactDetails;
  safety: SafeContact;
  /** The consent statement the person agreed to, word for word (in the language they read it in). */
  consentText: string;
  /** The website's language they did the self-assessment in; English when absent. */
  language?: string;
  /** For a self-assessment an adviser took the person through: how, and who. Absent: the person alone on the website. */
  assisted?: AssistedBy;
  receivedAt: Date;
}

/** How an assisted self-assessment was done (src/domain/assisted/channels.ts), and the adviser who did it. */
export interface AssistedBy extends AssistedStart {
  staffId: string;
}

/** The times it is safe to call, which an emergency's deadline counts in (none when they asked for email). */
function callingTimes(input: Pick<NewHandoff, 'contact' | 'safety'>): string[] {
  return input.contact.preferred === 'phone' ? input.safety.safeTimes : [];
}

/**
 * Everything stored about a new hand-off, worked out the way every hand-off is. `ring` seals the
 * answers, contact details and safety notes (src/server/handoffs/handoff-sealing.ts).
 */
export function handoffValues(
  id: string,
  reference: string,
  input: NewHandoff,
  rules: ServiceRules,
  ring: DataKeyring,
): Insertable<HandoffTable> {
  const { service, need, contact, safety, receivedAt } = input;
  const urgent = need.level === 'emergency' ? urgentContactBy(receivedAt, rules, callingTimes(input)) : null;
  const values = {
    id,
    reference,
    service_id: service.id,
    team_id: service.teamId,
    need_level: need.level,
    plan_step_ids: JSON.stringify(need.planStepIds),
    domains: JSON.stringify(need.domains),
    questionnaire_version: QUESTIONNAIRE_VERSION,
    ...sealHandoff(ring, id, {
      answers: JSON.stringify(input.answers),
      contact_name: contact.name,
      contact_phone: contact.phone || null,
      contact_email: contact.email || null,
      safe_times: JSON.stringify(safety.safeTimes),
      safety_notes: safety.notes || null,
    }),
    preferred_contact: contact.preferred,
    voicemail_ok: safety.voicemailOk ? 1 : 0,
    language: input.language ?? 'en',
    contact_language: contact.language ?? input.language ?? 'en',
    interpreter_needed: contact.interpreter ? 1 : 0,
    channel: input.assisted?.channel ?? 'web',
    assisted_by: input.assisted?.staffId ?? null,
    surgery_id: input.assisted?.surgeryId ?? null,
    filled_in_by: input.assisted?.filledInBy ?? null,
    privacy_notice: input.assisted?.privacyNotice ?? null,
    consent_text: input.consentText,
    consented_at: receivedAt.toISOString(),
    // Reset when the case closes (the consent's promise counts from then); until then nothing deletes it.
    retain_until: retentionEnds(receivedAt, rules.retentionMonths),
    acknowledge_by: acknowledgeBy(receivedAt, rules),
    urgent_contact_by: urgent ? urgent.due.toISOString() : null,
    created_at: receivedAt.toISOString(),
    status: 'new',
  } satisfies Insertable<HandoffTable>;
  return {
    ...values,
    ...queueColumns({ ...values, acknowledged_at: null, appointment_arranged_at: null, information_gathered_at: null }, rules),
  };
}

/** What the person is told once their hand-off is made. */
export interface CreatedHandoff {
  id: string;
  reference: string;
  acknowledgeBy: string;
  /** For an emergency: the instant contact is due (ISO-8601). */
  urgentContactBy: string | null;
  /** For an emergency: none of the times they said are safe to call falls inside office hours. */
  noSafeTimeInOfficeHours: boolean;
}

/** The referral to a partner's service that the person chose themselves, with their consent to share. */
export function personAskedReferral(
  ring: DataKeyring,
  id: string,
  handoffId: string,
  partnerServiceId: string,
  now: Date,
): Insertable<ReferralTable> {
  return {
    id,
    handoff_id: handoffId,
    service_id: partnerServiceId,
    ...sealReferral(ring, id, {
      reason: 'The person asked for your service themselves, when they asked to be contacted through the online self-assessment.',
      decline_reason: null,
      result: null,
    }),
    status: 'sent',
    created_by: PERSON_ASKED,
    consent_to_share: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/**
 * Inserts the hand-off under a new reference: one insert that does nothing if the reference is
 * taken (two instances, or a vanishingly rare clash), tried again with another. Never an empty
 * reference, and never a failed transaction for the person.
 */
async function insertWithReference(
  trx: DbExecutor,
  valuesFor: (reference: string) => Insertable<HandoffTable>,
  reference: () => string,
): Promise<Insertable<HandoffTable>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const values = valuesFor(reference());
    const inserted = await trx
      .insertInto('handoff')
      .values(values)
      .onConflict((oc) => oc.column('reference').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return values;
  }
  throw new Error('Five new hand-off references in a row were already taken: the reference generator is broken');
}

/** Makes the hand-off inside the caller's transaction (see the file's opening comment). */
export async function makeHandoff(
  trx: DbExecutor,
  input: NewHandoff,
  rules: ServiceRules,
  ring: DataKeyring,
  references: () => string = newReference,
): Promise<CreatedHandoff> {
  const { service, need, receivedAt: now } = input;
  const id = newId();
  const values = await insertWithReference(trx, (candidate) => handoffValues(id, candidate, input, rules, ring), references);
  const reference = values.reference;
  const urgentBy = values.urgent_contact_by ?? null;
  const dueInWords = urgentBy ? describeContactBy(now, new Date(urgentBy)).by : longDate(values.acknowledge_by);
  // The email says what and how urgent, not who: personal details stay in the service. An assisted
  // one needs none: the adviser who made it has it.
  if (!input.assisted)
    await queueMessage(
      trx,
      ring,
      {
        to: service.notifyEmail,
        subject: `${urgentBy ? 'URGENT: new' : 'New'} hand-off ${reference} (${need.label.toLowerCase()} need): ${urgentBy ? `contact by ${dueInWords} (emergency)` : `acknowledge by ${dueInWords}`}`,
        body: [
          `A person has asked the ${service.name} to contact them.`,
          ``,
          `Reference: ${reference}`,
          `Need level: ${need.label}`,
          `Areas of need: ${need.domains.join(', ') || 'none flagged'}`,
          `Language: ${languageNeed(values.contact_language ?? 'en', values.interpreter_needed === 1) ?? 'English'}`,
          urgentBy ? `Contact the person by: ${dueInWords}` : `Acknowledge by: ${dueInWords}`,
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
      .values(personAskedReferral(ring, referralId, id, service.partnerServiceId, now))
      .execute();
    const emergency = urgentBy ? { promisedBy: new Date(urgentBy) } : undefined;
    await queueReferralNotice(trx, ring, { id: referralId, serviceId: service.partnerServiceId, emergency }, now);
  }
  const noSafeTimeInOfficeHours = urgentBy !== null && urgentContactBy(now, rules, callingTimes(input)).noSafeTimeInOfficeHours;
  return { id, reference, acknowledgeBy: values.acknowledge_by, urgentContactBy: urgentBy, noSafeTimeInOfficeHours };
}
