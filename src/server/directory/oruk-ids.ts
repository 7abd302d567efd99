// Open Referral UK wants every id to be a UUID; the directory's records keep readable slugs (the
// public pages' addresses, and the questionnaire's pathways, use them). Each slug maps to one
// UUID for ever: a name-based UUID (version 5, RFC 9562) of the kind of record and its slug, in a
// namespace of our own. Nothing to store, the same on every instance and database.
import { createHash } from 'node:crypto';

/** This service's namespace for directory ids (itself a random UUID, fixed here for ever). */
const NAMESPACE = '8f0e4c1a-6b2d-4c59-9a37-2e5d1b7c4f90';

export type OrukKind =
  | 'organization'
  | 'service'
  | 'location'
  | 'address'
  | 'service_at_location'
  | 'schedule'
  | 'phone'
  | 'service_area'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The UUID of a record of this kind with this slug (for a record of two parts, their slugs joined by "/"). */
export function orukId(kind: OrukKind, slug: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`${kind}:${slug}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
