// Share codes: a short, single-purpose code a person gives to another agency (a GP, a debt adviser,
// a landlord's tenancy officer) so they can read a summary of what the person chose to share,
// after one check the person chose (their date of birth or their postcode). Like the Home Office's
// share codes: 9 characters in three groups ("K7Q-M2X-9PW"), no letters or digits that look alike,
// valid for 30 days unless the person ends it sooner. Pure rules: no framework, no storage.
/** Capital letters and digits that cannot be mistaken for each other (no I, L, O, 0, 1): as return codes. */
export const SHARE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHARE_CODE_LENGTH = 9;
/** How long a code can be used, from when it is made. */
export const SHARE_CODE_DAYS = 30;

/** What a person can choose to share: their answers, their plan, their hand-off's reference and progress. */
export const SHARE_PARTS = ['answers', 'plan', 'handoff'] as const;
export type SharePart = (typeof SHARE_PARTS)[number];

/** The one check a viewer must pass, as the person chose it. */
export const CHECK_KINDS = ['birth-date', 'postcode'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** 9 characters from the alphabet, written in three groups of three ("K7Q-M2X-9PW"). */
export function formatShareCode(compact: string): string {
  return compact.replace(/^(.{3})(.{3})(.{3})$/, '$1-$2-$3');
}

/** What someone typed, made comparable (case, spaces and dashes do not matter), or null when it cannot be a code. */
export function normaliseShareCode(typed: string): string | null {
  const compact = typed
    .slice(0, 40)
    .toUpperCase()
    .replace(/[\s\u2010-\u2015-]/g, '');
  if (compact.length !== SHARE_CODE_LENGTH || [...compact].some((c) => !SHARE_CODE_ALPHABET.includes(c))) return null;
  return formatShareCode(compact);
}

export function shareCodeExpiry(made: Date): Date {
  return new Date(made.getTime() + SHARE_CODE_DAYS * 24 * 3_600_000);
}

export type ShareState = 'active' | 'ended' | 'expired';

/** A code works until it is ended or its 30 days are up, whichever comes first. */
export function shareState(code: { expiresAt: string; endedAt: string | null }, now: Date): ShareState {
  if (code.endedAt !== null) return 'ended';
  return now.toISOString() < code.expiresAt ? 'active' : 'expired';
}

/** A date of birth from day, month and year as typed: a real date, not in the future, within 120 years; or null. */
export function birthDateFrom(day: string, month: string, year: string, today: string): string | null {
  const [d, m, y] = [day, month, year].map((part) => part.trim());
  if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return null;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  if (iso > today || Number(y) < Number(today.slice(0, 4)) - 120) return null;
  return iso;
}
