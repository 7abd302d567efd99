// Turning the second factor on and off for one's own account.
import { minutesToWait } from '../../domain/text/plural.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { SecondFactorProblem, acceptedStep, openPendingTotpKey, openTotpKey, sealedTotpKey, WRONG_CODE_MESSAGE } from './second-factor.ts';
import { verifyPassword } from './password-hash.ts';
import type { SignInLimits } from './sign-in.ts';

/**
 * Saves the key the person has added to their app, once a code from the app proves it. The key
 * travels through the form sealed (src/server/staff/second-factor.ts), so it cannot be read or
 * changed on the way, and is kept sealed under the data keys.
 */
export async function enableSecondFactor(
  db: AppDatabase,
  actor: Actor,
  input: { sealedKey: string; code: string },
  ring: DataKeyring,
  now: Date,
): Promise<void> {
  let key: Uint8Array;
  try {
    key = openPendingTotpKey(ring, actor.id, input.sealedKey);
  } catch {
    throw new SecondFactorProblem('The set-up has expired. Start again.');
  }
  if (input.code.trim() === '') throw new SecondFactorProblem('Enter the 6-digit code from your authenticator app');
  const step = acceptedStep(key, input.code, now, null);
  if (step === null) throw new SecondFactorProblem('The code is not right. Check the key in your app and enter the code it shows now.');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ ...sealedTotpKey(ring, actor.id, key), totp_last_step: step, updated_at: now.toISOString() })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(trx, { staffId: actor.id, action: 'turned on second factor', entityType: 'staff_user', entityId: actor.id }, now);
  });
}

export interface TurnOffSecondFactorInput {
  password: string;
  code: string;
}

/**
 * Turning it off asks for the password and a current code, so someone at an unlocked screen, or
 * holding a stolen session, cannot quietly remove it. Tries are limited like sign-in codes; the
 * code is used up like one.
 */
export async function disableSecondFactor(
  db: AppDatabase,
  actor: Actor,
  input: TurnOffSecondFactorInput,
  limits: SignInLimits,
  keys: { ring: DataKeyring; secretKey: string },
  now: Date,
): Promise<void> {
  if (input.password === '') throw new SecondFactorProblem('Enter your password', 'off-password');
  if (input.code.trim() === '') throw new SecondFactorProblem('Enter the 6-digit code from your authenticator app', 'off-code');
  const limitKey = `code:${actor.id}`;
  if (!(await limits.account.consume(limitKey))) {
    const wait = minutesToWait(await limits.account.secondsUntilAllowed(limitKey));
    throw new SecondFactorProblem(`Too many tries. Wait ${wait} and try again.`, 'off-password');
  }
  const user = await db
    .selectFrom('staff_user')
    .select(['id', 'password_hash', 'totp_key', 'totp_last_step', 'data_key_id'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  if (!user?.totp_key) throw new SecondFactorProblem('The second factor is already off', 'off-password');
  if (!(await verifyPassword(user.password_hash, input.password).catch(() => false))) {
    await recordAudit(
      db,
      { staffId: actor.id, action: 'failed to turn off second factor (wrong password)', entityType: 'staff_user', entityId: actor.id },
      now,
    );
    throw new SecondFactorProblem('Your password is not right', 'off-password');
  }
  const step = acceptedStep(
    openTotpKey(keys.ring, { ...user, totp_key: user.totp_key }, keys.secretKey),
    input.code,
    now,
    user.totp_last_step,
  );
  if (step === null) throw new SecondFactorProblem(WRONG_CODE_MESSAGE, 'off-code');
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('staff_user')
      .set({ totp_key: null, totp_last_step: null, updated_at: now.toISOString() })
      .where('id', '=', actor.id)
      // The code is used once: not if another request took this step meanwhile.
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new SecondFactorProblem(WRONG_CODE_MESSAGE, 'off-code');
    await recordAudit(trx, { staffId: actor.id, action: 'turned off second factor', entityType: 'staff_user', entityId: actor.id }, now);
  });
  await limits.account.reset(limitKey);
}
