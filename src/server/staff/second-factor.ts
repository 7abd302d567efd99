// The optional second factor: a time-based code (TOTP, RFC 6238, 30 seconds, 6 digits) from an
// authenticator app. The key is sealed at rest under the data keys like every other secret
// (src/server/security/secrets/: bound to the account's row, covered by `npm run keys:rotate`),
// and each code works once: the last time-step accepted is kept and anything at or before it is
// refused. While it is being set up, the candidate key travels through the form sealed the same
// way, bound to the account.
import { createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openColumns, openText, sealColumns, sealText } from '../security/secrets/sealing.ts';
import { STAFF_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';
import { UserProblem } from '../web/problems.ts';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

/** The key as the account's columns store it: sealed, with the data key's id. */
export function sealedTotpKey(ring: DataKeyring, userId: string, key: Uint8Array): { totp_key: string; data_key_id: string } {
  return sealColumns(ring, 'staff_user', userId, { totp_key: Buffer.from(key).toString('base64url') });
}

/**
 * The key from the account's row. A key stored before it was sealed under the data keys (the
 * start-up sealed it as it stood: AES-GCM under a key derived from SECRET_KEY) opens with that.
 */
export function openTotpKey(
  ring: DataKeyring,
  row: { id: string; totp_key: string; data_key_id: string | null },
  secretKey: string,
): Uint8Array {
  const plain = openColumns(ring, 'staff_user', row.id, row, STAFF_SEALED_COLUMNS).totp_key;
  return plain.includes('.') ? openLegacyTotpKey(plain, secretKey) : new Uint8Array(Buffer.from(plain, 'base64url'));
}

function openLegacyTotpKey(stored: string, secretKey: string): Uint8Array {
  const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('The stored second-factor key is damaged');
  const decipher = createDecipheriv('aes-256-gcm', createHash('sha256').update(`totp-key:${secretKey}`).digest(), iv);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
}

const pendingPlace = (userId: string) => ({ table: 'staff_user', column: 'totp_key_pending', rowId: userId });

/** A candidate key for the set-up form to carry: sealed, bound to the account setting it up. */
export function sealPendingTotpKey(ring: DataKeyring, userId: string, key: Uint8Array): string {
  return `${ring.currentId}.${sealText(ring, pendingPlace(userId), Buffer.from(key).toString('base64url'))}`;
}

/** The candidate key the set-up form carried back; throws when it was changed or is not this account's. */
export function openPendingTotpKey(ring: DataKeyring, userId: string, carried: string): Uint8Array {
  const dot = carried.lastIndexOf('.');
  if (dot <= 0) throw new Error('The set-up form carried no key');
  return new Uint8Array(Buffer.from(openText(ring, carried.slice(0, dot), pendingPlace(userId), carried.slice(dot + 1)), 'base64url'));
}

/** The key the set-up form carried back, or a new one when it carried none, or one that does not open (changed, or another account's). */
export function pendingKeyOrNew(ring: DataKeyring, userId: string, carried: string | null): { key: Uint8Array; sealed: string } {
  if (carried) {
    try {
      return { key: openPendingTotpKey(ring, userId, carried), sealed: carried };
    } catch {
      // Not this account's key as it was sealed: start again with a new one.
    }
  }
  const key = newTotpKey();
  return { key, sealed: sealPendingTotpKey(ring, userId, key) };
}

/** What an authenticator app needs: a QR-able URI and the key typed by hand. */
export function enrolmentDetails(key: Uint8Array, issuer: string, accountName: string): { uri: string; typedKey: string } {
  return {
    uri: createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, DIGITS),
    typedKey: encodeBase32UpperCaseNoPadding(key)
      .replace(/(.{4})/g, '$1 ')
      .trim(),
  };
}

export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an app shows at a time-step (used by tests, and by nothing else). */
export function codeAt(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), DIGITS);
}

/**
 * The time-step a code belongs to, if it is right for now or the step before (a clock a little
 * behind) and later than the last step used; otherwise null.
 */
export function acceptedStep(key: Uint8Array, code: string, now: Date, lastStep: number | null): number | null {
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = timeStep(now);
  for (const step of [current, current - 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if (codeAt(key, step) === typed) return step;
  }
  return null;
}

export class SecondFactorProblem extends UserProblem {
  override name = 'SecondFactorProblem';
}

/** What a person is told when a code is wrong or already used (each code works once). */
export const WRONG_CODE_MESSAGE = 'The code is not right, or has been used. Enter the code your app shows now.';
