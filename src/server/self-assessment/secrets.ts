// Random values handed to people (session tokens, return codes, references) and their hashes.
// Only hashes of tokens and return codes are stored.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes (256 bits) for the self-assessment session cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

// Capital letters and digits that cannot be mistaken for each other (no I, L, O, 0, 1).
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomCode(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A return code for "save and come back": 12 characters, about 59 bits, like "K7QM-2XRD-9PWA". */
export function newReturnCode(): string {
  return randomCode(12).replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
}

/** What a person typed, made comparable: case, spaces and dashes do not matter. */
export function normaliseReturnCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 12 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return compact.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
}

/** A hand-off reference to quote on the phone, like "HO-7K3M-Q9PW". */
export function newReference(): string {
  return `HO-${randomCode(8).replace(/(.{4})(.{4})/, '$1-$2')}`;
}
