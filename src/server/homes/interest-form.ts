// Expressing interest in a home follows Post/Redirect/Get without a cookie (the public side keeps
// none for it). A form with mistakes redirects to itself carrying what was typed and the errors,
// sealed (AES-256-GCM under the data keys, bound to this advert and this use) in the address, for
// an hour; a form that worked redirects to its confirmation, carrying only the interest's id, sealed
// the same way. Each form has a random id: the interest it made keeps the id's hash, so going Back
// to a form that was sent shows the confirmation again, never the old errors (issue: "Back after
// sending interest shows the old error page"). Nothing readable is in the address or the history.
import { randomBytes } from 'node:crypto';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { FormError } from '../../domain/forms.ts';
import { sha256Hex } from '../crypto.ts';
import type { DbExecutor } from '../db/executor.ts';
import { openText, sealText } from '../security/sealed-fields.ts';
import type { InterestInput } from './interest.ts';

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

type Sealed = { kind: 'form'; formId: string; input: InterestInput; errors: FormError[]; until: number } | { kind: 'sent'; interestId: string; until: number };

const place = (advertId: string, kind: Sealed['kind']) => ({ table: 'advert_interest', column: `carried_${kind}`, rowId: advertId });

function seal(ring: DataKeyring, advertId: string, value: Sealed): string {
  // The key's id goes with the value, so a token made before a key rotation still opens.
  return `${ring.currentId}.${sealText(ring, place(advertId, value.kind), JSON.stringify(value))}`;
}

function open<K extends Sealed['kind']>(ring: DataKeyring, advertId: string, kind: K, token: string | null, now: Date): Extract<Sealed, { kind: K }> | null {
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

/** The address of the form again, carrying what was typed and the errors. */
export function formAgainUrl(ring: DataKeyring, advertId: string, carried: CarriedForm, now: Date): string {
  const token = seal(ring, advertId, { kind: 'form', ...carried, until: now.getTime() + LIFETIME_MS });
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
  const row = await db.selectFrom('advert_interest').select('id').where('form_id_hash', '=', sha256Hex(formId)).where('advert_id', '=', advertId).executeTakeFirst();
  return row?.id ?? null;
}

/** What the confirmation shows of an interest: its reference, and whether it was emailed. */
export async function confirmationOf(db: DbExecutor, advertId: string, interestId: string): Promise<{ reference: string; emailed: boolean } | null> {
  const row = await db.selectFrom('advert_interest').select(['reference', 'email']).where('id', '=', interestId).where('advert_id', '=', advertId).executeTakeFirst();
  return row ? { reference: row.reference, emailed: row.email !== null } : null;
}
