// The web edge of the back-office: the session cookie, the signed-in person behind a request,
// and small helpers the /staff pages share.
import type { AstroCookies } from 'astro';
import type { Settings } from '../../config/settings.ts';
import type { DbExecutor } from '../db/executor.ts';
import { sharedSignInLimits, type SignInLimits } from './sign-in.ts';
import type { SessionLifetimes } from './sessions.ts';

/** Sent only to /staff pages, so the public site never receives it. */
export const STAFF_COOKIE = 'ho_staff_session';

/**
 * Sent only to /api/event, while a member of staff is signed in: their own visits to the public
 * pages are not counted. It holds nothing but "1" (anyone setting it only opts out of counting).
 */
export const NOT_COUNTED_COOKIE = 'ho_not_counted';

export function sessionLifetimes(settings: Pick<Settings, 'staffIdleMinutes' | 'staffSessionHours'>): SessionLifetimes {
  return { idleMinutes: settings.staffIdleMinutes, absoluteHours: settings.staffSessionHours };
}

/**
 * The staff session's token again, sent only to /exit: "Exit this page" on a public page ends a
 * staff session in the same browser too (src/pages/exit.ts), which it could not do from the
 * /staff cookie, never sent there.
 */
export const STAFF_EXIT_COOKIE = 'ho_staff_exit';
export const STAFF_EXIT_PATH = '/exit';

/** Every cookie signing in sets, with its path: what signing out and "Exit this page" expire. */
export const STAFF_COOKIES = [
  { name: STAFF_COOKIE, path: '/staff' },
  { name: NOT_COUNTED_COOKIE, path: '/api/event' },
  { name: STAFF_EXIT_COOKIE, path: STAFF_EXIT_PATH },
];

/** `site` is SITE_URL: `Secure` when it is https, whatever the request behind the proxy arrived over. */
export function setStaffCookie(cookies: AstroCookies, token: string, site: URL): void {
  const secure = site.protocol === 'https:';
  // No expiry date: it goes when the browser closes; the server ends it sooner when idle.
  cookies.set(STAFF_COOKIE, token, { path: '/staff', httpOnly: true, sameSite: 'lax', secure });
  cookies.set(NOT_COUNTED_COOKIE, '1', { path: '/api/event', httpOnly: true, sameSite: 'lax', secure });
  cookies.set(STAFF_EXIT_COOKIE, token, { path: STAFF_EXIT_PATH, httpOnly: true, sameSite: 'lax', secure });
}

export function clearStaffCookie(cookies: AstroCookies): void {
  for (const { name, path } of STAFF_COOKIES) cookies.delete(name, { path });
}

/** The sign-in limits, shared by every instance through the database. */
export function signInLimits(db: DbExecutor, settings: Pick<Settings, 'dataKeys'>): SignInLimits {
  return sharedSignInLimits(db, settings.dataKeys);
}

/** A short name for a browser, so people can tell their sessions apart ("Chrome on Windows"). */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'an unknown system';
  return `${browser} on ${system}`;
}

/** Where to go after signing in: only a back-office address on this site. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !(value === '/staff' || value.startsWith('/staff/')) || value.includes('\\') || value.startsWith('/staff/sign-'))
    return '/staff';
  return value;
}
