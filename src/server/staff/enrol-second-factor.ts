// Turning the second factor on and off for one's own account.
import type { Actor } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { SecondFactorProblem, acceptedStep, decryptTotpKey } from './second-factor.ts';

/**
 * Saves the key the person has added to their app, once a code from the app proves it. The key
 * travels through the form encrypted (AES-GCM), so it cannot be read or changed on the way.
 */
export async function enableSecondFactor(
  db: AppDatabase,
  actor: Actor,
  input: { encryptedKey: string; code: string },
  secretKey: string,
  now: Date,
): Promise<void> {
  let key: Uint8Array;
  try {
    key = decryptTotpKey(input.encryptedKey, secretKey);
  } catch {
    throw new SecondFactorProblem('The set-up has expired. Start again.');
  }
  if (input.code.trim() === '') throw new SecondFactorProblem('Enter the 6-digit code from your authenticator app');
  const step = acceptedStep(key, input.code, now, null);
  if (step === null) throw new SecondFactorProblem('The code is not right. Check the key in your app and enter the code it shows now.');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ totp_key: input.encryptedKey, totp_last_step: step, updated_at: now.toISOString() })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(trx, { staffId: actor.id, action: 'turned on second factor', entityType: 'staff_user', entityId: actor.id }, now);
  });
}

export async function disableSecondFactor(db: AppDatabase, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ totp_key: null, totp_last_step: null, updated_at: now.toISOString() })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(trx, { staffId: actor.id, action: 'turned off second factor', entityType: 'staff_user', entityId: actor.id }, now);
  });
}
