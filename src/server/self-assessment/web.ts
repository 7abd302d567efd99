// The web edge of the self-assessment: the session cookie, the draft behind a request, and form
// parsing. Pages and endpoints stay thin by calling these and the use cases.
import type { AstroCookies } from 'astro';
import { settings } from '../../config/settings.ts';
import { appDatabase } from '../startup.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { findDraftBySession, type DraftLifetimes, type DraftRecord } from './drafts.ts';

/** The one cookie the public side can set: only once someone starts the self-assessment. */
export const SESSION_COOKIE = 'ho_self_assessment';

export function lifetimes(): DraftLifetimes {
  const { draftIdleHours, savedDraftDays } = settings();
  return { draftIdleHours, savedDraftDays };
}

export function setSessionCookie(cookies: AstroCookies, token: string, url: URL): void {
  // A session cookie (no expiry date): it goes when the browser closes, if not before.
  cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

export interface DraftContext {
  db: AppDatabase;
  draft: DraftRecord | null;
  now: Date;
}

export async function currentDraft(cookies: AstroCookies): Promise<DraftContext> {
  const db = await appDatabase();
  const now = new Date();
  const draft = await findDraftBySession(db, cookies.get(SESSION_COOKIE)?.value, now);
  return { db, draft, now };
}
