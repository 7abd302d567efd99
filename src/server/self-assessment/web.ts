// The web edge of the self-assessment: the session cookie, the draft behind a request, and form
// parsing. Pages and endpoints stay thin by calling these and the use cases.
import type { AstroCookies } from 'astro';
import type { Settings } from '../../config/settings.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { findDraftBySession, type DraftKeeping, type DraftRecord } from './drafts.ts';
import { requestContext, type RequestContext } from '../web/request-context.ts';

/** The one cookie the public side can set: only once someone starts the self-assessment. */
export const SESSION_COOKIE = 'ho_self_assessment';

/** How drafts are kept, from the settings: how long they live, and the keys they are sealed under. */
export function draftKeeping(settings: Pick<Settings, 'draftIdleHours' | 'savedDraftDays'> & { dataKeys: DataKeyring }): DraftKeeping {
  return { draftIdleHours: settings.draftIdleHours, savedDraftDays: settings.savedDraftDays, ring: settings.dataKeys };
}

/** `site` is SITE_URL: behind a TLS proxy the request itself arrives over http, the browser's does not. */
export function setSessionCookie(cookies: AstroCookies, token: string, site: URL): void {
  // A session cookie (no expiry date): it goes when the browser closes, if not before.
  cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: site.protocol === 'https:' });
}

export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

export interface DraftContext extends RequestContext {
  draft: DraftRecord | null;
  keeping: DraftKeeping;
}

/** The request's context, and the draft behind its cookie (if any). */
export async function currentDraft(astro: { cookies: AstroCookies; locals: App.Locals }): Promise<DraftContext> {
  const context = requestContext(astro.locals);
  const draft = await findDraftBySession(context.db, astro.cookies.get(SESSION_COOKIE)?.value, context.now, context.ring);
  return { ...context, draft, keeping: draftKeeping(context.settings) };
}
