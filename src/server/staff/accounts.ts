// Staff accounts: administrators create and disable them and send password links; the command
// line (npm run user:create) does the same. Passwords are never sent or shown: a new account
// gets a link to set its own. A link reaches only the account's owner: an administrator never
// sees it, and it is never stored in clear. The outbox holds only a request for a link; the link
// itself is made when the email is sent (`passwordLinkBody`), and only its hash is kept.
import type { DataKeyring } from '../../config/data-keys.ts';
import { z } from 'zod';
import { cleanTextField } from '../../domain/text/clean-text-field.ts';
import { council } from '../../config/council.ts';
import { clampPage, offsetOf, pageOf, pageRequest, type Page, type PageRequest } from '../../domain/paging.ts';
import { LANDLORD_TEAM, NotAllowed, PARTNER_TEAM, ROLES, authorise, type Actor } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { queueMessage } from '../notify/outbox.ts';
import { newSessionToken, sha256Hex } from '../crypto.ts';
import { hashPassword } from './password-hash.ts';
import { endAllSessions } from './sessions.ts';
import { staffPersonOf, type StaffPerson, type StaffPersonRow } from './staff-person.ts';
import type { DbExecutor } from '../db/executor.ts';
import { countOf } from '../db/sql.ts';
import { UserProblem } from '../web/problems.ts';

/** Who is acting: a signed-in administrator, or someone at the server's command line. */
export type AccountsActor = Actor | 'command-line';

/** How long a link to set a password works: a new account's owner may not read email at once. */
export const NEW_ACCOUNT_LINK_HOURS = 24;
/** A reset link for an existing account is short-lived. */
export const RESET_LINK_HOURS = 1;

/** The outbox's `related_type` for a password link waiting to be made and sent, by how long it lasts. */
export const PASSWORD_LINK_MESSAGES = { password_link_new_account: NEW_ACCOUNT_LINK_HOURS, password_link_reset: RESET_LINK_HOURS } as const;
const LINK_PLACEHOLDER = '{{password-link}}';

export interface StaffAccount extends StaffPerson {
  disabled: boolean;
  createdAt: string;
}

function allowed(actor: AccountsActor): string | null {
  if (actor === 'command-line') return null;
  authorise(actor, 'accounts:manage');
  return actor.id;
}

export const newAccountSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, { error: 'Enter an email address' })
      .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.gov.uk' }))
      .transform((e) => e.toLowerCase()),
    displayName: cleanTextField({ label: 'The name', maxLength: 100, required: 'Enter their name' }),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    /** A council team; ignored for a partner, who belongs to an organisation instead. */
    teamId: z.string(),
    /** A partner's directory organisation; only for partners. */
    organizationId: z.string().optional(),
    /** A landlord account's landlord in the accreditation scheme; only for landlords. */
    landlordId: z.string().optional(),
  })
  .superRefine((account, context) => {
    if (account.role === 'partner') {
      if (!account.organizationId)
        context.addIssue({ code: 'custom', path: ['organizationId'], message: 'Choose the partner organisation they work for' });
    } else if (account.role === 'landlord') {
      if (!account.landlordId)
        context.addIssue({ code: 'custom', path: ['landlordId'], message: 'Choose the landlord this account belongs to' });
    } else if (!council.teams.some((t) => t.id === account.teamId)) {
      context.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose a team' });
    }
  });
export type NewAccount = z.input<typeof newAccountSchema>;

export class AccountExists extends UserProblem {
  override name = 'AccountExists';
}

function toAccount(row: StaffPersonRow & { is_disabled: number; created_at: string }): StaffAccount {
  return { ...staffPersonOf(row), disabled: row.is_disabled === 1, createdAt: row.created_at };
}

export const ACCOUNTS_PAGE_SIZE = 50;

/** A page of accounts by name, paged in SQL along the index on display_name. */
export async function listAccounts(
  db: AppDatabase,
  actor: Actor,
  asked: PageRequest = pageRequest(1, ACCOUNTS_PAGE_SIZE),
): Promise<Page<StaffAccount>> {
  authorise(actor, 'accounts:manage');
  const total = await countOf(db.selectFrom('staff_user'));
  const request = clampPage(asked, total);
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'email', 'display_name', 'role', 'team_id', 'organization_id', 'landlord_id', 'is_disabled', 'totp_key', 'created_at'])
    .orderBy('display_name')
    .orderBy('id')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  return pageOf(rows.map(toAccount), total, request);
}

/** Organisations in the directory that a partner account can belong to. */
export async function partnerOrganisations(db: AppDatabase, actor: Actor): Promise<Array<{ id: string; name: string }>> {
  authorise(actor, 'accounts:manage');
  return db.selectFrom('directory_organization').select(['id', 'name']).orderBy('name').execute();
}

/** Landlords in the accreditation scheme that a landlord account can belong to. */
export async function accountLandlords(db: AppDatabase, actor: Actor): Promise<Array<{ id: string; name: string }>> {
  authorise(actor, 'accounts:manage');
  return db.selectFrom('landlord').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

/** Staff in a team (to assign cases), enabled accounts only. */
export async function teamMembers(
  db: AppDatabase,
  teamIds: readonly string[],
): Promise<Array<{ id: string; displayName: string; teamId: string }>> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name', 'team_id'])
    .where('team_id', 'in', [...teamIds])
    .where('is_disabled', '=', 0)
    .where('role', 'in', ['adviser', 'private_sector_officer', 'manager'])
    .orderBy('display_name')
    .execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, teamId: row.team_id }));
}

/**
 * Creates an account with no usable password. Its owner is emailed a link to set one. Only the
 * command line (the server's operator) may instead take the link to hand over itself.
 */
export async function createAccount(
  db: AppDatabase,
  actor: AccountsActor,
  input: NewAccount,
  now: Date,
  ring: DataKeyring,
  options: { linkTo: 'owner-by-email' | 'command-line' } = { linkTo: 'owner-by-email' },
): Promise<{ account: StaffAccount; resetToken: string | null }> {
  const staffId = allowed(actor);
  if (options.linkTo === 'command-line' && actor !== 'command-line') throw new NotAllowed('accounts:manage');
  const data = newAccountSchema.parse(input);
  const id = newId();
  let resetToken: string | null = null;
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('staff_user').select('id').where('email', '=', data.email).executeTakeFirst();
    if (existing) throw new AccountExists(`There is already an account for ${data.email}`, 'email');
    const partner = data.role === 'partner';
    if (partner) {
      const organisation = await trx
        .selectFrom('directory_organization')
        .select('id')
        .where('id', '=', data.organizationId ?? '')
        .executeTakeFirst();
      if (!organisation) throw new AccountExists('Choose a partner organisation from the directory', 'organizationId');
    }
    const landlord = data.role === 'landlord';
    if (landlord) {
      const found = await trx
        .selectFrom('landlord')
        .select('id')
        .where('id', '=', data.landlordId ?? '')
        .executeTakeFirst();
      if (!found) throw new AccountExists('Choose a landlord from the accreditation scheme', 'landlordId');
    }
    await trx
      .insertInto('staff_user')
      .values({
        id,
        email: data.email,
        display_name: data.displayName,
        role: data.role,
        team_id: partner ? PARTNER_TEAM : landlord ? LANDLORD_TEAM : data.teamId,
        organization_id: partner ? data.organizationId! : null,
        landlord_id: landlord ? data.landlordId! : null,
        // A hash of random bytes: no password matches it until the owner sets one.
        password_hash: await hashPassword(newSessionToken()),
        is_disabled: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    if (options.linkTo === 'command-line') resetToken = await insertReset(trx, id, staffId, NEW_ACCOUNT_LINK_HOURS, now);
    else await queuePasswordLink(trx, ring, { id, email: data.email }, 'new-account', now);
    await recordAudit(
      trx,
      { staffId, action: 'created account', entityType: 'staff_user', entityId: id, detail: { role: data.role, teamId: data.teamId } },
      now,
    );
  });
  const account = await db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { account: toAccount(account), resetToken };
}

async function insertReset(db: DbExecutor, userId: string, createdBy: string | null, hours: number, now: Date): Promise<string> {
  const token = newSessionToken();
  await db.deleteFrom('password_reset').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await db
    .insertInto('password_reset')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      created_by: createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export function resetLink(siteUrl: URL, token: string): string {
  return new URL(`/staff/set-password/${token}`, siteUrl).toString();
}

/** Queues the email that will carry a password link: the link is made only when it is sent. */
async function queuePasswordLink(
  trx: DbExecutor,
  ring: DataKeyring,
  user: { id: string; email: string },
  why: 'new-account' | 'reset',
  now: Date,
): Promise<void> {
  const hours = why === 'new-account' ? NEW_ACCOUNT_LINK_HOURS : RESET_LINK_HOURS;
  await queueMessage(
    trx,
    ring,
    {
      to: user.email,
      subject:
        why === 'new-account' ? `Your ${council.serviceName} account: set your password` : `Set a new ${council.serviceName} password`,
      body: [
        why === 'new-account'
          ? `An account has been made for you in the ${council.serviceName} back office.`
          : 'A new password link was asked for your account.',
        '',
        `Use this link within ${hours} hour${hours === 1 ? '' : 's'} to set your password. It works once:`,
        '',
        LINK_PLACEHOLDER,
        '',
        'If you did not expect this, tell your manager.',
      ].join('\n'),
      relatedType: why === 'new-account' ? 'password_link_new_account' : 'password_link_reset',
      relatedId: user.id,
    },
    now,
  );
}

/**
 * Emails its owner a new link to set a password (any earlier unused link stops working). The
 * administrator never sees the link.
 */
export async function issuePasswordReset(
  db: AppDatabase,
  actor: AccountsActor,
  userId: string,
  now: Date,
  ring: DataKeyring,
): Promise<{ email: string; displayName: string }> {
  const staffId = allowed(actor);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('staff_user')
      .select(['id', 'email', 'display_name', 'is_disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new AccountExists('There is no such account');
    if (user.is_disabled === 1) throw new AccountExists('This account is disabled. Enable it before sending a password link.');
    // Links already issued stop working now; the new one is made when the email is sent.
    await trx.deleteFrom('password_reset').where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await queuePasswordLink(trx, ring, user, 'reset', now);
    await recordAudit(trx, { staffId, action: 'sent password link', entityType: 'staff_user', entityId: user.id }, now);
    return { email: user.email, displayName: user.display_name };
  });
}

/**
 * The body of a password-link email, made as it is sent: a new single-use link (only its hash is
 * stored) in place of the placeholder. Null when the account is gone or disabled: then nothing is sent.
 */
export async function passwordLinkBody(
  db: AppDatabase,
  message: { relatedType: keyof typeof PASSWORD_LINK_MESSAGES; relatedId: string; body: string },
  siteUrl: URL,
  now: Date,
): Promise<string | null> {
  const user = await db.selectFrom('staff_user').select(['id', 'is_disabled']).where('id', '=', message.relatedId).executeTakeFirst();
  if (!user || user.is_disabled === 1) return null;
  const hours = PASSWORD_LINK_MESSAGES[message.relatedType];
  const token = await db.transaction().execute((trx) => insertReset(trx, user.id, null, hours, now));
  return message.body.replace(LINK_PLACEHOLDER, resetLink(siteUrl, token));
}

export async function setAccountDisabled(db: AppDatabase, actor: Actor, userId: string, disabled: boolean, now: Date): Promise<void> {
  authorise(actor, 'accounts:manage');
  if (userId === actor.id && disabled) throw new AccountExists('You cannot disable your own account');
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('staff_user')
      .set({ is_disabled: disabled ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AccountExists('There is no such account');
    if (disabled) {
      // A disabled account can do nothing: its sessions end and any password link stops working.
      await trx.deleteFrom('staff_session').where('user_id', '=', userId).execute();
      await trx.deleteFrom('password_reset').where('user_id', '=', userId).where('used_at', 'is', null).execute();
    }
    await recordAudit(
      trx,
      { staffId: actor.id, action: disabled ? 'disabled account' : 'enabled account', entityType: 'staff_user', entityId: userId },
      now,
    );
  });
}

export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Your password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > 256) return 'Your password must be 256 characters or fewer';
  if (password.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) return 'Your password must not contain your email address';
  if (/^(.)\1+$/.test(password) || /^(password|123456|qwerty)/i.test(password)) return 'Choose a password that is harder to guess';
  return null;
}

/** The account a reset link is for, if the link is still good. */
export async function accountForReset(db: AppDatabase, token: string, now: Date): Promise<{ userId: string; email: string } | null> {
  const row = await db
    .selectFrom('password_reset')
    .innerJoin('staff_user', 'staff_user.id', 'password_reset.user_id')
    .select(['password_reset.user_id', 'password_reset.expires_at', 'password_reset.used_at', 'staff_user.email', 'staff_user.is_disabled'])
    .where('password_reset.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now.toISOString() || row.is_disabled === 1) return null;
  return { userId: row.user_id, email: row.email };
}

export class ResetLinkInvalid extends UserProblem {
  override name = 'ResetLinkInvalid';
}

/** Sets the password from a reset link, uses the link up and ends every session of the account. */
export async function setPasswordWithLink(db: AppDatabase, token: string, password: string, now: Date): Promise<void> {
  const account = await accountForReset(db, token, now);
  if (!account) throw new ResetLinkInvalid('This link has expired or has already been used. Ask an administrator to send you a new one.');
  const problem = passwordProblem(password, account.email);
  if (problem) throw new ResetLinkInvalid(problem);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('password_reset').set({ used_at: now.toISOString() }).where('token_hash', '=', sha256Hex(token)).execute();
    await trx
      .updateTable('staff_user')
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where('id', '=', account.userId)
      .execute();
    await recordAudit(trx, { staffId: account.userId, action: 'set password', entityType: 'staff_user', entityId: account.userId }, now);
  });
  await endAllSessions(db, account.userId);
}
