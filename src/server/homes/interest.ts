// Expressing interest in a home (no account needed), and the officer's shortlist: ordered by
// housing need from the person's own assessment, highest first, then by when they asked; viewings,
// offers and refusals; and letting the home, which closes the advert, tells the others kindly,
// records the tenancy and, when the tenant has a case, its outcome and sustainment follow-ups.
import { countGoals } from '../analytics/goals.ts';
import { casework } from '../../config/casework.ts';
import { council } from '../../config/council.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { NEED_LEVELS, NEED_NAMES } from '../../domain/casework/statuses.ts';
import type { FormError } from '../../domain/forms.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { parseDateInput } from '../../domain/time/date-input.ts';
import { addMonths, localDate, longDate } from '../../domain/time/working-days.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { AdvertInterestTable, InterestStatus } from '../db/schema.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { addCaseEvent } from '../casework/case-events.ts';
import { INTEREST_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';
import { interestPersonLookup } from '../security/secrets/lookups.ts';
import { isUniqueViolation } from '../db/sql.ts';
import { parseReference, spokenReference } from '../handoffs/reference.ts';
import { handoffIdByReference } from '../handoffs/handoff-record.ts';
import { newId } from '../ids.ts';
import { sha256Hex } from '../crypto.ts';
import { queueMessage } from '../notify/outbox.ts';
import { UserProblem } from '../web/problems.ts';
import { publicAdvert } from './listing.ts';
import { cleanField } from '../../domain/text/plain-text.ts';
import { isEmailAddress, normaliseEmail } from '../../domain/contact/email.ts';
import { ukPhoneNumber } from '../../domain/contact/phone.ts';

export class InterestProblem extends UserProblem {
  override name = 'InterestProblem';
}

/** Tries a network address may make in a row, then one more every 6 minutes. */
// The person's name and how to reach them are sealed at rest (src/server/security/secrets/).

function sealInterest(ring: DataKeyring, id: string, plain: Pick<AdvertInterestTable, (typeof INTEREST_SEALED_COLUMNS)[number]>) {
  return sealColumns(ring, 'advert_interest', id, plain);
}

function openInterest<R extends { id: string; data_key_id: string | null }>(ring: DataKeyring, row: R): R {
  return openColumns(ring, 'advert_interest', row.id, row, INTEREST_SEALED_COLUMNS);
}

export const INTEREST_LIMIT = { size: 10, refillSeconds: 360 };

/**
 * What the person agrees to, as the interest page explains it (and as the shortlist does): the
 * council's officers see the request and, with a reference, only how urgent the need is; a
 * landlord may be given the name, contact details and household size for a viewing, and never the
 * self-assessment, its answers or its reference. Kept word for word with each interest.
 */
export const INTEREST_CONSENT =
  'I agree that the council’s officers may use these details, and how urgent my housing need is from my self-assessment if I gave my reference, to decide who to offer viewings to, and may give the landlord my name, contact details and household size to arrange a viewing.';

export interface InterestInput {
  name: string;
  phone: string;
  email: string;
  preferred: string;
  /** 'yes' or 'no': may we leave a voicemail? */
  voicemail: string;
  /** When it is safe to contact them (optional). */
  safeTimes: string;
  householdSize: string;
  stepFree: string;
  reference: string;
  consent: string;
}

const NAME_RULES = { label: 'Your name', maxLength: 120, required: 'Enter your name' };
const SAFE_TIMES_RULES = { label: 'When to contact you', maxLength: 200 };

/** The form checked: its errors in page order, and the text as it would be kept (cleaned). */
export function checkInterest(input: InterestInput): { errors: FormError[]; cleaned: InterestInput } {
  const errors: FormError[] = [];
  const refuse = (field: string) => (message: string) => errors.push({ field, message });
  const name = cleanField(input.name, NAME_RULES, refuse('name'));
  const phone = input.phone.trim();
  const email = input.email.trim();
  // The one rule for phone numbers (src/domain/contact/phone.ts): "+44 (0)7700 900123" is 07700900123.
  const ukPhone = phone === '' ? '' : ukPhoneNumber(phone);
  if (phone === '' && email === '')
    errors.push({ field: 'phone', message: 'Enter a phone number or an email address, so we can contact you' });
  if (ukPhone === null) errors.push({ field: 'phone', message: 'Enter a UK phone number, like 07700 900 123' });
  if (email !== '' && !isEmailAddress(email))
    errors.push({ field: 'email', message: 'Enter an email address in the right format, like name@example.com' });
  if (!['phone', 'email'].includes(input.preferred))
    errors.push({ field: 'preferred', message: 'Choose how you would like us to contact you' });
  else if ((input.preferred === 'phone' && phone === '') || (input.preferred === 'email' && email === ''))
    errors.push({
      field: 'preferred',
      message: `You chose ${input.preferred === 'phone' ? 'a phone call' : 'email'}: enter your ${input.preferred === 'phone' ? 'phone number' : 'email address'} too`,
    });
  if (!['yes', 'no'].includes(input.voicemail))
    errors.push({ field: 'voicemail', message: 'Choose whether it is safe to leave you a voicemail' });
  const safeTimes = cleanField(input.safeTimes, SAFE_TIMES_RULES, refuse('safe-times'));
  if (!/^\d{1,2}$/.test(input.householdSize.trim()) || Number(input.householdSize) < 1 || Number(input.householdSize) > 20)
    errors.push({ field: 'household-size', message: 'Enter how many people would live here, from 1 to 20' });
  if (!['yes', 'no'].includes(input.stepFree))
    errors.push({ field: 'step-free', message: 'Choose whether anyone needs a home with no steps' });
  if (input.reference.trim() !== '' && !parseReference(input.reference))
    errors.push({ field: 'reference', message: 'Enter your reference as it was given, like HO-7KQ2-M9XA, or leave it empty' });
  if (input.consent !== 'yes') errors.push({ field: 'consent', message: 'Tick to agree that we may share your details with the landlord' });
  return { errors, cleaned: { ...input, name, safeTimes, phone: ukPhone ?? phone, email: normaliseEmail(email) } };
}

export function interestErrors(input: InterestInput): FormError[] {
  return checkInterest(input).errors;
}

/** The message for a person who has expressed interest in this home already. */
const ALREADY = 'You have already told us you are interested in this home. We will contact you if you are offered a viewing';

/** A person expresses interest in a live advert before its closing date. Returns their reference. */
export async function expressInterest(
  db: AppDatabase,
  advertId: string,
  given: InterestInput,
  now: Date,
  ring: DataKeyring,
  formId?: string,
  newReference: () => string = () => spokenReference('EI'),
): Promise<{ id: string; reference: string }> {
  // What is kept is the cleaned text (one Unicode form, trimmed): src/domain/text/plain-text.ts.
  const { errors, cleaned: input } = checkInterest(given);
  if (errors.length > 0) throw new InterestProblem(errors[0]!.message, errors[0]!.field);
  const today = localDate(now);
  const advert = await publicAdvert(db, advertId, today);
  if (!advert) throw new InterestProblem('This home is no longer taking interest');
  const handoffReference = parseReference(input.reference);
  const handoffId = handoffReference ? await handoffIdByReference(db, handoffReference) : null;
  if (handoffReference && !handoffId) throw new InterestProblem('We cannot find that reference. Check it, or leave it empty', 'reference');
  const where = `${advert.street}, ${advert.area}`;
  const closesOn = advert.closes_on;
  const personKey = interestPersonLookup(ring, { email: input.email || null, phone: input.phone || null });
  const already = () =>
    db.selectFrom('advert_interest').select('id').where('advert_id', '=', advertId).where('person_key', '=', personKey).executeTakeFirst();
  if (await already()) throw new InterestProblem(ALREADY);
  // Each try its own transaction: a clash of the random reference is tried again with another;
  // a clash of the person (two sends at once) is what it says.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const reference = newReference();
    const interestId = newId();
    try {
      await insertInterest(reference, interestId);
      return { id: interestId, reference };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await already()) throw new InterestProblem(ALREADY);
    }
  }
  throw new Error('Five new interest references in a row were already taken: the reference generator is broken');

  async function insertInterest(reference: string, interestId: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('advert_interest')
        .values({
          id: interestId,
          advert_id: advertId,
          reference,
          ...sealInterest(ring, interestId, {
            name: input.name.trim(),
            phone: input.phone || null,
            email: input.email || null,
            safe_times: input.safeTimes.trim() || null,
          }),
          preferred_contact: input.preferred as 'phone' | 'email',
          voicemail_ok: input.voicemail === 'yes' ? 1 : 0,
          household_size: Number(input.householdSize),
          needs_step_free: input.stepFree === 'yes' ? 1 : 0,
          handoff_id: handoffId,
          consent_text: INTEREST_CONSENT,
          person_key: personKey,
          form_id_hash: formId ? sha256Hex(formId) : null,
          status: 'interested',
          status_reason: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await countGoals(trx, ['interest_expressed'], now);
      if (input.email)
        await queueMessage(
          trx,
          ring,
          {
            to: input.email,
            subject: `Your interest in the home on ${where}: ${reference}`,
            body: `Thank you. We have your interest in the home on ${where}. Your reference is ${reference}.\n\nInterest closes on ${longDate(closesOn)}. The ${council.contacts.housingOptions.name} will contact you if you are offered a viewing.\n\n${council.name}`,
            relatedType: 'advert_interest',
            relatedId: reference,
          },
          now,
        );
    });
  }
}

export interface ShortlistEntry {
  id: string;
  reference: string;
  name: string;
  phone: string | null;
  email: string | null;
  preferredContact: 'phone' | 'email';
  voicemailOk: boolean;
  safeTimes: string | null;
  householdSize: number;
  needsStepFree: boolean;
  status: InterestStatus;
  statusReason: string | null;
  createdAt: string;
  handoffId: string | null;
  handoffReference: string | null;
  /** Why they are where they are in the order, in words. */
  orderReason: string;
}

/** An advert's shortlist: housing need from the linked assessment (highest first), then the date they asked. */
export async function shortlist(db: AppDatabase, actor: Actor, advertId: string, ring: DataKeyring): Promise<ShortlistEntry[]> {
  authorise(actor, 'landlords:manage');
  const rows = await db
    .selectFrom('advert_interest')
    .leftJoin('handoff', 'handoff.id', 'advert_interest.handoff_id')
    .select([
      'advert_interest.id',
      'advert_interest.reference',
      'advert_interest.name',
      'advert_interest.phone',
      'advert_interest.email',
      'advert_interest.preferred_contact',
      'advert_interest.voicemail_ok',
      'advert_interest.safe_times',
      'advert_interest.household_size',
      'advert_interest.needs_step_free',
      'advert_interest.status',
      'advert_interest.status_reason',
      'advert_interest.created_at',
      'advert_interest.handoff_id',
      'advert_interest.data_key_id',
      'handoff.reference as handoff_reference',
      'handoff.need_level',
    ])
    .where('advert_interest.advert_id', '=', advertId)
    .orderBy((eb) => eb.fn.coalesce('handoff.need_rank', eb.val(NEED_LEVELS.length)))
    .orderBy('advert_interest.created_at')
    .orderBy('advert_interest.id')
    .execute();
  return rows
    .map((sealed) => openInterest(ring, sealed))
    .map((row) => ({
      id: row.id,
      reference: row.reference,
      name: row.name,
      phone: row.phone,
      email: row.email,
      preferredContact: row.preferred_contact,
      voicemailOk: row.voicemail_ok === 1,
      safeTimes: row.safe_times,
      householdSize: row.household_size,
      needsStepFree: row.needs_step_free === 1,
      status: row.status,
      statusReason: row.status_reason,
      createdAt: row.created_at,
      handoffId: row.handoff_id,
      handoffReference: row.handoff_reference,
      orderReason: row.need_level
        ? `${NEED_NAMES[row.need_level]} need, from their assessment (${row.handoff_reference})`
        : 'No assessment linked: in the order they asked',
    }));
}

export interface Decision {
  action: string;
  reason: string;
  startDay: string;
  startMonth: string;
  startYear: string;
  rent: string;
}

const PRIVATE_RENTED = 'private-rented-secured';

/** An officer records a step on the shortlist: viewing arranged, offered, refused (with a reason), or let. */
export async function decideInterest(
  db: AppDatabase,
  actor: Actor,
  interestId: string,
  decision: Decision,
  now: Date,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<InterestStatus> {
  authorise(actor, 'landlords:manage');
  const action = decision.action as 'viewing' | 'offered' | 'refused' | 'let';
  if (!['viewing', 'offered', 'refused', 'let'].includes(action)) throw new InterestProblem('Choose what has happened');
  const reason = cleanTextOrThrow(decision.reason, 'The note', { multiline: true, maxLength: 1000 }, (m) => new InterestProblem(m));
  if (action === 'refused' && reason === '') throw new InterestProblem('Enter why it was refused, and by whom');
  let startsOn = '';
  let rent = 0;
  if (action === 'let') {
    const start = parseDateInput(decision.startDay, decision.startMonth, decision.startYear);
    if (!start.ok) throw new InterestProblem(`The tenancy start date ${start.problem}`);
    startsOn = start.date;
    if (!/^\d{1,6}(\.\d{2})?$/.test(decision.rent.trim().replace(/^£/, '').replace(/,/g, '')))
      throw new InterestProblem('Enter the rent a month in pounds, like 675');
    rent = Math.round(Number(decision.rent.trim().replace(/^£/, '').replace(/,/g, '')) * 100);
    if (rent <= 0) throw new InterestProblem('Enter the rent a month in pounds, like 675');
  }
  return db.transaction().execute(async (trx) => {
    const interest = await trx.selectFrom('advert_interest').selectAll().where('id', '=', interestId).executeTakeFirst();
    if (!interest) throw new InterestProblem('There is no such expression of interest');
    const advert = await trx
      .selectFrom('advert')
      .innerJoin('home', 'home.id', 'advert.home_id')
      .select(['advert.id', 'advert.state', 'home.street', 'home.area'])
      .where('advert.id', '=', interest.advert_id)
      .executeTakeFirstOrThrow();
    if (advert.state === 'let') throw new InterestProblem('This home has already been let');
    if (['let', 'not_chosen'].includes(interest.status)) throw new InterestProblem('This person’s interest has already been settled');
    const at = now.toISOString();
    const changed = await trx
      .updateTable('advert_interest')
      .set({ status: action, status_reason: reason || null, updated_at: at })
      .where('id', '=', interestId)
      .where('status', '=', interest.status)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new InterestProblem('Someone else has just changed this: look again');
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: `interest ${action}`,
        entityType: 'advert',
        entityId: advert.id,
        detail: { interest: interest.reference },
      },
      now,
    );
    if (action !== 'let') return action;

    // Let: the advert closes, the tenancy is recorded, the others are told kindly.
    await trx.updateTable('advert').set({ state: 'let', updated_at: at }).where('id', '=', advert.id).execute();
    await trx
      .insertInto('tenancy')
      .values({
        id: newId(),
        advert_id: advert.id,
        interest_id: interestId,
        handoff_id: interest.handoff_id,
        starts_on: startsOn,
        rent_pcm: rent,
        created_by: actor.id,
        created_at: at,
      })
      .execute();
    const others = await trx
      .selectFrom('advert_interest')
      .select(['id', 'email', 'reference', 'data_key_id'])
      .where('advert_id', '=', advert.id)
      .where('id', '<>', interestId)
      .where('status', 'in', ['interested', 'viewing', 'offered'])
      .execute();
    for (const other of others.map((sealed) => openInterest(ring, sealed))) {
      await trx.updateTable('advert_interest').set({ status: 'not_chosen', updated_at: at }).where('id', '=', other.id).execute();
      if (other.email)
        await queueMessage(
          trx,
          ring,
          {
            to: other.email,
            subject: `The home on ${advert.street}, ${advert.area} has been let`,
            body: `Thank you for your interest in the home on ${advert.street}, ${advert.area} (your reference ${other.reference}). It has now been let to someone else, and we are sorry this one did not work out.\n\nThere are more homes at /homes, and the ${council.contacts.housingOptions.name} can help: ${council.contacts.housingOptions.phone}.\n\n${council.name}`,
            relatedType: 'advert_interest',
            relatedId: other.reference,
          },
          now,
        );
    }
    // The tenant's case: the outcome, on the timeline, and the sustainment follow-ups from the start date.
    if (interest.handoff_id && casework.outcomes.some((o) => o.code === PRIVATE_RENTED)) {
      await trx
        .insertInto('case_outcome')
        .values({
          id: newId(),
          handoff_id: interest.handoff_id,
          code: PRIVATE_RENTED,
          detail: null,
          recorded_by: actor.id,
          recorded_at: at,
        })
        .execute();
      await addCaseEvent(trx, ring, {
        caseId: interest.handoff_id,
        kind: 'outcome',
        summary: `Outcome: private rented tenancy secured (${advert.street}, ${advert.area}, from ${longDate(startsOn)})`,
        staffId: actor.id,
        at,
      });
      const scheduled = await trx.selectFrom('follow_up').select('id').where('handoff_id', '=', interest.handoff_id).executeTakeFirst();
      if (!scheduled)
        for (const months of rules.followUpMonths)
          await trx
            .insertInto('follow_up')
            .values({
              id: newId(),
              handoff_id: interest.handoff_id,
              months_after: months as 3 | 6,
              due_on: addMonths(startsOn, months),
              still_housed: null,
              in_work_or_training: null,
              notes: null,
              recorded_by: null,
              recorded_at: null,
            })
            .execute();
      await recordAudit(
        trx,
        {
          staffId: actor.id,
          action: 'recorded outcome',
          entityType: 'case',
          entityId: interest.handoff_id,
          detail: { code: PRIVATE_RENTED, from: 'tenancy' },
        },
        now,
      );
    }
    return action;
  });
}
