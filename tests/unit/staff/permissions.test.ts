import { describe, expect, it } from 'vitest';
import {
  NotAllowed,
  ROLES,
  authoriseCase,
  can,
  canOpenCase,
  grantsFromCouncil,
  visibleTeams,
  type Permission,
  type Role,
} from '../../../src/domain/staff/permissions.ts';
import { ruleFor } from '../../../src/server/staff/route-permissions.ts';

const MATRIX: Record<Role, Permission[]> = {
  adviser: ['cases:read', 'cases:work', 'directory:edit', 'self-assessments:assist', 'packs:post'],
  private_sector_officer: ['cases:read', 'cases:work', 'directory:edit', 'landlords:manage', 'self-assessments:assist', 'packs:post'],
  manager: [
    'cases:read',
    'cases:work',
    'cases:assign',
    'directory:edit',
    'outbox:read',
    'landlords:manage',
    'reports:read',
    'self-assessments:assist',
    'packs:post',
  ],
  administrator: ['directory:edit', 'accounts:manage', 'audit:read', 'outbox:read'],
  partner: ['referrals:answer'],
  landlord: ['homes:own'],
};
const ALL: Permission[] = [
  'cases:read',
  'cases:work',
  'cases:assign',
  'directory:edit',
  'accounts:manage',
  'audit:read',
  'outbox:read',
  'referrals:answer',
  'landlords:manage',
  'homes:own',
  'reports:read',
  'self-assessments:assist',
  'packs:post',
];

describe('roles and permissions', () => {
  it.each(ROLES)('%s holds exactly its permissions', (role) => {
    expect(ALL.filter((p) => can({ role }, p))).toEqual(MATRIX[role]);
  });

  it('lets advisers and officers open only their own team’s cases, managers any, administrators none', () => {
    const record = { teamId: 'housing-options' };
    expect(canOpenCase({ role: 'adviser', teamId: 'housing-options' }, record)).toBe(true);
    expect(canOpenCase({ role: 'adviser', teamId: 'jet-centre' }, record)).toBe(false);
    expect(canOpenCase({ role: 'private_sector_officer', teamId: 'private-sector' }, record)).toBe(false);
    expect(canOpenCase({ role: 'manager', teamId: 'service-management' }, record)).toBe(true);
    expect(canOpenCase({ role: 'administrator', teamId: 'housing-options' }, record)).toBe(false);
    expect(canOpenCase({ role: 'partner', teamId: 'housing-options' }, record)).toBe(false);
    expect(visibleTeams({ role: 'partner', teamId: 'a' }, ['a', 'b'])).toEqual([]);
    expect(canOpenCase({ role: 'landlord', teamId: 'housing-options' }, record)).toBe(false);
    expect(visibleTeams({ role: 'landlord', teamId: 'housing-options' }, ['housing-options'])).toEqual([]);
    expect(() => authoriseCase({ role: 'adviser', teamId: 'jet-centre' }, record)).toThrow(NotAllowed);
    expect(() => authoriseCase({ role: 'adviser', teamId: 'housing-options' }, record, 'cases:assign')).toThrow('cases:assign');
    expect(visibleTeams({ role: 'manager', teamId: 'x' }, ['a', 'b'])).toEqual(['a', 'b']);
    expect(visibleTeams({ role: 'adviser', teamId: 'a' }, ['a', 'b'])).toEqual(['a']);
    expect(visibleTeams({ role: 'administrator', teamId: 'a' }, ['a', 'b'])).toEqual([]);
  });
});

describe('back-office routes', () => {
  it('leave only sign-in, password links and the refusal pages open', () => {
    expect(ruleFor('/staff/sign-in')).toEqual({ kind: 'open' });
    expect(ruleFor('/staff/set-password/abc')).toEqual({ kind: 'open' });
    expect(ruleFor('/staff/sign-in/code')).toEqual({ kind: 'before-second-factor' });
    expect(ruleFor('/staff/sign-out')).toEqual({ kind: 'before-second-factor' });
    expect(ruleFor('/staff/sign-inx')).toEqual({ kind: 'needs', permission: 'signed-in' });
  });

  it('name the permission each area needs, including sub-pages and trailing slashes', () => {
    expect(ruleFor('/staff/cases/123/plan/print')).toEqual({ kind: 'needs', permission: 'cases:read' });
    expect(ruleFor('/staff/queue/')).toEqual({ kind: 'needs', permission: 'cases:read' });
    expect(ruleFor('/staff/queue/rows.json')).toEqual({ kind: 'needs', permission: 'cases:read' });
    expect(ruleFor('/staff/admin/accounts')).toEqual({ kind: 'needs', permission: 'accounts:manage' });
    expect(ruleFor('/staff/admin/audit')).toEqual({ kind: 'needs', permission: 'audit:read' });
    expect(ruleFor('/staff/directory/jet-centre')).toEqual({ kind: 'needs', permission: 'directory:edit' });
    expect(ruleFor('/staff/referrals')).toEqual({ kind: 'needs', permission: 'referrals:answer' });
    expect(ruleFor('/staff/referrals/abc')).toEqual({ kind: 'needs', permission: 'referrals:answer' });
    expect(ruleFor('/staff/admin/something-new')).toEqual({ kind: 'needs', permission: 'signed-in' });
  });
});

describe('what a council may add to a role', () => {
  const admin = { id: 'a', role: 'administrator' as const, teamId: 'service-management', displayName: 'Admin' };
  const adviser = { id: 'b', role: 'adviser' as const, teamId: 'housing-options', displayName: 'Adviser' };

  it('lets administrators read the reports only when the council says so', () => {
    expect(can(admin, 'reports:read')).toBe(false);
    expect(can(grantsFromCouncil(admin, { administratorsMayReadReports: false }), 'reports:read')).toBe(false);
    expect(can(grantsFromCouncil(admin, { administratorsMayReadReports: true }), 'reports:read')).toBe(true);
    // Nothing else comes with it: still no cases.
    expect(can(grantsFromCouncil(admin, { administratorsMayReadReports: true }), 'cases:read')).toBe(false);
  });

  it('never lets an extra permission reach a role it is not grantable to, however it got there', () => {
    expect(grantsFromCouncil(adviser, { administratorsMayReadReports: true })).toBe(adviser);
    expect(can({ ...adviser, extraPermissions: ['reports:read'] }, 'reports:read')).toBe(false);
    expect(can({ ...admin, extraPermissions: ['cases:read'] }, 'cases:read')).toBe(false);
  });
});
