// Which permission each back-office address needs, checked by the middleware before any page
// runs. Use cases check again inside (and check the record), so a missed route still refuses.
import type { Permission } from '../../domain/staff/permissions.ts';

/** Reachable without signing in. */
const OPEN = ['/staff/sign-in', '/staff/set-password/', '/staff/not-allowed', '/staff/not-found'];

/** Signed in, but the second factor still to come: only these. */
const BEFORE_SECOND_FACTOR = ['/staff/sign-in/code', '/staff/sign-out'];

const RULES: Array<[prefix: string, permission: Permission | 'signed-in']> = [
  ['/staff/admin/accounts', 'accounts:manage'],
  ['/staff/admin/audit', 'audit:read'],
  ['/staff/admin/outbox', 'outbox:read'],
  ['/staff/queue', 'cases:read'],
  ['/staff/cases/', 'cases:read'],
  ['/staff/follow-ups', 'cases:read'],
  ['/staff/downsizing', 'cases:read'],
  ['/staff/directory', 'directory:edit'],
  ['/staff/referrals', 'referrals:answer'],
  ['/staff/landlords', 'landlords:manage'],
  ['/staff/homes', 'landlords:manage'],
  ['/staff/my-homes', 'homes:own'],
  ['/staff/reports', 'reports:read'],
  ['/staff/assisted', 'self-assessments:assist'],
  ['/staff/posted-packs', 'packs:post'],
  ['/staff/account', 'signed-in'],
  ['/staff/sign-out', 'signed-in'],
];

/** Pages under a record's own address that need more than the prefix's permission. */
const RECORD_RULES: Array<[pattern: RegExp, permission: Permission]> = [
  [/^\/staff\/cases\/[^/]+\/subject-access(\.json)?$/, 'cases:subject-access'],
];

function matches(path: string, prefix: string): boolean {
  return prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);
}

export type RouteRule = { kind: 'open' } | { kind: 'before-second-factor' } | { kind: 'needs'; permission: Permission | 'signed-in' };

/** The rule for a /staff path. Anything not listed needs only a signed-in person (like /staff itself). */
export function ruleFor(path: string): RouteRule {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (BEFORE_SECOND_FACTOR.some((p) => matches(clean, p))) return { kind: 'before-second-factor' };
  if (OPEN.some((p) => matches(clean, p))) return { kind: 'open' };
  const recordRule = RECORD_RULES.find(([pattern]) => pattern.test(clean));
  if (recordRule) return { kind: 'needs', permission: recordRule[1] };
  const rule = RULES.find(([prefix]) => matches(clean, prefix));
  return { kind: 'needs', permission: rule ? rule[1] : 'signed-in' };
}
