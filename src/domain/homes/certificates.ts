// The certificates a let home must have in date, and what makes a renewal believable before an
// officer looks at the document itself. Each kind lasts at most a set time in England, so a new
// expiry date further off than that is a typing mistake (or not the certificate it claims to be):
//   - gas safety: checked every 12 months (Gas Safety (Installation and Use) Regulations 1998, reg. 36);
//   - electrical (EICR): every 5 years (Electrical Safety Standards in the Private Rented Sector
//     (England) Regulations 2020, reg. 3);
//   - energy (EPC): valid for 10 years (Energy Performance of Buildings (England and Wales)
//     Regulations 2012, reg. 9).
// A month's grace on each allows for a certificate dated a little ahead of the last one's end.
import type { FormError } from '../forms.ts';
import { parseDateInput } from '../time/date-input.ts';
import { addMonths, longDate } from '../time/working-days.ts';
import { EPC_RATINGS, type EpcRating } from './advert-standing.ts';

export const CERTIFICATE_KINDS = ['gas', 'electrical', 'energy'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_NAMES: Record<CertificateKind, string> = {
  gas: 'Gas safety certificate',
  electrical: 'Electrical safety report (EICR)',
  energy: 'Energy performance certificate (EPC)',
};

/** The longest a certificate of each kind lasts, in months (see the file's opening comment). */
export const LONGEST_MONTHS: Record<CertificateKind, number> = { gas: 12, electrical: 60, energy: 120 };
const GRACE_MONTHS = 1;

export interface CertificateForm {
  kind: string;
  'expires-day': string;
  'expires-month': string;
  'expires-year': string;
  'epc-rating': string;
}

export interface CheckedCertificate {
  kind: CertificateKind;
  expiresOn: string;
  epcRating: EpcRating | null;
}

/**
 * What was typed about a certificate, checked: a kind the home has, an expiry date after today and
 * no further off than such a certificate lasts, and the rating of an energy certificate. Errors
 * in the order of the form's fields.
 */
export function checkCertificateForm(
  form: CertificateForm,
  home: { hasGas: boolean },
  today: string,
): { ok: true; value: CheckedCertificate } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const kind = (CERTIFICATE_KINDS as readonly string[]).includes(form.kind) ? (form.kind as CertificateKind) : null;
  if (!kind) errors.push({ field: 'kind', message: 'Choose which certificate you are sending' });
  else if (kind === 'gas' && !home.hasGas)
    errors.push({ field: 'kind', message: 'This home has no gas, so it needs no gas safety certificate' });

  const date = parseDateInput(form['expires-day'], form['expires-month'], form['expires-year']);
  let expiresOn = '';
  if (!date.ok) errors.push({ field: 'expires', message: `The expiry date ${date.problem}` });
  else if (date.date <= today)
    errors.push({
      field: 'expires',
      message: 'The expiry date must be in the future: a certificate that has run out cannot put the home back on the listing',
    });
  else if (kind) {
    const latest = addMonths(today, LONGEST_MONTHS[kind] + GRACE_MONTHS);
    if (date.date > latest) {
      const years = LONGEST_MONTHS[kind] / 12;
      errors.push({
        field: 'expires',
        message: `A ${CERTIFICATE_NAMES[kind].toLowerCase()} lasts at most ${years === 1 ? '12 months' : `${years} years`}: check the expiry date (it must be ${longDate(latest)} or sooner)`,
      });
    } else expiresOn = date.date;
  } else expiresOn = date.date;

  const rating = (EPC_RATINGS as readonly string[]).includes(form['epc-rating']) ? (form['epc-rating'] as EpcRating) : null;
  if (kind === 'energy' && !rating) errors.push({ field: 'epc-rating', message: 'Choose the energy rating on the certificate, A to G' });

  if (errors.length > 0 || !kind) return { ok: false, errors };
  return { ok: true, value: { kind, expiresOn, epcRating: kind === 'energy' ? rating : null } };
}
