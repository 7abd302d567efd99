// What a person typed in the queue's search box, read as the one thing it can be: a case
// reference, an email address, a phone number, or words of a name. Contact details are encrypted
// at rest, so each is matched exactly, through keyed hashes (src/server/security/sealed-fields.ts):
// a whole name word matches ("Morgan" finds "Zoë Morgan"); part of a word ("Morg") does not.

import { normaliseEmail } from '../contact/email.ts';
import { phoneDigits } from '../contact/phone.ts';

export type CaseSearch =
  | { kind: 'reference'; reference: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'name'; words: string[] }
  /** Something typed that can match no case, such as only punctuation. */
  | { kind: 'nothing' };

/** The words of a name, compared without case or accents: "Zoë O'Neill" is zoe, o, neill. */
export function nameWords(name: string): string[] {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''))];
}

/** The search `text` means; null when there is nothing to search for. */
export function readCaseSearch(text: string, parseReference: (text: string) => string | null): CaseSearch | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const reference = parseReference(trimmed);
  if (reference) return { kind: 'reference', reference };
  if (trimmed.includes('@')) return { kind: 'email', email: normaliseEmail(trimmed) };
  // Digits, spaces and the marks phone numbers are written with, and enough digits to be one.
  if (/^[0-9 +()-]+$/.test(trimmed) && phoneDigits(trimmed).length >= 6) return { kind: 'phone', digits: phoneDigits(trimmed) };
  const words = nameWords(trimmed);
  return words.length === 0 ? { kind: 'nothing' } : { kind: 'name', words };
}
