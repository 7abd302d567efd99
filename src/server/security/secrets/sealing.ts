// The one encryption the service uses (AES-256-GCM), for everything it keeps that could harm
// someone: a value is sealed under the keyring's current key before it is written, and opened with
// the key its row names (`data_key_id`) when read. The value is bound to its place (table, column
// and row id) as additional data, so a sealed value copied to another row or column does not open.
// A row whose `data_key_id` is null was written before encryption and is read as it is, until
// start-up or `npm run keys:rotate` seals it (./key-rotation.ts). The keyring is always passed in,
// from the request's or the job's context: nothing here reads the settings.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyring } from '../../../config/data-keys.ts';
import { secretKey } from './secret-key.ts';

/** Where a sealed value lives: it opens only there. */
export interface FieldPlace {
  table: string;
  column: string;
  rowId: string;
}

export class SealedFieldError extends Error {
  override name = 'SealedFieldError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function additionalData(place: FieldPlace, keyId: string): Buffer {
  return Buffer.from(`${place.table}.${place.column}:${place.rowId}:${keyId}`, 'utf8');
}

/** The value encrypted under the current key: base64url of IV, ciphertext and tag. */
export function sealText(ring: DataKeyring, place: FieldPlace, plain: string): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretKey(key), iv);
  cipher.setAAD(additionalData(place, ring.currentId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The value as written. `keyId` null means the row predates encryption and holds it plainly. */
export function openText(ring: DataKeyring, keyId: string | null, place: FieldPlace, stored: string): string {
  if (keyId === null) return stored;
  const key = ring.keys.get(keyId);
  const where = `${place.table}.${place.column} of ${place.rowId}`;
  if (!key)
    throw new SealedFieldError(
      `${where} is encrypted under key "${keyId}", which DATA_KEYS does not list. Add it back (after the current key) and run npm run keys:rotate.`,
    );
  const bytes = Buffer.from(stored, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedFieldError(`${where} is not an encrypted value.`);
  const decipher = createDecipheriv('aes-256-gcm', secretKey(key), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(additionalData(place, keyId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedFieldError(
      `${where} does not open with key "${keyId}": it was changed, moved, or sealed under another key with that id.`,
    );
  }
}

function sealOptional(ring: DataKeyring, place: FieldPlace, plain: string | null): string | null {
  return plain === null ? null : sealText(ring, place, plain);
}

// --- Whole rows ---------------------------------------------------------------------------

type Plain = Record<string, string | null>;

/** The columns sealed under the current key, with that key's id for the row's `data_key_id`. */
export function sealColumns<T extends Plain>(ring: DataKeyring, table: string, rowId: string, plain: T): T & { data_key_id: string } {
  const sealed: Plain = {};
  for (const [column, value] of Object.entries(plain)) sealed[column] = sealOptional(ring, { table, column, rowId }, value);
  return { ...(sealed as T), data_key_id: ring.currentId };
}

/** The row with each listed column it holds opened (a column the query did not select is left alone). */
export function openColumns<R extends { data_key_id: string | null }>(
  ring: DataKeyring,
  table: string,
  rowId: string,
  row: R,
  columns: readonly string[],
): R {
  const opened: Record<string, unknown> = { ...row };
  for (const column of columns) {
    const value = opened[column];
    if (typeof value === 'string') opened[column] = openText(ring, row.data_key_id, { table, column, rowId }, value);
  }
  return opened as R;
}
