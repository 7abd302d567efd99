// Each week's random salt for visitor hashes, kept in the database so every instance of the
// service uses the same one (like Plausible's lib/plausible/session/salts.ex, but weekly: the salt
// lives exactly as long as the window it counts uniques in). The first instance to need a week's
// salt makes it; any other racing it reads the winner's. The `analytics-weeks` job deletes it as
// soon as the week is over.
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { weekEndsAt, weekStartOf } from '../../domain/analytics/weeks.ts';
import type { DbExecutor } from '../db/executor.ts';

const SALT_BYTES = 16;

export class WeeklySalts {
  /** The current week's salt, once read (as a key, ready for HMAC): it never changes while its week lasts. */
  #cached: { week: string; salt: KeyObject; endsAt: number } | null = null;

  readonly #db: DbExecutor;

  constructor(db: DbExecutor) {
    this.#db = db;
  }

  /** A read of the database already on its way: a burst at a week's start asks once, not once per visit. */
  #reading: { week: string; salt: Promise<{ week: string; salt: KeyObject; endsAt: number }> } | null = null;

  /** The salt of the week `now` falls in, made at random if this is the week's first visit. */
  async saltFor(now: Date): Promise<{ week: string; salt: KeyObject }> {
    const cached = this.#cached;
    if (cached && now.getTime() < cached.endsAt && weekStartOf(now) === cached.week) return cached;
    const week = weekStartOf(now);
    if (this.#reading?.week !== week) {
      const reading = { week, salt: this.#read(week, now) };
      this.#reading = reading;
      reading.salt
        .finally(() => {
          if (this.#reading === reading) this.#reading = null;
        })
        .catch(() => {});
    }
    this.#cached = await this.#reading!.salt;
    return this.#cached;
  }

  async #read(week: string, now: Date): Promise<{ week: string; salt: KeyObject; endsAt: number }> {
    await this.#db
      .insertInto('analytics_salt')
      .values({ week_start: week, salt: randomBytes(SALT_BYTES), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('week_start').doNothing())
      .execute();
    const row = await this.#db.selectFrom('analytics_salt').select('salt').where('week_start', '=', week).executeTakeFirstOrThrow();
    return { week, salt: createSecretKey(new Uint8Array(row.salt)), endsAt: weekEndsAt(week).getTime() };
  }
}

/**
 * Deletes the salts and visitor hashes of every week that is over (their counts stay in
 * weekly_visitor_count). After this, nothing can link a past week's visitors to anyone.
 */
export async function forgetEndedWeeks(db: DbExecutor, now: Date): Promise<{ salts: number; visitors: number }> {
  const current = weekStartOf(now);
  const salts = await db.deleteFrom('analytics_salt').where('week_start', '<', current).executeTakeFirst();
  const visitors = await db.deleteFrom('weekly_visitor').where('week_start', '<', current).executeTakeFirst();
  return { salts: Number(salts.numDeletedRows), visitors: Number(visitors.numDeletedRows) };
}
