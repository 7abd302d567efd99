// Staff sessions, after Lucia's current guide (code/auth_session.ts): the token is "<id>.<secret>",
// the id finds the row and only a SHA-256 hash of the 256-bit secret is stored, compared in
// constant time. Sessions end after an idle timeout and, whatever happens, an absolute lifetime.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { staffPersonOf, type StaffPerson } from './staff-person.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { sha256Hex } from '../crypto.ts';
import { recordAudit } from '../audit/audit.ts';

export interface SessionLifetimes {
  idleMinutes: number;
  absoluteHours: number;
}

export interface StaffSession {
  id: string;
  userId: string;
  secondFactorDone: boolean;
  device: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface ValidSession {
  session: StaffSession;
  actor: StaffPerson;
}

// Lower-case letters and digits without look-alikes; 16 characters from 32 = 80 bits for the id.
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function newSessionId(): string {
  return Array.from(randomBytes(16), (byte) => ID_ALPHABET[byte >> 3]).join('');
}

/** Only this often is "last seen" written back, so reading a page does not always write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Makes a new session (always a new one at sign-in, so a planted token is worthless). `startedAt`
 * carries a renewed session's sign-in time, so renewing never extends the absolute lifetime.
 */
export async function createSession(
  db: DbExecutor,
  userId: string,
  options: { secondFactorDone: boolean; device: string; startedAt?: string },
  now: Date,
): Promise<{ token: string; session: StaffSession }> {
  const id = newSessionId();
  const secret = randomBytes(32).toString('base64url');
  const session: StaffSession = {
    id,
    userId,
    secondFactorDone: options.secondFactorDone,
    device: options.device.slice(0, 120),
    createdAt: options.startedAt ?? now.toISOString(),
    lastSeenAt: now.toISOString(),
  };
  await db
    .insertInto('staff_session')
    .values({
      id,
      user_id: userId,
      secret_hash: sha256Hex(secret),
      second_factor_done: options.secondFactorDone ? 1 : 0,
      device: session.device,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
    })
    .execute();
  return { token: `${id}.${secret}`, session };
}

function expired(row: { created_at: string; last_seen_at: string }, now: Date, lifetimes: SessionLifetimes): boolean {
  const idleFor = now.getTime() - Date.parse(row.last_seen_at);
  const age = now.getTime() - Date.parse(row.created_at);
  return idleFor >= lifetimes.idleMinutes * 60_000 || age >= lifetimes.absoluteHours * 3_600_000;
}

/** The session and person behind a token, or null. Expired sessions and disabled accounts end here. */
export async function validateSessionToken(
  db: AppDatabase,
  token: string | undefined,
  now: Date,
  lifetimes: SessionLifetimes,
): Promise<ValidSession | null> {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [id, secret] = parts as [string, string];
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.user_id')
    .select([
      'staff_session.id',
      'staff_session.user_id',
      'staff_session.secret_hash',
      'staff_session.second_factor_done',
      'staff_session.device',
      'staff_session.created_at',
      'staff_session.last_seen_at',
      'staff_user.email',
      'staff_user.display_name',
      'staff_user.role',
      'staff_user.team_id',
      'staff_user.organization_id',
      'staff_user.landlord_id',
      'staff_user.is_disabled',
      'staff_user.totp_key',
    ])
    .where('staff_session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const given = Buffer.from(sha256Hex(secret), 'hex');
  const stored = Buffer.from(row.secret_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (expired(row, now, lifetimes) || row.is_disabled === 1) {
    await db.deleteFrom('staff_session').where('id', '=', id).execute();
    return null;
  }
  let lastSeenAt = row.last_seen_at;
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    lastSeenAt = now.toISOString();
    await db.updateTable('staff_session').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }
  return {
    session: toSession({ ...row, last_seen_at: lastSeenAt }),
    actor: staffPersonOf({ ...row, id: row.user_id }),
  };
}

/**
 * After the second factor, the session the password began is replaced by a new one (new id, new
 * secret) marked as complete, so a token seen before the code was typed is worth nothing after.
 */
export async function renewAfterSecondFactor(
  db: DbExecutor,
  sessionId: string,
  now: Date,
): Promise<{ token: string; session: StaffSession } | null> {
  const old = await db
    .selectFrom('staff_session')
    .select(['user_id', 'device', 'created_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!old) return null;
  await db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
  return createSession(db, old.user_id, { secondFactorDone: true, device: old.device, startedAt: old.created_at }, now);
}

/** Sign-out: the session ends on the server, not just in the browser. */
export async function endSession(db: DbExecutor, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
}

/**
 * "Exit this page" pressed in a browser that is also signed in to the back office: that session
 * ends on the server as a sign-out does, audited as such. An unknown or expired token does nothing.
 */
export async function endSessionOnExit(db: AppDatabase, token: string, now: Date, lifetimes: SessionLifetimes): Promise<boolean> {
  const found = await validateSessionToken(db, token, now, lifetimes);
  if (!found) return false;
  await db.transaction().execute(async (trx) => {
    await endSession(trx, found.session.id);
    await recordAudit(
      trx,
      { staffId: found.actor.id, action: 'signed out (Exit this page)', entityType: 'session', entityId: found.session.id },
      now,
    );
  });
  return true;
}

/** A person's own sessions, newest first. */
export async function listOwnSessions(db: AppDatabase, userId: string): Promise<StaffSession[]> {
  const rows = await db.selectFrom('staff_session').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
  return rows.map(toSession);
}

/** A stored session as the rest of the service reads it. */
function toSession(row: {
  id: string;
  user_id: string;
  second_factor_done: number;
  device: string;
  created_at: string;
  last_seen_at: string;
}): StaffSession {
  return {
    id: row.id,
    userId: row.user_id,
    secondFactorDone: row.second_factor_done === 1,
    device: row.device,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** Ends one of the person's own sessions; someone else's session id does nothing. */
export async function endOwnSession(db: AppDatabase, userId: string, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('staff_session').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function endAllSessions(db: AppDatabase, userId: string): Promise<void> {
  await db.deleteFrom('staff_session').where('user_id', '=', userId).execute();
}

/** Removes sessions that can no longer be used: the `purge-sessions` job (src/server/jobs/). */
export async function deleteExpiredSessions(db: AppDatabase, now: Date, lifetimes: SessionLifetimes): Promise<number> {
  const idleCutoff = new Date(now.getTime() - lifetimes.idleMinutes * 60_000).toISOString();
  const ageCutoff = new Date(now.getTime() - lifetimes.absoluteHours * 3_600_000).toISOString();
  const result = await db
    .deleteFrom('staff_session')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleCutoff), eb('created_at', '<=', ageCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
