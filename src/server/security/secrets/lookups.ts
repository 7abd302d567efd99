// The keyed hashes the service keeps instead of readable values: HMAC-SHA256 under LOOKUP_KEY,
// one function per purpose, each normalising its value by the one rule the service has for it
// (src/domain/contact/). They let staff find a case by phone, email or a whole name word, keep
// one expression of interest per person per home, count requests per network address and record
// a searched-for name, all without the database holding any of them readable. A purpose prefixes
// every value, so the same text hashed for two purposes gives two unrelated values.
// (Weekly visitors are hashed under a weekly salt instead, which is deleted when the week ends:
// src/server/analytics/visitor-hash.ts.)
import { createHmac } from 'node:crypto';
import type { DataKeyring } from '../../../config/data-keys.ts';
import { nameWords } from '../../../domain/casework/case-search.ts';
import { normaliseEmail } from '../../../domain/contact/email.ts';
import { phoneDigits } from '../../../domain/contact/phone.ts';
import { secretKey } from './secret-key.ts';

type Purpose = 'phone' | 'email' | 'name-word' | 'interest-person' | 'rate-limit' | 'audit-search';

function keyedHash(ring: DataKeyring, purpose: Purpose, normalised: string): string {
  // 128 bits: plenty to tell apart every value a council holds, and shorter to index.
  return createHmac('sha256', secretKey(ring.lookupKey)).update(`${purpose}:${normalised}`).digest('hex').slice(0, 32);
}

export function phoneLookup(ring: DataKeyring, phone: string | null): string | null {
  const digits = phone === null ? '' : phoneDigits(phone);
  return digits === '' ? null : keyedHash(ring, 'phone', digits);
}

export function emailLookup(ring: DataKeyring, email: string | null): string | null {
  const normalised = email === null ? '' : normaliseEmail(email);
  return normalised === '' ? null : keyedHash(ring, 'email', normalised);
}

/** The name's words as keyed hashes, space-separated with a space at each end, for `like '% h %'`. */
export function nameWordsLookup(ring: DataKeyring, name: string): string {
  const hashes = nameWords(name).map((word) => keyedHash(ring, 'name-word', word));
  return hashes.length === 0 ? ' ' : ` ${hashes.join(' ')} `;
}

/** One search word's hash, as it appears in a `nameWordsLookup` column. */
export function nameWordLookup(ring: DataKeyring, word: string): string {
  return keyedHash(ring, 'name-word', word);
}

/** The keyed hashes a person's contact details are found by (a hand-off's columns). */
export function contactLookups(
  ring: DataKeyring,
  plain: { contact_name: string | null; contact_phone: string | null; contact_email: string | null },
) {
  return {
    contact_phone_hash: phoneLookup(ring, plain.contact_phone),
    contact_email_hash: emailLookup(ring, plain.contact_email),
    contact_name_words: nameWordsLookup(ring, plain.contact_name ?? ''),
  };
}

/** The person behind an expression of interest, by their email (or, without one, their phone): one interest per person per home. */
export function interestPersonLookup(ring: DataKeyring, contact: { email: string | null; phone: string | null }): string {
  const email = contact.email ? normaliseEmail(contact.email) : '';
  return keyedHash(ring, 'interest-person', email !== '' ? `email:${email}` : `phone:${phoneDigits(contact.phone ?? '')}`);
}

/** A rate limit's bucket: its name and whom it counts (a network address, an account), never kept readable. */
export function rateLimitLookup(ring: DataKeyring, bucket: string, key: string): string {
  return keyedHash(ring, 'rate-limit', `${bucket}:${key}`);
}

/** What someone typed in a list's search box, recorded in the audit trail without anyone reading it. */
export function auditSearchLookup(ring: DataKeyring, searched: string): string {
  return keyedHash(ring, 'audit-search', searched.trim().toLowerCase());
}
