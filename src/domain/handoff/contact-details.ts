// Checks what a person gives us so we can contact them safely. Each rule gives a specific
// message against the field it is about, for the error summary and the inline error.
import type { FormError } from '../forms.ts';
import { isEmailAddress } from '../contact/email.ts';
import { ukPhoneNumber } from '../contact/phone.ts';
import { cleanField, type FieldTextRules } from '../text/plain-text.ts';

export interface ContactDetails {
  name: string;
  phone: string;
  email: string;
  preferred: 'phone' | 'email';
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

export function checkContactDetails(form: Form): { ok: true; value: ContactDetails } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const name = freeText(
    form,
    'name',
    { label: 'Your name', maxLength: 100, required: 'Enter your name, or what you would like us to call you' },
    errors,
  );
  const phoneText = text(form, 'phone');
  const email = freeText(form, 'email', { label: 'Email address', maxLength: 254 }, errors);
  const preferred = text(form, 'preferred');

  const phone = phoneText === '' ? '' : ukPhoneNumber(phoneText);
  if (phone === null) errors.push({ field: 'phone', message: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982' });
  if (email !== '' && !errors.some((e) => e.field === 'email') && !isEmailAddress(email))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });

  if (preferred !== 'phone' && preferred !== 'email') {
    errors.push({ field: 'preferred', message: 'Select how you would like us to contact you' });
  } else if (preferred === 'phone' && phoneText === '') {
    errors.push({ field: 'phone', message: 'Enter a phone number, or choose to be contacted by email' });
  } else if (preferred === 'email' && email === '') {
    errors.push({ field: 'email', message: 'Enter an email address, or choose to be contacted by phone' });
  }

  if (errors.length > 0) return { ok: false, errors: inPageOrder(errors, ['name', 'phone', 'email', 'preferred']) };
  return { ok: true, value: { name, phone: phone ?? '', email, preferred: preferred as 'phone' | 'email' } };
}

export function checkSafeContact(
  form: Form,
  preferred: 'phone' | 'email',
): { ok: true; value: SafeContact } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const voicemail = text(form, 'voicemail');
  const rawTimes = form['safeTimes'];
  const safeTimes = (Array.isArray(rawTimes) ? rawTimes : rawTimes ? [rawTimes] : []).filter((t) => SAFE_TIMES.some((s) => s.value === t));
  const notes = freeText(form, 'notes', { label: 'Anything else', multiline: true, maxLength: 500 }, errors);

  if (preferred === 'phone' && voicemail !== 'yes' && voicemail !== 'no') {
    errors.push({ field: 'voicemail', message: 'Select yes if it is safe for us to leave a voicemail' });
  }
  if (preferred === 'phone' && safeTimes.length === 0) {
    errors.push({ field: 'safeTimes', message: 'Select at least one time when it is safe to call you' });
  }
  if (errors.length > 0) return { ok: false, errors: inPageOrder(errors, ['voicemail', 'safeTimes', 'notes']) };
  return { ok: true, value: { voicemailOk: voicemail === 'yes', safeTimes, notes } };
}
