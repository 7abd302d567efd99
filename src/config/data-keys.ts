// The keys that encrypt what could harm someone if the database were read by the wrong person
// (answers, safety notes, contact details), and the key for the keyed hashes that let staff find a
// case by phone, email or name without the database holding them readable. Both come from
// settings, never from the database. See src/server/security/sealed-fields.ts for their use.
import { createHash } from 'node:crypto';

export interface DataKeyring {
  /** The id of the key new values are encrypted under: the first in DATA_KEYS. */
  currentId: string;
  /** Every key by id, the current one included: older ones decrypt rows not yet rotated. */
  keys: ReadonlyMap<string, Buffer>;
  /** For keyed hashes (HMAC-SHA256) of phone numbers, email addresses and name words. */
  lookupKey: Buffer;
  /** True when these are the development keys written in this file (never in production). */
  development: boolean;
}

export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Outside production, without DATA_KEYS: one key made from this fixed text, so demo data and test
 * servers survive a restart and several instances agree. Anyone can read this file, so these
 * keys protect nothing, and production refuses to start without its own.
 */
const DEVELOPMENT_KEY_ID = 'dev';
const developmentKey = (purpose: string) =>
  createHash('sha256').update(`housing-options development ${purpose}: never use in production`).digest();

/**
 * DATA_KEYS is a comma-separated list of `id:key` pairs, each key 32 random bytes in base64 (for
 * example `openssl rand -base64 32`). The first encrypts; the rest only decrypt, until
 * `npm run keys:rotate` has moved every row to the first and they can be removed.
 */
export function parseDataKeys(value: string | undefined, lookupValue: string | undefined, production: boolean): DataKeyring {
  const listed = value?.trim() ?? '';
  const lookup = lookupValue?.trim() ?? '';
  if (listed === '' && lookup === '') {
    if (production) throw new DataKeyError('DATA_KEYS and LOOKUP_KEY must be set in production (see "Encryption at rest" in the README).');
    return {
      currentId: DEVELOPMENT_KEY_ID,
      keys: new Map([[DEVELOPMENT_KEY_ID, developmentKey('data key')]]),
      // As LOOKUP_KEY would hold it: text.
      lookupKey: Buffer.from(developmentKey('lookup key').toString('base64'), 'utf8'),
      development: true,
    };
  }
  if (listed === '') throw new DataKeyError('DATA_KEYS must be set when LOOKUP_KEY is, like "2026-12:<32 bytes in base64>".');
  if (lookup.length < 32) throw new DataKeyError('LOOKUP_KEY must be at least 32 characters long (for example `openssl rand -base64 32`).');
  const keys = new Map<string, Buffer>();
  for (const [index, entry] of listed.split(',').entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    const place = `DATA_KEYS entry ${index + 1}`;
    if (separator < 0 || !KEY_ID.test(id)) {
      throw new DataKeyError(`${place} must be "id:key", the id 1 to 32 letters, digits, "-" or "_", like "2026-12:<32 bytes in base64>".`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
      throw new DataKeyError(
        `${place} ("${id}"): the key must be exactly 32 bytes in base64 (44 characters, from \`openssl rand -base64 32\`).`,
      );
    }
    if (keys.has(id)) throw new DataKeyError(`${place}: the key id "${id}" is listed twice.`);
    keys.set(id, key);
  }
  const currentId = keys.keys().next().value as string;
  return { currentId, keys, lookupKey: Buffer.from(lookup, 'utf8'), development: false };
}
