// Checks what a person gives us so we can contact them safely. Each rule gives a specific
// message against the field it is about, for the error summary and the inline error.
import type { FormError } from '../forms.ts';
import { isEmailAddress } from '../contact/email.ts';
import { ukPhoneNumber } from '../contact/phone.ts';
import { cleanField, ENGLISH_TEXT_PROBLEMS, type FieldTextRules, type TextProblemWords } from '../text/plain-text.ts';

/** What the checks say, in the page's language. */
export interface ContactCheckWords {
  nameLabel: string;
  nameRequired: string;
  emailLabel: string;
  phoneInvalid: string;
  emailInvalid: string;
  preferredRequired: string;
  phoneMissing: string;
  emailMissing: string;
  notesLabel: string;
  voicemailRequired: string;
  safeTimesRequired: string;
  languageRequired: string;
  textProblems: TextProblemWords;
  locale: string;
}

export const ENGLISH_CONTACT_WORDS: ContactCheckWords = {
  nameLabel: 'Your name',
  nameRequired: 'Enter your name, or what you would like us to call you',
  emailLabel: 'Email address',
  phoneInvalid: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
  emailInvalid: 'Enter an email address in the correct format, like name@example.com',
  preferredRequired: 'Select how you would like us to contact you',
  phoneMissing: 'Enter a phone number, or choose to be contacted by email',
  emailMissing: 'Enter an email address, or choose to be contacted by phone',
  notesLabel: 'Anything else',
  voicemailRequired: 'Select yes if it is safe for us to leave a voicemail',
  safeTimesRequired: 'Select at least one time when it is safe to call you',
  languageRequired: 'Select the language you would like us to use when we contact you',
  textProblems: ENGLISH_TEXT_PROBLEMS,
  locale: 'en-GB',
};

export interface ContactDetails {
  name: string;
  phone: string;
  email: string;
  preferred: 'phone' | 'email';
  /** The language they would like to be contacted in (a code from the council's list); absent on drafts from before it was asked. */
  language?: string;
  /** They will need an interpreter for that language (a box they tick). */
  interpreter?: boolean;
}

export interface SafeContact {
  voicemailOk: boolean;
  safeTimes: string[];
  notes: string;
}

/** When a person may say it is safe to call them, each as the clock times it covers on a weekday. */
export const SAFE_TIMES = [
  { value: 'morning', label: 'Morning (9am to 12pm)', from: '09:00', to: '12:00' },
  { value: 'afternoon', label: 'Afternoon (12pm to 5pm)', from: '12:00', to: '17:00' },
  { value: 'evening', label: 'Early evening (5pm to 7pm)', from: '17:00', to: '19:00' },
] as const;

/** The clock times of the safe times chosen (unknown values are left out). */
export function safeTimeWindows(safeTimes: readonly string[]): Array<{ from: string; to: string }> {
  return SAFE_TIMES.filter((t) => safeTimes.includes(t.value)).map(({ from, to }) => ({ from, to }));
}

/** "Morning (9am to 12pm), Early evening (5pm to 7pm)" */
export function safeTimeLabels(safeTimes: readonly string[]): string[] {
  return safeTimes.map((t) => SAFE_TIMES.find((s) => s.value === t)?.label ?? t);
}

type Form = Record<string, string | string[] | undefined>;
const text = (form: Form, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** A free-text field, cleaned (src/domain/text/plain-text.ts); a refusal goes into errors. */
function freeText(form: Form, name: string, rules: FieldTextRules, errors: FormError[]): string {
  return cleanField(text(form, name), rules, (message) => errors.push({ field: name, message }));
}

/** Errors in the order their fields are on the page, as the error summary lists them. */
function inPageOrder(errors: FormError[], fields: string[]): FormError[] {
  return [...errors].sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
}

export function checkContactDetails(
  form: Form,
  /** The language codes a person may choose from (content/languages/contact-languages.json). */
  languages: ReadonlySet<string>,
  words: ContactCheckWords = ENGLISH_CONTACT_WORDS,
): { ok: true; value: ContactDetails } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const inWords = { words: words.textProblems, locale: words.locale };
  const name = freeText(form, 'name', { label: words.nameLabel, maxLength: 100, required: words.nameRequired, ...inWords }, errors);
  const phoneText = text(form, 'phone');
  const email = freeText(form, 'email', { label: words.emailLabel, maxLength: 254, ...inWords }, errors);
  const preferred = text(form, 'preferred');
  const language = text(form, 'language');
  const interpreter = text(form, 'interpreter');

  const phone = phoneText === '' ? '' : ukPhoneNumber(phoneText);
  if (phone === null) errors.push({ field: 'phone', message: words.phoneInvalid });
  if (email !== '' && !errors.some((e) => e.field === 'email') && !isEmailAddress(email))
    errors.push({ field: 'email', message: words.emailInvalid });

  if (preferred !== 'phone' && preferred !== 'email') {
    errors.push({ field: 'preferred', message: words.preferredRequired });
  } else if (preferred === 'phone' && phoneText === '') {
    errors.push({ field: 'phone', message: words.phoneMissing });
  } else if (preferred === 'email' && email === '') {
    errors.push({ field: 'email', message: words.emailMissing });
  }

  if (!languages.has(language)) errors.push({ field: 'language', message: words.languageRequired });

  if (errors.length > 0) return { ok: false, errors: inPageOrder(errors, ['name', 'phone', 'email', 'preferred', 'language']) };
  const value: ContactDetails = {
    name,
    phone: phone ?? '',
    email,
    preferred: preferred as 'phone' | 'email',
    language,
    interpreter: interpreter === 'yes',
  };
  return { ok: true, value };
}

export function checkSafeContact(
  form: Form,
  preferred: 'phone' | 'email',
  words: ContactCheckWords = ENGLISH_CONTACT_WORDS,
): { ok: true; value: SafeContact } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const voicemail = text(form, 'voicemail');
  const rawTimes = form['safeTimes'];
  const safeTimes = (Array.isArray(rawTimes) ? rawTimes : rawTimes ? [rawTimes] : []).filter((t) => SAFE_TIMES.some((s) => s.value === t));
  const notes = freeText(
    form,
    'notes',
    { label: words.notesLabel, multiline: true, maxLength: 500, words: words.textProblems, locale: words.locale },
    errors,
  );

  if (preferred === 'phone' && voicemail !== 'yes' && voicemail !== 'no') {
    errors.push({ field: 'voicemail', message: words.voicemailRequired });
  }
  if (preferred === 'phone' && safeTimes.length === 0) {
    errors.push({ field: 'safeTimes', message: words.safeTimesRequired });
  }
  if (errors.length > 0) return { ok: false, errors: inPageOrder(errors, ['voicemail', 'safeTimes', 'notes']) };
  return { ok: true, value: { voicemailOk: voicemail === 'yes', safeTimes, notes } };
}
