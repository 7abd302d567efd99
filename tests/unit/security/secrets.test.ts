// Sealing a value: AES-256-GCM under the current key, bound to its table, column and row; the
// keyed hashes behind exact search.
import { describe, expect, it } from 'vitest';
import type { DataKeyring } from '../../../src/config/data-keys.ts';
import { emailLookup, nameWordLookup, nameWordsLookup, phoneLookup } from '../../../src/server/security/secrets/lookups.ts';
import { openColumns, openText, sealColumns, sealText, SealedFieldError } from '../../../src/server/security/secrets/sealing.ts';

const ring: DataKeyring = {
  currentId: 'a',
  keys: new Map([
    ['a', Buffer.alloc(32, 1)],
    ['b', Buffer.alloc(32, 2)],
  ]),
  lookupKey: Buffer.from('x'.repeat(32)),
  development: false,
};
const place = { table: 'handoff', column: 'contact_name', rowId: 'row-1' };

describe('sealed fields', () => {
  it('reads back exactly what was sealed, any text at all, and never writes the same value twice alike', () => {
    for (const plain of ['', 'Zoë Morgan', '𝒵 😀 \u0000 "quoted"', 'x'.repeat(10_000)]) {
      const sealed = sealText(ring, place, plain);
      expect(sealed).not.toContain(plain || '\u0001');
      expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(openText(ring, 'a', place, sealed)).toBe(plain);
    }
    expect(sealText(ring, place, 'same')).not.toBe(sealText(ring, place, 'same'));
  });

  it('opens only in its own place, under its own key, unchanged', () => {
    const sealed = sealText(ring, place, 'Zoë Morgan');
    expect(() => openText(ring, 'a', { ...place, rowId: 'row-2' }, sealed)).toThrow(SealedFieldError);
    expect(() => openText(ring, 'a', { ...place, column: 'contact_email' }, sealed)).toThrow(
      'handoff.contact_email of row-1 does not open with key "a"',
    );
    expect(() => openText(ring, 'b', place, sealed)).toThrow('does not open with key "b"');
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[14]! ^= 1;
    expect(() => openText(ring, 'a', place, flipped.toString('base64url'))).toThrow(SealedFieldError);
    expect(() => openText(ring, 'a', place, 'short')).toThrow('handoff.contact_name of row-1 is not an encrypted value.');
    expect(() => openText(ring, 'gone', place, sealed)).toThrow('is encrypted under key "gone", which DATA_KEYS does not list.');
    // A row from before encryption (no key) is read as it is.
    expect(openText(ring, null, place, 'Plain Person')).toBe('Plain Person');
  });

  it('seals and opens whole rows, nulls staying null', () => {
    const sealed = sealColumns(ring, 'handoff', 'row-1', { contact_name: 'Sam', contact_email: null });
    expect(sealed).toMatchObject({ data_key_id: 'a', contact_email: null });
    expect(
      openColumns(ring, 'handoff', 'row-1', { ...sealed, other: 'left alone' }, ['contact_name', 'contact_email', 'safety_notes']),
    ).toEqual({
      contact_name: 'Sam',
      contact_email: null,
      data_key_id: 'a',
      other: 'left alone',
    });
  });

  it('makes keyed hashes that match however a phone, email or name is typed, and differ with the key', () => {
    expect(phoneLookup(ring, '+44 (0)7700 900457')).toBe(phoneLookup(ring, '07700 900457'));
    expect(phoneLookup(ring, '07700 900458')).not.toBe(phoneLookup(ring, '07700 900457'));
    expect(phoneLookup(ring, '+44 7700 900457')).toBe(phoneLookup(ring, '07700 900 457'));
    expect(phoneLookup(ring, '0044 7700 900457')).toBe(phoneLookup(ring, '07700900457'));
    expect(phoneLookup(ring, null)).toBeNull();
    expect(phoneLookup(ring, '  ')).toBeNull();
    expect(emailLookup(ring, ' Zoe@Mail.Example ')).toBe(emailLookup(ring, 'zoe@mail.example'));
    expect(emailLookup(ring, null)).toBeNull();
    expect(emailLookup({ ...ring, lookupKey: Buffer.from('y'.repeat(32)) }, 'zoe@mail.example')).not.toBe(
      emailLookup(ring, 'zoe@mail.example'),
    );
    const words = nameWordsLookup(ring, 'Zoë  Anne-Marie ZOE');
    expect(words.trim().split(' ')).toEqual(['zoe', 'anne', 'marie'].map((w) => nameWordLookup(ring, w)));
    expect(words).toMatch(/^ [0-9a-f]{32}( [0-9a-f]{32})* $/);
    expect(words).not.toMatch(/zoe|anne/i);
  });
});
