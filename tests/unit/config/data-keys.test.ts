// DATA_KEYS and LOOKUP_KEY: the first key encrypts, the rest only decrypt; every mistake in the
// setting is named with how to put it right; production never runs on the development keys.
import { describe, expect, it } from 'vitest';
import { parseDataKeys } from '../../../src/config/data-keys.ts';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const lookup = 'l'.repeat(32);

describe('DATA_KEYS', () => {
  it('puts the first key first: it encrypts, and the others are kept to decrypt older rows', () => {
    const ring = parseDataKeys(` 2027-01:${key(1)} , 2026-06:${key(2)}`, lookup, true);
    expect(ring.currentId).toBe('2027-01');
    expect([...ring.keys.keys()]).toEqual(['2027-01', '2026-06']);
    expect(ring.keys.get('2026-06')).toEqual(Buffer.alloc(32, 2));
    expect(ring.development).toBe(false);
    // base64url, as some key tools write it, is as good.
    expect(parseDataKeys(`k:${Buffer.alloc(32, 250).toString('base64url')}`, lookup, true).keys.get('k')).toEqual(Buffer.alloc(32, 250));
  });

  it('uses the development keys outside production only, and the same ones every run', () => {
    const a = parseDataKeys(undefined, undefined, false);
    const b = parseDataKeys('', '', false);
    expect(a).toMatchObject({ currentId: 'dev', development: true });
    expect(a.keys.get('dev')).toEqual(b.keys.get('dev'));
    expect(a.keys.get('dev')).toHaveLength(32);
    expect(() => parseDataKeys(undefined, undefined, true)).toThrow('DATA_KEYS and LOOKUP_KEY must be set in production');
  });

  it('names each mistake', () => {
    expect(() => parseDataKeys(undefined, lookup, false)).toThrow('DATA_KEYS must be set when LOOKUP_KEY is');
    expect(() => parseDataKeys(`k:${key(1)}`, undefined, false)).toThrow('LOOKUP_KEY must be at least 32 characters long');
    expect(() => parseDataKeys(`k:${key(1)}`, 'short', true)).toThrow('LOOKUP_KEY must be at least 32 characters long');
    expect(() => parseDataKeys(key(1), lookup, true)).toThrow('DATA_KEYS entry 1 must be "id:key"');
    expect(() => parseDataKeys(`a b:${key(1)}`, lookup, true)).toThrow('DATA_KEYS entry 1 must be "id:key"');
    expect(() => parseDataKeys(`k:${key(1)},j:${Buffer.alloc(16).toString('base64')}`, lookup, true)).toThrow(
      'DATA_KEYS entry 2 ("j"): the key must be exactly 32 bytes in base64',
    );
    expect(() => parseDataKeys(`k:${key(1)}!`, lookup, true)).toThrow('the key must be exactly 32 bytes in base64');
    expect(() => parseDataKeys(`k:${key(1)},k:${key(2)}`, lookup, true)).toThrow('DATA_KEYS entry 2: the key id "k" is listed twice.');
  });
});
