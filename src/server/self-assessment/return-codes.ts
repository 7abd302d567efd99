// Return codes for "save and come back": 12 characters in groups of four, like "K7QM-2XRD-9PWA".
import { CODE_ALPHABET, randomCode } from '../crypto.ts';

/** A new return code: 12 characters, about 59 bits. */
export function newReturnCode(): string {
  return randomCode(12).replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
}

/** What a person typed, made comparable: case, spaces and dashes do not matter. */
export function normaliseReturnCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 12 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return compact.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
}
