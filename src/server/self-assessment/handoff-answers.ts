// The answers on the hand-off's own pages (who, contact details, safe contact), each checked and
// kept in the draft until the person consents. Errors go back to the page (Post/Redirect/Get)
// with what they typed, so nothing is lost.
import type { FormError } from '../../domain/forms.ts';
import { checkContactDetails, checkSafeContact } from '../../domain/handoff/contact-details.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { DraftState } from './draft-state.ts';
import { updateDraft, type DraftKeeping, type DraftRecord } from './drafts.ts';
import { deliverNow } from '../notify/deliver-now.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { createHandoff } from './send-handoff.ts';
import { HANDOFF_PAGES, type HandoffPage } from '../../routes/self-assessment.ts';
import { field, fieldValues, type FormValues } from '../web/forms.ts';
import type { HandoffServices } from './page-context.ts';
import { takeToken } from '../security/public-limits.ts';

type Outcome = { next: string };

/** The fields each page's form has: only these are kept to show again after an error. */
const PAGE_FIELDS: Record<Exclude<HandoffPage, 'sent'>, string[]> = {
  service: ['service'],
  details: ['name', 'phone', 'email', 'preferred'],
  safety: ['voicemail', 'safeTimes', 'notes'],
  consent: ['consent'],
};

async function withErrors(
  db: AppDatabase,
  draft: DraftRecord,
  page: Exclude<HandoffPage, 'sent'>,
  errors: FormError[],
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
): Promise<Outcome> {
  const submitted = Object.fromEntries(PAGE_FIELDS[page].map((name) => [name, fieldValues(form, name)]));
  const state: DraftState = { ...draft.state, flash: { page, errors, submitted } };
  await updateDraft(db, draft, state, now, keeping);
  return { next: HANDOFF_PAGES[page] };
}

export async function chooseService(
  db: AppDatabase,
  draft: DraftRecord,
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
): Promise<Outcome> {
  const service = serviceById(field(form, 'service'));
  if (!service)
    return withErrors(
      db,
      draft,
      'service',
      [{ field: 'service', message: 'Select who you would like to contact you' }],
      form,
      now,
      keeping,
    );
  const state: DraftState = { ...draft.state, flash: undefined, handoff: { ...draft.state.handoff, serviceId: service.id } };
  await updateDraft(db, draft, state, now, keeping);
  return { next: HANDOFF_PAGES.details };
}

export async function giveContactDetails(
  db: AppDatabase,
  draft: DraftRecord,
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
): Promise<Outcome> {
  const checked = checkContactDetails(form);
  if (!checked.ok) return withErrors(db, draft, 'details', checked.errors, form, now, keeping);
  const previous = draft.state.handoff?.contact;
  // Changing from phone to email makes the phone-only safety answers irrelevant: ask again.
  const safety = previous?.preferred === checked.value.preferred ? draft.state.handoff?.safety : undefined;
  const state: DraftState = { ...draft.state, flash: undefined, handoff: { ...draft.state.handoff, contact: checked.value, safety } };
  await updateDraft(db, draft, state, now, keeping);
  return { next: HANDOFF_PAGES.safety };
}

export async function giveSafeContact(
  db: AppDatabase,
  draft: DraftRecord,
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
): Promise<Outcome> {
  const preferred = draft.state.handoff?.contact?.preferred ?? 'phone';
  const checked = checkSafeContact(form, preferred);
  if (!checked.ok) return withErrors(db, draft, 'safety', checked.errors, form, now, keeping);
  const state: DraftState = { ...draft.state, flash: undefined, handoff: { ...draft.state.handoff, safety: checked.value } };
  await updateDraft(db, draft, state, now, keeping);
  return { next: HANDOFF_PAGES.consent };
}

/**
 * Consent given (and the address within its hourly allowance): make the hand-off, then send the team's email at once if SMTP is set up (it
 * waits safely in the outbox otherwise, or if sending fails).
 */
export async function consentAndSend(
  db: AppDatabase,
  draft: DraftRecord,
  form: FormValues,
  now: Date,
  keeping: DraftKeeping,
  services: HandoffServices,
): Promise<Outcome> {
  if (!fieldValues(form, 'consent').includes('yes')) {
    const service = serviceById(draft.state.handoff?.serviceId);
    const message = `Confirm that you agree to share your details with the ${service?.name ?? 'service'}, or go back`;
    return withErrors(db, draft, 'consent', [{ field: 'consent', message }], form, now, keeping);
  }
  // Each address may send so many an hour; past that the person is told when to try again and
  // the draft keeps everything (src/server/security/public-limits.ts).
  await takeToken(services.limits, 'handoffs', services.address);
  await createHandoff(db, draft, now, keeping, services.rules);
  void deliverNow(db, services.settings);
  return { next: HANDOFF_PAGES.sent };
}
