// The public money check keeps its answers in the person's own browser, not on the server: one
// cookie, set only when they start, scoped to /money-check, gone when the browser closes, and
// sealed under the data keys so it cannot be read or altered on the way. Nothing is stored unless
// the person saves or sends it. An answer more than two hours old is forgotten.
import type { AstroCookies } from 'astro';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { CheckAnswers } from '../../domain/money/questions.ts';
import { openText, sealText, SealedFieldError } from '../security/secrets/sealing.ts';

export const MONEY_CHECK_COOKIE = { name: 'ho_money_check', path: '/money-check' } as const;
/** How long the answers last without a new one. */
export const MONEY_CHECK_IDLE_MS = 2 * 60 * 60 * 1000;
/** Longer than any honest set of answers: a bigger cookie is refused rather than sent. */
const MAX_COOKIE_CHARACTERS = 3500;

const PLACE = { table: 'cookie', column: MONEY_CHECK_COOKIE.name, rowId: 'answers' } as const;

export function sealCheckAnswers(ring: DataKeyring, answers: CheckAnswers, now: Date): string {
  return `${ring.currentId}.${sealText(ring, PLACE, JSON.stringify({ at: now.getTime(), answers }))}`;
}

/** The answers in the cookie; null when there is none, it is too old, or it does not open. */
export function openCheckAnswers(ring: DataKeyring, value: string | undefined, now: Date): CheckAnswers | null {
  if (!value || value.length > MAX_COOKIE_CHARACTERS) return null;
  const dot = value.indexOf('.');
  if (dot < 1) return null;
  try {
    const parsed = JSON.parse(openText(ring, value.slice(0, dot), PLACE, value.slice(dot + 1))) as { at: number; answers: CheckAnswers };
    if (typeof parsed.at !== 'number' || now.getTime() - parsed.at > MONEY_CHECK_IDLE_MS) return null;
    if (typeof parsed.answers !== 'object' || parsed.answers === null) return null;
    return Object.fromEntries(Object.entries(parsed.answers).filter(([, v]) => typeof v === 'string'));
  } catch (error) {
    if (error instanceof SealedFieldError || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** `site` is SITE_URL, which decides whether the cookie is Secure (behind a TLS proxy the request arrives over http). */
export function setCheckCookie(cookies: AstroCookies, ring: DataKeyring, answers: CheckAnswers, now: Date, site: URL): void {
  cookies.set(MONEY_CHECK_COOKIE.name, sealCheckAnswers(ring, answers, now), {
    path: MONEY_CHECK_COOKIE.path,
    httpOnly: true,
    sameSite: 'lax',
    secure: site.protocol === 'https:',
  });
}

export function clearCheckCookie(cookies: AstroCookies): void {
  cookies.delete(MONEY_CHECK_COOKIE.name, { path: MONEY_CHECK_COOKIE.path });
}

export function checkAnswersIn(cookies: AstroCookies, ring: DataKeyring, now: Date): CheckAnswers | null {
  return openCheckAnswers(ring, cookies.get(MONEY_CHECK_COOKIE.name)?.value, now);
}
