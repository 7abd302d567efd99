// Who may do what in the back-office. Every page, action and endpoint asks these two questions
// on the server: may this role do this kind of thing, and may this person touch this record?

export const ROLES = ['adviser', 'private_sector_officer', 'manager', 'administrator', 'partner', 'landlord'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  adviser: 'Adviser',
  private_sector_officer: 'Private sector officer',
  manager: 'Manager',
  administrator: 'Administrator',
  partner: 'Partner organisation',
  landlord: 'Landlord',
};

export type Permission =
  /** See the hand-off queue and follow-ups (their own team's; a manager's, every team's). */
  | 'cases:read'
  /** Claim, note, plan, refer, record outcomes and close cases of their own team. */
  | 'cases:work'
  /** Give a case to someone else in the team. */
  | 'cases:assign'
  /** Edit directory entries and see what is out of date. */
  | 'directory:edit'
  /** Create and disable accounts, issue password-reset links. */
  | 'accounts:manage'
  /** Read the audit trail. */
  | 'audit:read'
  /** See messages waiting to be sent. */
  | 'outbox:read'
  /** A partner organisation's staff: see the referrals sent to their organisation, and accept or decline them. */
  | 'referrals:answer'
  /** Landlords and their homes: review applications to the accreditation scheme (accredit, suspend, reinstate, renew), see every advert and why any is hidden, and take a home from shortlist to tenancy. */
  | 'landlords:manage'
  /** A landlord: see and edit only their own homes and adverts, and submit adverts for an officer to approve. */
  | 'homes:own'
  /** Subject access: export everything held about the person behind a case, and erase it on request. */
  | 'cases:subject-access'
  /** The managers' reports: visitors, targets, early intervention, outcomes, client groups; and the case references behind a count (audited). */
  | 'reports:read'
  /** Take a person through the self-assessment with them (by phone, at an outreach surgery, at an office visit) and open their case. */
  | 'self-assessments:assist'
  /** See the information packs people asked to have posted, print them and mark them posted. */
  | 'packs:post';

const GRANTS: Record<Role, readonly Permission[]> = {
  adviser: ['cases:read', 'cases:work', 'directory:edit', 'self-assessments:assist', 'packs:post'],
  private_sector_officer: ['cases:read', 'cases:work', 'directory:edit', 'landlords:manage', 'self-assessments:assist', 'packs:post'],
  manager: [
    'cases:read',
    'cases:work',
    'cases:assign',
    'cases:subject-access',
    'directory:edit',
    'outbox:read',
    'landlords:manage',
    'reports:read',
    'self-assessments:assist',
    'packs:post',
  ],
  // Administrators run the service; they do not read people's cases.
  administrator: ['directory:edit', 'accounts:manage', 'audit:read', 'outbox:read'],
  // Partner organisations see only referrals to their own services, never the council's cases.
  partner: ['referrals:answer'],
  // Landlords see only their own homes: never a case, a queue or another landlord's records.
  landlord: ['homes:own'],
};

export interface Actor {
  id: string;
  role: Role;
  teamId: string;
  displayName: string;
  /** A partner's directory organisation (null for council staff). */
  organizationId?: string | null;
  /** A landlord account's landlord (null for everyone else). */
  landlordId?: string | null;
  /** What the council grants this person beyond their role (see grantsFromCouncil). */
  extraPermissions?: readonly Permission[];
}

/** The only permissions a council may add to a role by configuration, and to which role. */
export const GRANTABLE: Partial<Record<Role, readonly Permission[]>> = { administrator: ['reports:read'] };

/** The team id partner accounts carry: they belong to an organisation, not to a council team. */
export const PARTNER_TEAM = 'partner-organisation';

/** The team id landlord accounts carry: they belong to a landlord, not to a council team. */
export const LANDLORD_TEAM = 'landlord';

export function can(actor: Pick<Actor, 'role' | 'extraPermissions'>, permission: Permission): boolean {
  return (
    GRANTS[actor.role].includes(permission) ||
    (actor.extraPermissions?.includes(permission) === true && (GRANTABLE[actor.role] ?? []).includes(permission))
  );
}

/** The actor with what the council's settings add to their role (only what GRANTABLE allows). */
export function grantsFromCouncil<A extends Actor>(actor: A, settings: { administratorsMayReadReports: boolean }): A {
  if (actor.role === 'administrator' && settings.administratorsMayReadReports) return { ...actor, extraPermissions: ['reports:read'] };
  return actor;
}

/**
 * A case belongs to the team the hand-off went to: advisers and officers open only their own
 * team's cases. Managers oversee the whole service, so they may open any team's.
 */
export function canOpenCase(actor: Pick<Actor, 'role' | 'teamId'>, record: { teamId: string }): boolean {
  if (!can(actor, 'cases:read')) return false;
  return actor.role === 'manager' || actor.teamId === record.teamId;
}

/** The teams whose queue the actor sees: their own, or every team for a manager. */
export function visibleTeams(actor: Pick<Actor, 'role' | 'teamId'>, allTeamIds: readonly string[]): string[] {
  if (!can(actor, 'cases:read')) return [];
  return actor.role === 'manager' ? [...allTeamIds] : [actor.teamId];
}

export class NotAllowed extends Error {
  override name = 'NotAllowed';
  readonly permission: Permission | 'record';
  constructor(permission: Permission | 'record') {
    super(permission === 'record' ? 'This record belongs to another team' : `This needs the "${permission}" permission`);
    this.permission = permission;
  }
}

/** Throws NotAllowed unless the actor holds the permission. */
export function authorise(actor: Pick<Actor, 'role' | 'extraPermissions'>, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowed(permission);
}

/** Throws NotAllowed unless the actor may open this case (and, with `permission`, do that to it). */
export function authoriseCase(
  actor: Pick<Actor, 'role' | 'teamId'>,
  record: { teamId: string },
  permission: Permission = 'cases:read',
): void {
  authorise(actor, permission);
  if (!canOpenCase(actor, record)) throw new NotAllowed('record');
}
