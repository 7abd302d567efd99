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
import { translator, selfAssessmentIn } from '../../config/languages.ts';
import { contactCheckWords } from './handoff-words.ts';
import { CONTACT_LANGUAGE_CODES } from '../../config/contact-languages.ts';

type Outcome = { next: string };

/** The fields each page's form has: only these are kept to show again after an error. */
const PAGE_FIELDS: Record<Exclude<HandoffPage, 'sent'>, string[]> = {
  service: ['service'],
  details: ['name', 'phone', 'email', 'preferred', 'language', 'interpreter'],
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
  { locale }: Pick<HandoffServices, 'locale'>,
): Promise<Outcome> {
  const service = serviceById(field(form, 'service'));
  if (!service) {
    const message = translator(locale)('handoff.serviceRequired');
    return withErrors(db, draft, 'service', [{ field: 'service', message }], form, now, keeping);
  }
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
  { locale }: Pick<HandoffServices, 'locale'>,
): Promise<Outcome> {
  // A form sent without a language (not from our page) is taken to mean the language it was sent in.
  const language = fieldValues(form, 'language').length > 0 ? field(form, 'language') : locale;
  const checked = checkContactDetails({ ...form, language }, CONTACT_LANGUAGE_CODES, contactCheckWords(locale));
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
  { locale }: Pick<HandoffServices, 'locale'>,
): Promise<Outcome> {
  const preferred = draft.state.handoff?.contact?.preferred ?? 'phone';
  const checked = checkSafeContact(form, preferred, contactCheckWords(locale));
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
    const id = draft.state.handoff?.serviceId;
    const service = selfAssessmentIn(services.locale).services.find((s) => s.id === id);
    const message = translator(services.locale)('handoff.consentRequired', { service: service?.name ?? '' });
    return withErrors(db, draft, 'consent', [{ field: 'consent', message }], form, now, keeping);
  }
  // Each address may send so many an hour; past that the person is told when to try again and
  // the draft keeps everything (src/server/security/public-limits.ts).
  await takeToken(services.limits, 'handoffs', services.address);
  await createHandoff(db, draft, now, keeping, services.rules, services.locale);
  void deliverNow(db, services.settings);
  return { next: HANDOFF_PAGES.sent };
}
