import { describe, expect, it } from 'vitest';
import { TokenBuckets, bucketAt, secondsUntilToken } from '../../../src/domain/security/token-bucket.ts';
import {
  acceptedStep,
  codeAt,
  enrolmentDetails,
  newTotpKey,
  openPendingTotpKey,
  openTotpKey,
  sealPendingTotpKey,
  sealedTotpKey,
  timeStep,
} from '../../../src/server/staff/second-factor.ts';
import { describeDevice, safeNext } from '../../../src/server/staff/web.ts';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { sealColumns } from '../../../src/server/security/secrets/sealing.ts';
import { ring } from '../../support/keys.ts';

describe('rate limiting', () => {
  it('allows the bucket’s size, then refills one token per interval', async () => {
    let now = 0;
    const buckets = new TokenBuckets({ size: 3, refillSeconds: 60 }, () => now);
    const taken = [];
    for (let i = 0; i < 4; i += 1) taken.push(await buckets.consume('a'));
    expect(taken).toEqual([true, true, true, false]);
    expect(await buckets.consume('b')).toBe(true);
    expect(await buckets.secondsUntilAllowed('a')).toBe(60);
    now = 59_000;
    expect(await buckets.allows('a')).toBe(false);
    now = 60_000;
    expect(await buckets.consume('a')).toBe(true);
    expect(await buckets.consume('a')).toBe(false);
    await buckets.reset('a');
    expect(await buckets.allows('a')).toBe(true);
  });

  it('tops a bucket up to its size at most, and starts a full one afresh', () => {
    const options = { size: 3, refillSeconds: 60 };
    expect(bucketAt(undefined, options, 5_000)).toEqual({ tokens: 3, refilledAt: 5_000 });
    expect(bucketAt({ tokens: 0, refilledAt: 0 }, options, 150_000)).toEqual({ tokens: 2, refilledAt: 120_000 });
    expect(bucketAt({ tokens: 1, refilledAt: 0 }, options, 600_000)).toEqual({ tokens: 3, refilledAt: 600_000 });
    expect(secondsUntilToken({ tokens: 0, refilledAt: 120_000 }, options, 150_000)).toBe(30);
  });
});

describe('the second factor', () => {
  const key = newTotpKey();
  const now = new Date('2026-11-24T10:00:10Z');
  const step = timeStep(now);

  it('accepts the current code and the one before, once each', () => {
    expect(acceptedStep(key, codeAt(key, step), now, null)).toBe(step);
    expect(acceptedStep(key, codeAt(key, step - 1), now, null)).toBe(step - 1);
    expect(acceptedStep(key, codeAt(key, step), now, step)).toBeNull();
    expect(acceptedStep(key, codeAt(key, step - 1), now, step - 1)).toBeNull();
    expect(acceptedStep(key, codeAt(key, step - 2), now, null)).toBeNull();
    expect(acceptedStep(key, 'abc123', now, null)).toBeNull();
    expect(acceptedStep(key, ` ${codeAt(key, step).slice(0, 3)} ${codeAt(key, step).slice(3)} `, now, null)).toBe(step);
  });

  it('seals the key under the data keys, bound to its account; the set-up form carries it sealed the same way', () => {
    const sealed = sealedTotpKey(ring, 'user-1', key);
    expect(sealed.data_key_id).toBe(ring.currentId);
    expect(sealed.totp_key).not.toContain(Buffer.from(key).toString('base64url'));
    expect(openTotpKey(ring, { id: 'user-1', ...sealed }, 'unused')).toEqual(key);
    // Copied to another account, it does not open.
    expect(() => openTotpKey(ring, { id: 'user-2', ...sealed }, 'unused')).toThrow();
    const carried = sealPendingTotpKey(ring, 'user-1', key);
    expect(openPendingTotpKey(ring, 'user-1', carried)).toEqual(key);
    expect(() => openPendingTotpKey(ring, 'user-2', carried)).toThrow();
  });

  it('still opens a key stored before it was sealed under the data keys (encrypted with SECRET_KEY, then sealed as it stood at start-up)', () => {
    const secret = 'a-secret-key-that-is-long-enough-123';
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(`totp-key:${secret}`).digest(), iv);
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    const legacy = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
    // Start-up seals the old value as it stands (src/server/security/secrets/key-rotation.ts, rows: 'plain').
    const sealed = sealColumns(ring, 'staff_user', 'user-1', { totp_key: legacy });
    expect(openTotpKey(ring, { id: 'user-1', ...sealed }, secret)).toEqual(key);
    expect(() => openTotpKey(ring, { id: 'user-1', ...sealed }, 'another-secret-key-that-is-long-enough')).toThrow();
  });

  it('gives an app what it needs', () => {
    const details = enrolmentDetails(key, 'Housing Options online', 'a@b.example');
    expect(details.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(details.typedKey.replace(/ /g, '')).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('sign-in helpers', () => {
  it('send people only to back-office pages after signing in', () => {
    expect(safeNext('/staff/cases/1')).toBe('/staff/cases/1');
    expect(safeNext('https://evil.example/staff')).toBe('/staff');
    expect(safeNext('//evil.example')).toBe('/staff');
    expect(safeNext('/staff/sign-out')).toBe('/staff');
    expect(safeNext('/staffroom')).toBe('/staff');
    expect(safeNext(null)).toBe('/staff');
  });

  it('describe a browser without keeping the whole user agent', () => {
    expect(
      describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'),
    ).toBe('Chrome on Windows');
    expect(describeDevice(null)).toBe('A browser on an unknown system');
  });
});
