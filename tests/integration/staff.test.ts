import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { editDirectoryService } from '../../src/server/directory/edit-service.ts';
import { getService } from '../../src/server/directory/services.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import {
  AccountExists,
  ResetLinkInvalid,
  createAccount,
  issuePasswordReset,
  passwordLinkBody,
  PASSWORD_LINK_MESSAGES,
  setAccountDisabled,
  setPasswordWithLink,
} from '../../src/server/staff/accounts.ts';
import { deliverOutbox, unsentMessages, type ComposeBody } from '../../src/server/notify/outbox.ts';
import { disableSecondFactor, enableSecondFactor } from '../../src/server/staff/enrol-second-factor.ts';
import { codeAt, newTotpKey, openTotpKey, sealPendingTotpKey, timeStep } from '../../src/server/staff/second-factor.ts';
import {
  createSession,
  deleteExpiredSessions,
  endOwnSession,
  endSession,
  endSessionOnExit,
  listOwnSessions,
  validateSessionToken,
} from '../../src/server/staff/sessions.ts';
import { defaultSignInLimits, sharedSignInLimits, signIn, verifySecondFactor } from '../../src/server/staff/sign-in.ts';
import { SharedBuckets } from '../../src/server/security/shared-buckets.ts';
import { rotateDataKeys, rowsToRotate } from '../../src/server/security/secrets/key-rotation.ts';
import { insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const lifetimes = { idleMinutes: 30, absoluteHours: 12 };
  const now = new Date('2026-11-24T09:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const secret = 'test-secret-key-at-least-32-characters';
  const keys = { ring, secretKey: secret };

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  describe('sessions', () => {
    it('store only a hash of the secret and find the person from the token', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const { token, session } = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'Chrome on Linux' }, now);
      const [id, secretPart] = token.split('.');
      expect(id).toBe(session.id);
      expect(Buffer.from(secretPart!, 'base64url')).toHaveLength(32); // 256 random bits
      const row = await t.db.selectFrom('staff_session').selectAll().executeTakeFirstOrThrow();
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(secretPart);
      expect((await validateSessionToken(t.db, token, minutes(1), lifetimes))?.actor).toMatchObject({
        id: adviser.id,
        role: 'adviser',
        teamId: 'housing-options',
      });
      expect(await validateSessionToken(t.db, `${id}.${'A'.repeat(43)}`, minutes(1), lifetimes)).toBeNull();
      expect(await validateSessionToken(t.db, 'nonsense', minutes(1), lifetimes)).toBeNull();
      expect(await validateSessionToken(t.db, undefined, minutes(1), lifetimes)).toBeNull();
    });

    it('end when "Exit this page" is pressed in the same browser, audited; a wrong token ends nothing', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const { token, session } = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'Chrome on Linux' }, now);
      const other = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'Firefox on Windows' }, now);
      expect(await endSessionOnExit(t.db, `${session.id}.${'A'.repeat(43)}`, minutes(1), lifetimes)).toBe(false);
      expect(await endSessionOnExit(t.db, token, minutes(1), lifetimes)).toBe(true);
      expect(await validateSessionToken(t.db, token, minutes(1), lifetimes)).toBeNull();
      // Only that browser's session: the person's other device stays signed in.
      expect(await validateSessionToken(t.db, other.token, minutes(1), lifetimes)).not.toBeNull();
      expect((await listAudit(t.db, admin, { entityId: session.id })).map((r) => [r.staffId, r.action])).toEqual([
        [adviser.id, 'signed out (Exit this page)'],
      ]);
    });

    it('end after the idle timeout, and after the absolute lifetime even when in use', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const { token } = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      expect(await validateSessionToken(t.db, token, minutes(29), lifetimes)).not.toBeNull();
      expect(await validateSessionToken(t.db, token, minutes(58), lifetimes)).not.toBeNull(); // 29 minutes after last use
      expect(await validateSessionToken(t.db, token, minutes(89), lifetimes)).toBeNull(); // 31 minutes idle
      expect(await t.db.selectFrom('staff_session').selectAll().execute()).toEqual([]); // and the row is gone

      const busy = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      for (let m = 20; m < 720; m += 20)
        expect(await validateSessionToken(t.db, busy.token, minutes(m), lifetimes), `minute ${m}`).not.toBeNull();
      expect(await validateSessionToken(t.db, busy.token, minutes(720), lifetimes)).toBeNull();
    });

    it('end on sign-out and when the account is disabled, and can be listed and ended by their owner only', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const other = await insertStaff(t.db, 'adviser', 'housing-options');
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const first = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'Firefox on Windows' }, now);
      const second = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'Safari on iOS' }, minutes(1));
      expect((await listOwnSessions(t.db, adviser.id)).map((s) => s.device)).toEqual(['Safari on iOS', 'Firefox on Windows']);
      expect(await endOwnSession(t.db, other.id, first.session.id)).toBe(false);
      expect(await endOwnSession(t.db, adviser.id, first.session.id)).toBe(true);
      expect(await validateSessionToken(t.db, first.token, minutes(2), lifetimes)).toBeNull();
      await endSession(t.db, second.session.id);
      expect(await validateSessionToken(t.db, second.token, minutes(2), lifetimes)).toBeNull();

      const third = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      await setAccountDisabled(t.db, admin, adviser.id, true, now);
      expect(await validateSessionToken(t.db, third.token, minutes(1), lifetimes)).toBeNull();
    });

    it('are cleared out once expired', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, minutes(40));
      expect(await deleteExpiredSessions(t.db, minutes(45), lifetimes)).toBe(1);
    });
  });

  describe('signing in', () => {
    const input = { email: 'Priya@Council.example', password: 'correct horse battery', address: '192.0.2.1', device: 'Chrome on Linux' };

    it('makes a new session each time (so a planted token is worthless) and audits it', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const first = await signIn(t.db, input, defaultSignInLimits(), now);
      const second = await signIn(t.db, input, defaultSignInLimits(), now);
      expect(first.kind === 'signed-in' && second.kind === 'signed-in' && first.token !== second.token).toBe(true);
      expect(await signIn(t.db, { ...input, password: 'wrong' }, defaultSignInLimits(), now)).toEqual({
        kind: 'wrong',
        message: 'Enter a correct email address and password',
      });
      expect(await signIn(t.db, { ...input, email: 'nobody@council.example' }, defaultSignInLimits(), now)).toMatchObject({
        kind: 'wrong',
      });
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const actions = (await listAudit(t.db, admin, { entityType: 'session' })).map((r) => [r.staffId, r.action]);
      expect(actions).toEqual([
        [adviser.id, 'signed in'],
        [adviser.id, 'signed in'],
      ]);
      expect((await listAudit(t.db, admin, { entityId: adviser.id })).map((r) => r.action)).toEqual(['failed sign-in']);
    });

    it('is limited per account from each address and per address, with a clear message, without locking the owner out', async () => {
      await insertStaff(t.db, 'adviser', 'housing-options', { email: 'priya@council.example', password: 'correct horse battery' });
      const limits = defaultSignInLimits();
      // Someone who knows Priya's email guesses from one address: five tries, then they wait.
      for (let i = 0; i < 5; i += 1)
        expect((await signIn(t.db, { ...input, password: `guess ${i}`, address: '198.51.100.66' }, limits, now)).kind).toBe('wrong');
      const limited = await signIn(t.db, { ...input, address: '198.51.100.66' }, limits, now);
      expect(limited).toEqual({
        kind: 'limited',
        message: expect.stringMatching(/^Too many attempts to sign in\. Wait 3 minutes and try again/),
      });
      // Priya, at her desk, is not locked out by them.
      expect((await signIn(t.db, input, limits, now)).kind).toBe('signed-in');

      // Only failures count against an address: a shared office signs many people in.
      const perAddress = defaultSignInLimits();
      for (let i = 0; i < 30; i += 1) expect((await signIn(t.db, input, perAddress, now)).kind).toBe('signed-in');
      for (let i = 0; i < 20; i += 1)
        expect((await signIn(t.db, { ...input, email: `someone${i}@council.example` }, perAddress, now)).kind).toBe('wrong');
      expect((await signIn(t.db, input, perAddress, now)).kind).toBe('limited');
    });

    it('keeps the limits in the database, shared by every instance, and never stores the address', async () => {
      await insertStaff(t.db, 'adviser', 'housing-options', { email: 'priya@council.example', password: 'correct horse battery' });
      const here = sharedSignInLimits(t.db, ring);
      const there = sharedSignInLimits(t.secondInstance(), ring);
      // Five wrong passwords from one address, alternating between two instances, use up that address's five tries at the account.
      const guesser = { ...input, address: '203.0.113.7' };
      for (let i = 0; i < 5; i += 1) {
        const limits = i % 2 === 0 ? here : there;
        expect((await signIn(t.db, { ...guesser, password: 'wrong' }, limits, now)).kind).toBe('wrong');
      }
      expect((await signIn(t.db, guesser, there, now)).kind).toBe('limited');
      expect((await signIn(t.db, guesser, here, now)).kind).toBe('limited');
      // Buckets for the account from that address, and for the address.
      const stored = await t.db.selectFrom('rate_limit').selectAll().execute();
      expect(stored.length).toBe(2);
      for (const row of stored) expect(`${row.key}`).not.toMatch(/203\.0\.113\.7|198\.51|192\.0|priya/);
    });

    it('gives exactly the bucket’s tokens to instances racing for them', async () => {
      const options = { size: 20, refillSeconds: 60 };
      const one = new SharedBuckets(t.db, 'race', options, ring, () => now.getTime());
      const two = new SharedBuckets(t.secondInstance(), 'race', options, ring, () => now.getTime());
      const taken = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? one : two).consume('198.51.100.1')));
      expect(taken.filter(Boolean)).toHaveLength(20);
      expect(await one.allows('198.51.100.1')).toBe(false);
      expect(await two.secondsUntilAllowed('198.51.100.1')).toBe(60);
    });

    it('gives a burst of wrong passwords at once, on two instances, no more tries than the bucket holds', async () => {
      await insertStaff(t.db, 'adviser', 'housing-options', { email: 'priya@council.example', password: 'correct horse battery' });
      const here = sharedSignInLimits(t.db, ring);
      const there = sharedSignInLimits(t.secondInstance(), ring);
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          signIn(t.db, { ...input, password: `wrong ${i}`, address: '203.0.113.9' }, i % 2 ? here : there, now),
        ),
      );
      expect(results.filter((r) => r.kind === 'wrong')).toHaveLength(5);
      expect(results.filter((r) => r.kind === 'limited')).toHaveLength(11);
    });

    it('gives a token back when asked, never above the bucket’s size', async () => {
      const options = { size: 2, refillSeconds: 600 };
      const shared = new SharedBuckets(t.db, 'refund', options, ring, () => now.getTime());
      await shared.refund('k'); // nothing taken yet: nothing to give back
      expect(await shared.consume('k')).toBe(true);
      expect(await shared.consume('k')).toBe(true);
      expect(await shared.consume('k')).toBe(false);
      await shared.refund('k');
      expect(await shared.consume('k')).toBe(true);
      await shared.refund('k');
      await shared.refund('k');
      await shared.refund('k');
      const row = await t.db.selectFrom('rate_limit').select('tokens').executeTakeFirstOrThrow();
      expect(row.tokens).toBe(2);
    });

    it('refuses disabled accounts', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      await t.db.updateTable('staff_user').set({ is_disabled: 1 }).where('id', '=', adviser.id).execute();
      expect((await signIn(t.db, input, defaultSignInLimits(), now)).kind).toBe('wrong');
    });

    it('asks for a code when the second factor is on, and takes each code once', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const key = newTotpKey();
      const step = timeStep(now);
      await enableSecondFactor(
        t.db,
        adviser,
        { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, step - 1) },
        ring,
        now,
      );
      const limits = defaultSignInLimits();
      const result = await signIn(t.db, input, limits, now);
      if (result.kind !== 'signed-in') throw new Error('expected to sign in');
      expect(result.needsSecondFactor).toBe(true);
      expect((await validateSessionToken(t.db, result.token, now, lifetimes))?.session.secondFactorDone).toBe(false);
      const verify = (code: string) =>
        verifySecondFactor(t.db, { userId: adviser.id, sessionId: result.session.id, code }, limits, keys, now);
      expect((await verify(codeAt(key, step - 1))).kind).toBe('wrong'); // used when turning it on
      const accepted = await verify(codeAt(key, step));
      if (accepted.kind !== 'accepted') throw new Error('expected the code to be accepted');
      // The token is renewed: the password-only one no longer works; the new one is complete and
      // keeps the sign-in time (renewing never lengthens the absolute lifetime).
      expect(accepted.token).not.toBe(result.token);
      expect(await validateSessionToken(t.db, result.token, now, lifetimes)).toBeNull();
      const renewed = await validateSessionToken(t.db, accepted.token, minutes(1), lifetimes);
      expect(renewed?.session).toMatchObject({ secondFactorDone: true, createdAt: result.session.createdAt, device: 'Chrome on Linux' });
      expect(await listOwnSessions(t.db, adviser.id)).toHaveLength(1);
      expect((await verify(codeAt(key, step))).kind).toBe('wrong'); // the same code again
    });

    it('keeps the second-factor key sealed under the data keys, still opens one sealed the old way, and rotates it with the rest', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const key = newTotpKey();
      await enableSecondFactor(
        t.db,
        adviser,
        { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, timeStep(now)) },
        ring,
        now,
      );
      const row = await t.db
        .selectFrom('staff_user')
        .select(['id', 'totp_key', 'data_key_id'])
        .where('id', '=', adviser.id)
        .executeTakeFirstOrThrow();
      expect(row.data_key_id).toBe(ring.currentId);
      expect(row.totp_key).not.toContain(Buffer.from(key).toString('base64url'));
      expect(openTotpKey(ring, { ...row, totp_key: row.totp_key! }, secret)).toEqual(key);
      // A form's sealed key belongs to the account that started setting it up.
      const other = await insertStaff(t.db, 'adviser', 'housing-options');
      await expect(
        enableSecondFactor(
          t.db,
          other,
          { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, timeStep(now)) },
          ring,
          now,
        ),
      ).rejects.toThrow('The set-up has expired');

      // As it was stored before: AES-GCM under a key made from SECRET_KEY, no data key.
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(`totp-key:${secret}`).digest(), iv);
      const body = Buffer.concat([cipher.update(key), cipher.final()]);
      const legacy = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
      await t.db.updateTable('staff_user').set({ totp_key: legacy, data_key_id: null }).where('id', '=', adviser.id).execute();
      expect(await rowsToRotate(t.db, ring)).toMatchObject({ staff_user: 1 }); // the other account holds nothing to seal
      const signedIn = await signIn(t.db, input, defaultSignInLimits(), now);
      if (signedIn.kind !== 'signed-in') throw new Error('expected to sign in');
      const code = codeAt(key, timeStep(now) + 1);
      const later = new Date(now.getTime() + 30_000);
      expect(
        (await verifySecondFactor(t.db, { userId: adviser.id, sessionId: signedIn.session.id, code }, defaultSignInLimits(), keys, later))
          .kind,
      ).toBe('accepted');
      // Start-up seals it under the data key; it opens as before.
      expect((await rotateDataKeys(t.db, ring, { rows: 'plain' })).staff_user).toBe(1);
      const sealed = await t.db
        .selectFrom('staff_user')
        .select(['id', 'totp_key', 'data_key_id'])
        .where('id', '=', adviser.id)
        .executeTakeFirstOrThrow();
      expect(sealed.data_key_id).toBe(ring.currentId);
      expect(sealed.totp_key).not.toBe(legacy);
      expect(openTotpKey(ring, { ...sealed, totp_key: sealed.totp_key! }, secret)).toEqual(key);
    });

    it('ends the session already in the browser when someone signs in, whoever it belonged to', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const officer = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'sam@council.example',
        password: 'another long password',
      });
      const earlier = await signIn(
        t.db,
        { ...input, email: 'sam@council.example', password: 'another long password' },
        defaultSignInLimits(),
        now,
      );
      if (earlier.kind !== 'signed-in') throw new Error('expected to sign in');
      // A failed try leaves the browser's session alone.
      await signIn(t.db, { ...input, password: 'wrong', replacingSessionId: earlier.session.id }, defaultSignInLimits(), now);
      expect(await validateSessionToken(t.db, earlier.token, now, lifetimes)).not.toBeNull();
      const later = await signIn(t.db, { ...input, replacingSessionId: earlier.session.id }, defaultSignInLimits(), now);
      if (later.kind !== 'signed-in') throw new Error('expected to sign in');
      expect(await validateSessionToken(t.db, earlier.token, now, lifetimes)).toBeNull();
      expect(await listOwnSessions(t.db, officer.id)).toEqual([]);
      expect((await validateSessionToken(t.db, later.token, now, lifetimes))?.actor.id).toBe(adviser.id);
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const audit = await listAudit(t.db, admin, { entityId: later.session.id });
      expect(audit.map((r) => [r.action, r.detail])).toEqual([['signed in', { endedSession: earlier.session.id }]]);
    });

    it('turns the second factor off only with the password and a current code, each code once', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const key = newTotpKey();
      const step = timeStep(now);
      await enableSecondFactor(
        t.db,
        adviser,
        { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, step - 1) },
        ring,
        now,
      );
      const limits = defaultSignInLimits();
      const off = (password: string, code: string) => disableSecondFactor(t.db, adviser, { password, code }, limits, keys, now);
      const stillOn = async () =>
        (await t.db.selectFrom('staff_user').select('totp_key').where('id', '=', adviser.id).executeTakeFirstOrThrow()).totp_key !== null;
      await expect(off('', codeAt(key, step))).rejects.toMatchObject({ message: 'Enter your password', field: 'off-password' });
      await expect(off('correct horse battery', '')).rejects.toMatchObject({ field: 'off-code' });
      await expect(off('wrong password', codeAt(key, step))).rejects.toMatchObject({ message: 'Your password is not right' });
      await expect(off('correct horse battery', codeAt(key, step - 1))).rejects.toMatchObject({ field: 'off-code' }); // already used
      await expect(off('correct horse battery', '000000')).rejects.toMatchObject({ field: 'off-code' });
      expect(await stillOn()).toBe(true);
      await off('correct horse battery', codeAt(key, step));
      expect(await stillOn()).toBe(false);
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      expect((await listAudit(t.db, admin, { entityId: adviser.id })).map((r) => r.action)).toEqual([
        'turned off second factor',
        'failed to turn off second factor (wrong password)',
        'turned on second factor',
      ]);
    });

    it('limits tries at turning the second factor off', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const key = newTotpKey();
      await enableSecondFactor(
        t.db,
        adviser,
        { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, timeStep(now)) },
        ring,
        now,
      );
      const limits = defaultSignInLimits();
      for (let i = 0; i < 5; i += 1)
        await expect(
          disableSecondFactor(t.db, adviser, { password: `wrong ${i}`, code: '123456' }, limits, keys, now),
        ).rejects.toMatchObject({ message: 'Your password is not right' });
      await expect(
        disableSecondFactor(t.db, adviser, { password: 'correct horse battery', code: '123456' }, limits, keys, now),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/^Too many tries\. Wait 3 minutes/),
      });
    });

    it('takes one code once even when two instances check it at the same moment', async () => {
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', {
        email: 'priya@council.example',
        password: 'correct horse battery',
      });
      const key = newTotpKey();
      const step = timeStep(now);
      await enableSecondFactor(
        t.db,
        adviser,
        { sealedKey: sealPendingTotpKey(ring, adviser.id, key), code: codeAt(key, step - 1) },
        ring,
        now,
      );
      const first = await signIn(t.db, input, defaultSignInLimits(), now);
      const second = await signIn(t.db, input, defaultSignInLimits(), now);
      if (first.kind !== 'signed-in' || second.kind !== 'signed-in') throw new Error('expected to sign in');
      const other = t.secondInstance();
      const code = codeAt(key, step);
      const results = await Promise.all([
        verifySecondFactor(t.db, { userId: adviser.id, sessionId: first.session.id, code }, defaultSignInLimits(), keys, now),
        verifySecondFactor(other, { userId: adviser.id, sessionId: second.session.id, code }, defaultSignInLimits(), keys, now),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['accepted', 'wrong']);
    });
  });

  /** Sends the outbox as the server does, capturing what would be emailed. */
  async function sendOutbox(at: Date): Promise<Array<{ to: string; text: string }>> {
    const sent: Array<{ to: string; text: string }> = [];
    const compose: Record<string, ComposeBody> = Object.fromEntries(
      Object.keys(PASSWORD_LINK_MESSAGES).map((type) => [
        type,
        (m: Parameters<ComposeBody>[0]) =>
          passwordLinkBody(
            t.db,
            { ...m, relatedType: type as keyof typeof PASSWORD_LINK_MESSAGES },
            new URL('https://housing.example'),
            at,
          ),
      ]),
    );
    await deliverOutbox(t.db, ring, async (m) => sent.push({ to: m.to, text: m.text }), 'no-reply@x.example', { now: () => at, compose });
    return sent;
  }

  const linkToken = (text: string) => /\/staff\/set-password\/([\w-]+)/.exec(text)?.[1] ?? '';

  describe('accounts', () => {
    it('are created with no usable password; only the owner is emailed a one-time link, made as it is sent', async () => {
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const input = {
        email: 'New.Adviser@Council.example',
        displayName: 'New Adviser',
        role: 'adviser' as const,
        teamId: 'housing-options',
      };
      await expect(createAccount(t.db, adviser, input, now, ring)).rejects.toBeInstanceOf(NotAllowed);
      await expect(createAccount(t.db, admin, { ...input, displayName: 'Priya\nShah' }, now, ring)).rejects.toThrow(
        'The name must be on one line',
      );
      const created = await createAccount(t.db, admin, input, now, ring);
      const { account } = created;
      // The administrator gets no link, and none is stored in clear: the outbox holds a placeholder.
      expect(created.resetToken).toBeNull();
      await expect(createAccount(t.db, admin, input, now, ring, { linkTo: 'command-line' })).rejects.toBeInstanceOf(NotAllowed);
      // The address waits sealed; opened, it is the new person's.
      const sealedRows = await t.db.selectFrom('outbox_message').selectAll().execute();
      expect(sealedRows.map((m) => [m.to_address, m.data_key_id])).toEqual([[expect.not.stringContaining('@'), ring.currentId]]);
      const queued = await unsentMessages(t.db, ring);
      expect(queued.map((m) => m.to_address)).toEqual(['new.adviser@council.example']);
      expect(queued[0]!.body_text).not.toMatch(/set-password\//);
      expect(await t.db.selectFrom('password_reset').selectAll().execute()).toEqual([]);
      expect(account).toMatchObject({ email: 'new.adviser@council.example', role: 'adviser', disabled: false });
      await expect(createAccount(t.db, admin, input, now, ring)).rejects.toBeInstanceOf(AccountExists);
      await expect(createAccount(t.db, 'command-line', { ...input, email: 'not-an-email' }, now, ring)).rejects.toThrow('correct format');

      const [mail] = await sendOutbox(now);
      expect(mail!.to).toBe('new.adviser@council.example');
      const resetToken = linkToken(mail!.text);
      expect(resetToken).not.toBe('');
      const stored = await t.db.selectFrom('password_reset').selectAll().execute();
      expect(stored.map((r) => r.token_hash)).not.toContain(resetToken);
      await expect(setPasswordWithLink(t.db, resetToken, 'short', now)).rejects.toThrow('at least 12 characters');
      await expect(setPasswordWithLink(t.db, resetToken, 'new.adviser is my password', now)).rejects.toThrow('must not contain your email');
      await setPasswordWithLink(t.db, resetToken, 'four random garden words', now);
      await expect(setPasswordWithLink(t.db, resetToken, 'four random garden words', now)).rejects.toBeInstanceOf(ResetLinkInvalid);
      const signedIn = await signIn(
        t.db,
        { email: account.email, password: 'four random garden words', address: 'a', device: 'd' },
        defaultSignInLimits(),
        now,
      );
      expect(signedIn.kind).toBe('signed-in');
    });

    it("the command line alone may take a new account's link to hand over", async () => {
      const input = { email: 'cli@council.example', displayName: 'Cli Person', role: 'adviser' as const, teamId: 'housing-options' };
      const { resetToken } = await createAccount(t.db, 'command-line', input, now, ring, { linkTo: 'command-line' });
      expect(resetToken).toMatch(/^[\w-]{40,}$/);
      expect(await t.db.selectFrom('outbox_message').selectAll().execute()).toEqual([]);
      await setPasswordWithLink(t.db, resetToken!, 'four random garden words', now);
    });

    it('get reset links emailed to the owner only, that replace older ones, last an hour, and end every session', async () => {
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', { email: 'priya@council.example' });
      const session = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      expect(await issuePasswordReset(t.db, admin, adviser.id, now, ring)).not.toHaveProperty('token');
      const [first] = await sendOutbox(now);
      const old = linkToken(first!.text);
      await issuePasswordReset(t.db, admin, adviser.id, now, ring);
      const [second] = await sendOutbox(now);
      expect(second!.to).toBe('priya@council.example');
      const fresh = linkToken(second!.text);
      // The link exists only in the email as it is sent: not in the outbox, the audit trail or any
      // other table an administrator's pages read.
      for (const table of ['outbox_message', 'audit_event', 'password_reset', 'staff_user'] as const)
        expect(JSON.stringify(await t.db.selectFrom(table).selectAll().execute())).not.toContain(fresh);
      await expect(setPasswordWithLink(t.db, old, 'four random garden words', now)).rejects.toThrow('expired or has already been used');
      await expect(setPasswordWithLink(t.db, fresh, 'four random garden words', minutes(61))).rejects.toBeInstanceOf(ResetLinkInvalid);
      const audit = await listAudit(t.db, admin, { entityId: adviser.id });
      expect(audit.map((a) => a.action)).toContain('sent password link');
      await setPasswordWithLink(t.db, fresh, 'four random garden words', minutes(5));
      expect(await validateSessionToken(t.db, session.token, minutes(6), lifetimes)).toBeNull();
    });

    it('a disabled account loses its sessions and any link, and gets no new one', async () => {
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options', { email: 'sam@council.example' });
      const session = await createSession(t.db, adviser.id, { secondFactorDone: true, device: 'x' }, now);
      await issuePasswordReset(t.db, admin, adviser.id, now, ring);
      const [mail] = await sendOutbox(now);
      await setAccountDisabled(t.db, admin, adviser.id, true, now);
      expect(await validateSessionToken(t.db, session.token, now, lifetimes)).toBeNull();
      await expect(setPasswordWithLink(t.db, linkToken(mail!.text), 'four random garden words', now)).rejects.toBeInstanceOf(
        ResetLinkInvalid,
      );
      await expect(issuePasswordReset(t.db, admin, adviser.id, now, ring)).rejects.toThrow('disabled');
    });
  });

  describe('directory editing by staff', () => {
    it('checks the input, records who changed what, and moves a checked entry off the stale list', async () => {
      await seedDirectory(t.db, demoDirectory, taxonomy, now);
      const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
      const admin = await insertStaff(t.db, 'administrator', 'service-management');
      const service = (await getService(t.db, 'private-sector-housing'))!;
      const input = {
        name: service.name,
        description: service.description,
        eligibility: service.eligibility,
        phone: '01632 960 181',
        email: '',
        url: 'http://insecure.example',
        referralHow: service.referral.how,
        status: 'active' as const,
        checked: 'yes' as const,
      };
      await expect(editDirectoryService(t.db, adviser, service.id, input, now)).rejects.toThrow('https://');
      await expect(
        editDirectoryService(t.db, adviser, service.id, { ...input, url: '', eligibility: 'Tenants\u2066 only' }, now),
      ).rejects.toThrow('Who it is for must not include characters that change the direction of the text');
      await expect(editDirectoryService(t.db, adviser, service.id, { ...input, url: '', phone: '0'.repeat(20) }, now)).rejects.toThrow(
        'Enter a UK phone number, like 01632 960 100',
      );
      await editDirectoryService(t.db, adviser, service.id, { ...input, url: '' }, now);
      expect(await getService(t.db, service.id)).toMatchObject({
        phone: '01632 960 181',
        email: null,
        url: null,
        lastChecked: '2026-11-24',
      });
      expect((await listAudit(t.db, admin, { entityId: service.id })).map((r) => [r.staffId, r.action])).toEqual([
        [adviser.id, 'edited and checked'],
      ]);
    });
  });
});
