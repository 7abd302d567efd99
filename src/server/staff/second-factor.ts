// The optional second factor: a time-based code (TOTP, RFC 6238, 30 seconds, 6 digits) from an
// authenticator app. The key is stored encrypted with SECRET_KEY (AES-256-GCM), and each code
// works once: the last time-step accepted is kept and anything at or before it is refused.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { UserProblem } from '../web/problems.ts';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

function encryptionKey(secretKey: string): Buffer {
  return createHash('sha256').update(`totp-key:${secretKey}`).digest();
}

export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function encryptTotpKey(key: Uint8Array, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secretKey), iv);
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function decryptTotpKey(stored: string, secretKey: string): Uint8Array {
  const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('The stored second-factor key is damaged');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secretKey), iv);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
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
