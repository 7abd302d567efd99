// Signing in: email and password, then (for those who set one up) a code from their app.
// Attempts are limited per account and per network address, in the database so every instance
// shares the limits (src/server/security/shared-buckets.ts).
import { minutesToWait } from '../../domain/text/plural.ts';
import { TokenBuckets, type BucketOptions, type RateLimiter } from '../../domain/security/token-bucket.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { DbExecutor } from '../db/executor.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { acceptedStep, openTotpKey, WRONG_CODE_MESSAGE } from './second-factor.ts';
import { createSession, endSession, renewAfterSecondFactor, type StaffSession } from './sessions.ts';

export interface SignInLimits {
  /**
   * Failed attempts at one account from one address (and second-factor codes per person). Keyed by
   * both, so someone guessing a known email address slows only their own tries: the account's
   * owner, elsewhere, can still sign in. The address limit below caps guesses at many accounts.
   */
  account: RateLimiter;
  /** Failed attempts per network address (kept as a keyed hash, never the address). */
  address: RateLimiter;
}

/** 5 failed tries at an account from one address, one more every 3 minutes; 20 failures per address, one more every 30 seconds. */
export const SIGN_IN_LIMITS: { account: BucketOptions; address: BucketOptions } = {
  account: { size: 5, refillSeconds: 180 },
  address: { size: 20, refillSeconds: 30 },
};

/** The limits held in this process's memory only (for tests). */
export function defaultSignInLimits(): SignInLimits {
  return { account: new TokenBuckets(SIGN_IN_LIMITS.account), address: new TokenBuckets(SIGN_IN_LIMITS.address) };
}

/** The limits every instance shares, in the database. */
export function sharedSignInLimits(db: DbExecutor, ring: DataKeyring, clock: () => number = Date.now): SignInLimits {
  return {
    account: new SharedBuckets(db, 'sign-in-account', SIGN_IN_LIMITS.account, ring, clock),
    address: new SharedBuckets(db, 'sign-in-address', SIGN_IN_LIMITS.address, ring, clock),
  };
}

export type SignInResult =
  | { kind: 'signed-in'; token: string; session: StaffSession; needsSecondFactor: boolean }
  | { kind: 'wrong'; message: string }
  | { kind: 'limited'; message: string };

const WRONG = 'Enter a correct email address and password';

function limitedMessage(seconds: number): string {
  return `Too many attempts to sign in. Wait ${minutesToWait(seconds)} and try again, or ask an administrator to reset your password.`;
}

// Checked when the email matches no account, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export interface SignInInput {
  email: string;
  password: string;
  /** The network address, for the per-address limit (only ever kept as a keyed hash). */
  address: string;
  device: string;
  /** The session this browser already has, if any: signing in ends it. */
  replacingSessionId?: string | undefined;
}

export async function signIn(db: AppDatabase, input: SignInInput, limits: SignInLimits, now: Date): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${email} from:${input.address}`;
  // Each attempt takes its tokens before the password is checked (one conditional update each),
  // so a burst of attempts at once, on any number of instances, gets no more tries than the
  // buckets hold. A success gives the address's token back.
  if (!(await limits.address.consume(input.address)))
    return { kind: 'limited', message: limitedMessage(await limits.address.secondsUntilAllowed(input.address)) };
  if (!(await limits.account.consume(accountKey))) {
    await limits.address.refund(input.address);
    return { kind: 'limited', message: limitedMessage(await limits.account.secondsUntilAllowed(accountKey)) };
  }

  const user =
    email === ''
      ? undefined
      : await db
          .selectFrom('staff_user')
          .select(['id', 'password_hash', 'is_disabled', 'totp_key'])
          .where('email', '=', email)
          .executeTakeFirst();
  decoyHash ??= hashPassword('not a real password, only for timing');
  const matches = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password).catch(() => false);
  if (!user || !matches || user.is_disabled === 1) {
    if (user) await recordAudit(db, { staffId: null, action: 'failed sign-in', entityType: 'staff_user', entityId: user.id }, now);
    return { kind: 'wrong', message: WRONG };
  }
  // Only failures use up the limits: a shared office address can sign many people in.
  await limits.account.reset(accountKey);
  await limits.address.refund(input.address);
  const needsSecondFactor = user.totp_key !== null;
  // Always a new session; whatever session the browser had before (anyone's) ends with it.
  const { token, session } = await db.transaction().execute(async (trx) => {
    if (input.replacingSessionId) await endSession(trx, input.replacingSessionId);
    const made = await createSession(trx, user.id, { secondFactorDone: !needsSecondFactor, device: input.device }, now);
    await recordAudit(
      trx,
      {
        staffId: user.id,
        action: needsSecondFactor ? 'signed in (password only so far)' : 'signed in',
        entityType: 'session',
        entityId: made.session.id,
        detail: input.replacingSessionId ? { endedSession: input.replacingSessionId } : undefined,
      },
      now,
    );
    return made;
  });
  return { kind: 'signed-in', token, session, needsSecondFactor };
}

export type CodeResult = { kind: 'accepted'; token: string } | { kind: 'wrong'; message: string } | { kind: 'limited'; message: string };

/**
 * The second step: a code from the person's app, each code usable once. Once accepted, the
 * session is renewed (a new token for the browser; the password-only one is gone).
 */
export async function verifySecondFactor(
  db: AppDatabase,
  input: { userId: string; sessionId: string; code: string },
  limits: SignInLimits,
  keys: { ring: DataKeyring; secretKey: string },
  now: Date,
): Promise<CodeResult> {
  const key = `code:${input.userId}`;
  if (!(await limits.account.consume(key)))
    return { kind: 'limited', message: limitedMessage(await limits.account.secondsUntilAllowed(key)) };
  const user = await db
    .selectFrom('staff_user')
    .select(['id', 'totp_key', 'totp_last_step', 'data_key_id'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user?.totp_key) return { kind: 'wrong', message: 'This account has no second factor set up' };
  const step = acceptedStep(
    openTotpKey(keys.ring, { ...user, totp_key: user.totp_key }, keys.secretKey),
    input.code,
    now,
    user.totp_last_step,
  );
  if (step === null) {
    return {
      kind: 'wrong',
      message: input.code.trim() === '' ? 'Enter the 6-digit code from your authenticator app' : WRONG_CODE_MESSAGE,
    };
  }
  // One conditional update: the step is taken only if no one has used it (or a later one) meanwhile,
  // so one code signs in once even when two instances check it at the same moment.
  const taken = await db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('staff_user')
      .set({ totp_last_step: step })
      .where('id', '=', input.userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    const renewed = await renewAfterSecondFactor(trx, input.sessionId, now);
    if (!renewed) return null;
    await recordAudit(
      trx,
      {
        staffId: input.userId,
        action: 'signed in (with second factor)',
        entityType: 'session',
        entityId: renewed.session.id,
        detail: { replacedSession: input.sessionId },
      },
      now,
    );
    return renewed.token;
  });
  if (!taken) return { kind: 'wrong', message: WRONG_CODE_MESSAGE };
  await limits.account.reset(key);
  return { kind: 'accepted', token: taken };
}
