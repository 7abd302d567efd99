// A self-assessment an adviser takes someone through, by phone, at an outreach surgery or at an
// office visit: the same questions, machine and plan as the website, in a draft held for that
// adviser (found by its id and the adviser, never by a cookie), so a signed-out adviser signs in
// again and carries on. At the end the adviser records the person's consent as they gave it and
// the case is opened directly: claimed by the adviser, contact made, marked with its channel,
// audited, and counted; the draft is deleted in the same transaction.
import { consentParties } from '../../config/service-rules.ts';
import { CONTACT_LANGUAGE_CODES } from '../../config/contact-languages.ts';
import { selfAssessment, type HandoffService } from '../../config/self-assessment.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { CHANNEL_NAMES, FILLED_IN_BY_NAMES, PRIVACY_NOTICE_NAMES, type AssistedStart } from '../../domain/assisted/channels.ts';
import type { FormError } from '../../domain/forms.ts';
import { consentStatement } from '../../domain/handoff/consent.ts';
import {
  checkContactDetails,
  checkSafeContact,
  ENGLISH_CONTACT_WORDS,
  type ContactCheckWords,
} from '../../domain/handoff/contact-details.ts';
import { QUESTIONNAIRE_VERSION } from '../../domain/questionnaire/machine.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { surgeryById } from '../../config/outreach.ts';
import { countGoals } from '../analytics/goals.ts';
import { recordAudit } from '../audit/audit.ts';
import { addCaseEvent } from '../casework/case-events.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { acknowledgeOnContact } from '../handoffs/contact-made.ts';
import { makeHandoff } from '../handoffs/create-handoff.ts';
import { newId } from '../ids.ts';
import { openText, sealColumns } from '../security/secrets/sealing.ts';
import { FormProblems, NotFound } from '../web/problems.ts';
import { EMPTY_DRAFT_STATE, parseDraftState, type DraftState } from './draft-state.ts';
import { updateDraft, type DraftKeeping, type DraftRecord } from './drafts.ts';
import { progressOf } from './questionnaire.ts';
import { stepUrl } from '../../routes/self-assessment.ts';
import { resultFor, type AssessmentResult } from './result.ts';
import type { DataKeyring } from '../../config/data-keys.ts';

const HOUR = 3_600_000;

/** An adviser's unfinished assisted self-assessment. */
export interface AssistedDraft extends DraftRecord {
  assisted: AssistedStart;
  startedAt: string;
  updatedAt: string;
}

/** Where its pages are: the website's self-assessment pages live under it (`${base}/self-assessment/...`). */
export const assistedBase = (draftId: string) => `/staff/assisted/${draftId}`;

/** "Assisted by phone", "Assisted at an outreach surgery (Eastgate Library)". */
export function channelWords(assisted: Pick<AssistedStart, 'channel' | 'surgeryId'>): string {
  const place = assisted.channel === 'surgery' ? surgeryById(assisted.surgeryId)?.name : undefined;
  return `${CHANNEL_NAMES[assisted.channel]}${place ? ` (${place})` : ''}`;
}

/** Starts one: an empty draft held for the adviser, audited. */
export async function startAssistedSelfAssessment(
  db: AppDatabase,
  actor: Actor,
  start: AssistedStart,
  now: Date,
  keeping: DraftKeeping,
): Promise<string> {
  authorise(actor, 'self-assessments:assist');
  const id = newId();
  const state: DraftState = { ...EMPTY_DRAFT_STATE, assisted: start };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assessment_draft')
      .values({
        id,
        session_hash: null,
        return_code_hash: null,
        ...sealColumns(keeping.ring, 'assessment_draft', id, { state: JSON.stringify(state) }),
        questionnaire_version: QUESTIONNAIRE_VERSION,
        assisted_by: actor.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        expires_at: new Date(now.getTime() + keeping.draftIdleHours * HOUR).toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: 'started an assisted self-assessment',
        entityType: 'assisted_self_assessment',
        entityId: id,
        detail: { channel: start.channel, surgery: start.surgeryId, filledInBy: start.filledInBy, privacyNotice: start.privacyNotice },
      },
      now,
    );
  });
  return id;
}

function opened(ring: DataKeyring, row: { id: string; data_key_id: string | null; state: string; created_at: string; updated_at: string }) {
  const state = parseDraftState(openText(ring, row.data_key_id, { table: 'assessment_draft', column: 'state', rowId: row.id }, row.state));
  if (!state.assisted) throw new Error(`Assisted draft ${row.id} does not say how it was started`);
  return { id: row.id, state, savedWithCode: false, assisted: state.assisted, startedAt: row.created_at, updatedAt: row.updated_at };
}

/** The adviser's own assisted draft, or null: anyone else's, an expired one, or none. */
async function ownAssistedDraft(db: AppDatabase, actor: Actor, id: string, now: Date, ring: DataKeyring): Promise<AssistedDraft | null> {
  authorise(actor, 'self-assessments:assist');
  const row = await db
    .selectFrom('assessment_draft')
    .select(['id', 'state', 'data_key_id', 'created_at', 'updated_at', 'expires_at', 'questionnaire_version'])
    .where('id', '=', id)
    .where('assisted_by', '=', actor.id)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || row.questionnaire_version !== QUESTIONNAIRE_VERSION) return null;
  return opened(ring, row);
}

/** The adviser's own assisted draft; anyone else's, an expired one or none is not found. */
export async function findAssistedDraft(db: AppDatabase, actor: Actor, id: string, now: Date, ring: DataKeyring): Promise<AssistedDraft> {
  const draft = await ownAssistedDraft(db, actor, id, now, ring);
  if (!draft) throw new NotFound();
  return draft;
}

/** Where an assisted self-assessment stands (its next page), or the start page when it has gone (finished, ended, expired). */
export async function assistedNextPage(db: AppDatabase, actor: Actor, id: string, now: Date, ring: DataKeyring): Promise<string> {
  const draft = await ownAssistedDraft(db, actor, id, now, ring);
  return draft ? `${assistedBase(id)}${stepUrl(progressOf(draft.state).current)}` : '/staff/assisted?expired=1';
}

/** The adviser's unfinished assisted self-assessments, the latest first. */
export async function listAssistedDrafts(db: AppDatabase, actor: Actor, now: Date, ring: DataKeyring): Promise<AssistedDraft[]> {
  authorise(actor, 'self-assessments:assist');
  const rows = await db
    .selectFrom('assessment_draft')
    .select(['id', 'state', 'data_key_id', 'created_at', 'updated_at'])
    .where('assisted_by', '=', actor.id)
    .where('expires_at', '>', now.toISOString())
    .where('questionnaire_version', '=', QUESTIONNAIRE_VERSION)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((row) => opened(ring, row));
}

/** Ends one without a case (the person did not want one, or it was started by mistake), audited. */
export async function discardAssistedDraft(db: AppDatabase, actor: Actor, id: string, now: Date): Promise<void> {
  authorise(actor, 'self-assessments:assist');
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('assessment_draft').where('id', '=', id).where('assisted_by', '=', actor.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new NotFound();
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: 'ended an assisted self-assessment without a case',
        entityType: 'assisted_self_assessment',
        entityId: id,
      },
      now,
    );
  });
}

/** Counts a finished assisted self-assessment once, by its channel (the website's own "completed" is the person alone). */
export async function recordAssistedCompletion(
  db: AppDatabase,
  draft: AssistedDraft,
  now: Date,
  keeping: DraftKeeping,
): Promise<AssistedDraft> {
  if (draft.state.completionCounted) return draft;
  const progress = progressOf(draft.state);
  if (progress.current !== 'result' && progress.current !== 'emergency') return draft;
  await countGoals(db, [`assisted:${draft.assisted.channel}`], now);
  return { ...draft, ...(await updateDraft(db, draft, { ...draft.state, completionCounted: true }, now, keeping)) };
}

/** The services an adviser may open a case in: their own team's (any, for a manager). */
export function servicesFor(actor: Pick<Actor, 'role' | 'teamId'>): HandoffService[] {
  return selfAssessment.services.filter((s) => actor.role === 'manager' || s.teamId === actor.teamId);
}

/** The consent the adviser reads to the person for a service, word for word. */
export function assistedConsentText(service: HandoffService): string {
  return consentStatement(service, consentParties(service));
}

/** The checks' words, about "the person" (the adviser is typing for them). */
export const ASSISTED_CONTACT_WORDS: ContactCheckWords = {
  ...ENGLISH_CONTACT_WORDS,
  nameLabel: 'Their name',
  nameRequired: 'Enter the person’s name, or what they would like to be called',
  preferredRequired: 'Select how the person would like to be contacted',
  phoneMissing: 'Enter their phone number, or choose contact by email',
  emailMissing: 'Enter their email address, or choose contact by phone',
  voicemailRequired: 'Select yes if it is safe to leave them a voicemail',
  safeTimesRequired: 'Select at least one time when it is safe to call them',
  languageRequired: 'Select the language to contact them in',
};

export type AssistedCaseForm = Record<string, string | string[] | undefined>;

/**
 * Opens the case: checks the contact details, safe contact and consent on the one form (nothing
 * the website's contact pages ask is asked twice), then, in one transaction, the hand-off with every
 * answer (marked with its channel), contact made and claimed by the adviser, a timeline entry,
 * the audit row and the count; the draft goes. Returns the case's id.
 */
export async function openAssistedCase(
  db: AppDatabase,
  actor: Actor,
  draftId: string,
  form: AssistedCaseForm,
  now: Date,
  keeping: DraftKeeping,
  rules: ServiceRules,
): Promise<string> {
  const draft = await findAssistedDraft(db, actor, draftId, now, keeping.ring);
  const progress = progressOf(draft.state);
  if (progress.current !== 'result' && progress.current !== 'emergency')
    throw new FormProblems([{ field: 'service', message: 'Finish the questions and check the answers before opening the case' }]);
  const errors: FormError[] = [];
  const one = (name: string) => {
    const value = form[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  };
  const serviceId = one('service');
  const service = servicesFor(actor).find((s) => s.id === serviceId);
  if (!service) errors.push({ field: 'service', message: 'Select the service the case is for' });
  const contact = checkContactDetails(form, CONTACT_LANGUAGE_CODES, ASSISTED_CONTACT_WORDS);
  if (!contact.ok) errors.push(...contact.errors);
  // Safe contact is checked for the way they chose, even when another field is wrong.
  const safety = checkSafeContact(form, one('preferred') === 'phone' ? 'phone' : 'email', ASSISTED_CONTACT_WORDS);
  if (!safety.ok) errors.push(...safety.errors);
  if (one('consent') !== 'yes')
    errors.push({
      field: 'consent',
      message: 'Select that the person agreed, after you read them the statement. Without their agreement no case can be opened.',
    });
  if (errors.length > 0 || !service || !contact.ok || !safety.ok) throw new FormProblems(errors);
  const result: AssessmentResult = resultFor(progress.answers);
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('assessment_draft').where('id', '=', draft.id).where('assisted_by', '=', actor.id).executeTakeFirst();
    // Two presses of the button: the first opened the case.
    if (Number(gone.numDeletedRows) !== 1) throw new NotFound();
    const made = await makeHandoff(
      trx,
      {
        service,
        answers: progress.answers,
        need: { level: result.need.level, label: result.need.label, planStepIds: result.plan.map((s) => s.id), domains: result.domains },
        contact: contact.value,
        safety: safety.value,
        consentText: assistedConsentText(service),
        language: 'en',
        assisted: { ...draft.assisted, staffId: actor.id },
        receivedAt: now,
      },
      rules,
      keeping.ring,
    );
    // The adviser is with the person now: that is the contact they would otherwise wait for.
    await acknowledgeOnContact(trx, made.id, now, rules, actor.id);
    const how = channelWords(draft.assisted);
    await addCaseEvent(trx, keeping.ring, {
      caseId: made.id,
      kind: 'contact',
      summary: `${actor.displayName} went through the self-assessment with them: ${how.toLowerCase()}`,
      detail: `Filled in by: ${FILLED_IN_BY_NAMES[draft.assisted.filledInBy].toLowerCase()}. Privacy notice: ${PRIVACY_NOTICE_NAMES[draft.assisted.privacyNotice].toLowerCase()}. Consent given in their words, recorded by ${actor.displayName}.`,
      staffId: actor.id,
      at: now,
    });
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: 'opened a case from an assisted self-assessment',
        entityType: 'case',
        entityId: made.id,
        detail: { reference: made.reference, channel: draft.assisted.channel, surgery: draft.assisted.surgeryId, draft: draft.id },
      },
      now,
    );
    if (!draft.state.completionCounted) await countGoals(trx, [`assisted:${draft.assisted.channel}`], now);
    return made.id;
  });
}
