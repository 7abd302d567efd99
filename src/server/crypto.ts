// Generic secrets: random tokens and codes handed to people, and the hashes we keep instead of
// them. Nothing here knows what a token is for (sessions, return codes, password links, references).
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes (256 bits), URL-safe: for session cookies and one-time links. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Capital letters and digits that cannot be mistaken for each other (no I, L, O, 0, 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `length` characters from CODE_ALPHABET, each chosen uniformly at random. */
export function randomCode(length: number): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
