// Expressing interest in a home follows Post/Redirect/Get without a cookie (the public side keeps
// none for it). A form with mistakes redirects to itself carrying what was typed and the errors,
// sealed (AES-256-GCM under the data keys, bound to this advert and this use) in the address, for
// an hour; a form that worked redirects to its confirmation, carrying only the interest's id, sealed
// the same way. Each form has a random id: the interest it made keeps the id's hash, so going Back
// to a form that was sent shows the confirmation again, never the old errors (issue: "Back after
// sending interest shows the old error page"). Nothing readable is in the address or the history.
import { minutesToWait } from '../../domain/text/plural.ts';
import { randomBytes } from 'node:crypto';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { FormError } from '../../domain/forms.ts';
import { sha256Hex } from '../crypto.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { openText, sealText } from '../security/secrets/sealing.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';
import { field, type FormValues } from '../web/forms.ts';
import { INTEREST_LIMIT, InterestProblem, expressInterest, interestErrors, type InterestInput } from './interest.ts';

/** How long a carried form or confirmation stays readable. */
const LIFETIME_MS = 60 * 60 * 1000;

/** A new form's id: 128 random bits. */
export function newFormId(): string {
  return randomBytes(16).toString('base64url');
}

/** What a form with mistakes carries back to itself. */
export interface CarriedForm {
  formId: string;
  input: InterestInput;
  errors: FormError[];
}

type Sealed =
  | { kind: 'form'; formId: string; input: InterestInput; errors: FormError[]; until: number }
  | { kind: 'sent'; interestId: string; until: number };

const place = (advertId: string, kind: Sealed['kind']) => ({ table: 'advert_interest', column: `carried_${kind}`, rowId: advertId });

function seal(ring: DataKeyring, advertId: string, value: Sealed): string {
  // The key's id goes with the value, so a token made before a key rotation still opens.
  return `${ring.currentId}.${sealText(ring, place(advertId, value.kind), JSON.stringify(value))}`;
}

function open<K extends Sealed['kind']>(
  ring: DataKeyring,
  advertId: string,
  kind: K,
  token: string | null,
  now: Date,
): Extract<Sealed, { kind: K }> | null {
  if (!token || token.length > 4000) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  try {
    const value = JSON.parse(openText(ring, token.slice(0, dot), place(advertId, kind), token.slice(dot + 1))) as Sealed;
    return value.kind === kind && value.until > now.getTime() ? (value as Extract<Sealed, { kind: K }>) : null;
  } catch {
    // Altered, from another advert, expired key or not ours: as if there were none.
    return null;
  }
}

/**
 * The most of each field carried back (each form field's own limit is lower): so the address stays
 * short enough for any proxy, whatever is sent, and a person who typed too much sees what they typed.
 */
const CARRIED_LENGTH = 300;

/** The address of the form again, carrying what was typed and the errors. */
export function formAgainUrl(ring: DataKeyring, advertId: string, carried: CarriedForm, now: Date): string {
  const input = Object.fromEntries(
    Object.entries(carried.input).map(([name, value]) => [name, String(value).slice(0, CARRIED_LENGTH)]),
  ) as unknown as InterestInput;
  const token = seal(ring, advertId, { kind: 'form', ...carried, input, until: now.getTime() + LIFETIME_MS });
  return `/homes/${advertId}/interest?${new URLSearchParams({ form: token })}`;
}

/** The address of the confirmation of the interest made. */
export function sentUrl(ring: DataKeyring, advertId: string, interestId: string, now: Date): string {
  const token = seal(ring, advertId, { kind: 'sent', interestId, until: now.getTime() + LIFETIME_MS });
  return `/homes/${advertId}/interest?${new URLSearchParams({ sent: token })}`;
}

export function carriedForm(ring: DataKeyring, advertId: string, token: string | null, now: Date): CarriedForm | null {
  const value = open(ring, advertId, 'form', token, now);
  return value ? { formId: value.formId, input: value.input, errors: value.errors } : null;
}

export function carriedSent(ring: DataKeyring, advertId: string, token: string | null, now: Date): string | null {
  return open(ring, advertId, 'sent', token, now)?.interestId ?? null;
}

/** The interest a form made, if it was sent: Back to it shows the confirmation. */
export async function interestMadeBy(db: DbExecutor, advertId: string, formId: string): Promise<string | null> {
  const row = await db
    .selectFrom('advert_interest')
    .select('id')
    .where('form_id_hash', '=', sha256Hex(formId))
    .where('advert_id', '=', advertId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What the confirmation shows of an interest: its reference, and whether it was emailed. */
export async function confirmationOf(
  db: DbExecutor,
  advertId: string,
  interestId: string,
): Promise<{ reference: string; emailed: boolean } | null> {
  const row = await db
    .selectFrom('advert_interest')
    .select(['reference', 'email'])
    .where('id', '=', interestId)
    .where('advert_id', '=', advertId)
    .executeTakeFirst();
  return row ? { reference: row.reference, emailed: row.email !== null } : null;
}

/**
 * The interest form, answered: always a redirect. A form already sent goes to its confirmation; one
 * with mistakes (or over the hour's allowance from this address) back to itself, carrying what was
 * typed and the errors; one that worked to its confirmation.
 */
export async function answerInterestForm(
  context: { db: AppDatabase; now: Date; ring: DataKeyring },
  advertId: string,
  form: FormValues,
  address: string,
): Promise<string> {
  const { db, now, ring } = context;
  const formId = /^[\w-]{22}$/.test(field(form, 'form-id')) ? field(form, 'form-id') : newFormId();
  const input: InterestInput = {
    name: field(form, 'name'),
    phone: field(form, 'phone'),
    email: field(form, 'email'),
    preferred: field(form, 'preferred'),
    voicemail: field(form, 'voicemail'),
    safeTimes: field(form, 'safe-times'),
    householdSize: field(form, 'household-size'),
    stepFree: field(form, 'step-free'),
    reference: field(form, 'reference'),
    consent: field(form, 'consent'),
  };
  // Sent already (a second press, or the form sent again from the browser's history): its confirmation.
  const made = await interestMadeBy(db, advertId, formId);
  if (made) return sentUrl(ring, advertId, made, now);
  let errors = interestErrors(input);
  if (errors.length === 0) {
    const limits = new SharedBuckets(db, 'interest', INTEREST_LIMIT, ring);
    if (!(await limits.consume(address))) {
      const wait = minutesToWait(await limits.secondsUntilAllowed(address));
      errors = [
        {
          field: 'name',
          message: `Too many requests have come from here. Wait ${wait} and try again`,
        },
      ];
    } else {
      try {
        const { id } = await expressInterest(db, advertId, input, now, ring, formId);
        return sentUrl(ring, advertId, id, now);
      } catch (error) {
        if (!(error instanceof InterestProblem)) throw error;
        errors = [{ field: error.field ?? 'name', message: error.message }];
      }
    }
  }
  // The values and errors travel sealed; the consent box is asked again.
  return formAgainUrl(ring, advertId, { formId, input: { ...input, consent: '' }, errors }, now);
}
