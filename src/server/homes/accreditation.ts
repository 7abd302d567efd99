// The landlord accreditation scheme: anyone may apply through the public form; private sector
// officers accredit, suspend, reinstate or renew, with a reason; accreditation lapses by itself
// when it expires, and a renewal reminder goes out once, some days before. Every change is a row in
// the landlord's history and in the audit trail, in the same transaction as the change.
import { minutesToWait } from '../../domain/text/plural.ts';
import { z } from 'zod';
import { emailField, phoneField } from '../../domain/contact/contact-fields.ts';
import { cleanTextField } from '../../domain/text/clean-text-field.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import { council } from '../../config/council.ts';
import { accreditationScheme } from '../../config/homes.ts';
import type { AccreditationStatus } from '../../domain/homes/advert-standing.ts';
import type { FormError } from '../../domain/forms.ts';
import { clampPage, offsetOf, pageOf, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { addDays, addMonths, localDate, longDate } from '../../domain/time/working-days.ts';
import { recordAudit } from '../audit/audit.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { countOf } from '../db/sql.ts';
import { newId } from '../ids.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';
import { queueMessage } from '../notify/outbox.ts';
import { UserProblem } from '../web/problems.ts';

export class AccreditationProblem extends UserProblem {
  override name = 'AccreditationProblem';
}

const applicationSchema = z.object({
  kind: z.enum(['person', 'company'], { error: 'Choose whether you let homes as a person or as a company' }),
  name: cleanTextField({ label: 'The name', maxLength: 120, required: 'Enter your name, or your company’s name' }),
  contactName: cleanTextField({ label: 'The contact name', maxLength: 120, required: 'Enter the name of the person we should speak to' }),
  email: emailField('Enter an email address in the right format, like name@example.com'),
  phone: phoneField('Enter a UK phone number, like 01632 960 123'),
  address: cleanTextField({ label: 'The address', multiline: true, maxLength: 300 }).pipe(z.string().min(5, 'Enter your postal address')),
  areas: z
    .array(z.string())
    .min(1, 'Choose at least one area you let homes in')
    .refine((list) => list.every((a) => council.areas.includes(a)), 'Choose areas from the list'),
});

export type LandlordApplication = z.input<typeof applicationSchema>;

/** The field each problem belongs to, so the form can show it by the field. */
export function applicationErrors(input: LandlordApplication): FormError[] {
  const result = applicationSchema.safeParse(input);
  if (result.success) return [];
  const seen = new Set<string>();
  return result.error.issues
    .map((issue) => ({ field: String(issue.path[0] ?? 'name'), message: issue.message }))
    .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

/** A landlord applies to join the scheme (no account needed). Returns the application's reference. */
/**
 * Applications one network address may send: 5 an hour (one more every 12 minutes), shared by every
 * instance. Each one emails the council's team, so a burst would fill their inbox.
 */
export const APPLICATION_LIMIT = { size: 5, refillSeconds: 720 };

/** Where an application came from, for the per-address limit (the address is kept only as a keyed hash). */
export interface ApplicationSender {
  address: string;
  ring: DataKeyring;
}

export async function applyToJoin(
  db: AppDatabase,
  input: LandlordApplication,
  now: Date,
  sender: ApplicationSender,
): Promise<{ id: string }> {
  const parsed = applicationSchema.safeParse(input);
  if (!parsed.success) throw new AccreditationProblem(applicationErrors(input)[0]!.message);
  const application = parsed.data;
  const limit = new SharedBuckets(db, 'landlord-application', APPLICATION_LIMIT, sender.ring, () => now.getTime());
  if (!(await limit.consume(sender.address))) {
    const wait = minutesToWait(await limit.secondsUntilAllowed(sender.address));
    throw new AccreditationProblem(
      `Too many applications have been sent from your network in the last hour. Wait ${wait} and send it again: what you typed is still here`,
      'name',
      429,
    );
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('landlord')
      .values({
        id,
        kind: application.kind,
        name: application.name,
        contact_name: application.contactName,
        email: application.email,
        phone: application.phone,
        address: application.address,
        areas: JSON.stringify([...new Set(application.areas)]),
        accreditation_status: 'applied',
        membership_number: null,
        accredited_from: null,
        accreditation_expires_on: null,
        applied_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('landlord_accreditation_event')
      .values({
        id: newId(),
        landlord_id: id,
        at: now.toISOString(),
        staff_id: null,
        from_status: null,
        to_status: 'applied',
        expires_on: null,
        reason: 'Applied through the website',
      })
      .execute();
    // The team is told that one is waiting; the details stay in the service.
    await queueMessage(
      trx,
      sender.ring,
      {
        to: council.contacts.housingOptions.email,
        subject: `New application to join the ${accreditationScheme.name}`,
        body: `A landlord has applied to join the ${accreditationScheme.name}. Review it in the back office under Landlords.`,
        relatedType: 'landlord',
        relatedId: id,
      },
      now,
    );
  });
  return { id };
}

export type AccreditationAction = 'accredit' | 'suspend' | 'reinstate' | 'renew';

const ALLOWED: Record<AccreditationAction, AccreditationStatus[]> = {
  accredit: ['applied'],
  suspend: ['accredited'],
  reinstate: ['suspended'],
  renew: ['accredited', 'lapsed'],
};

const ACTION_WORDS: Record<AccreditationAction, string> = {
  accredit: 'accredited',
  suspend: 'suspended',
  reinstate: 'reinstated',
  renew: 'renewed',
};

/** An officer changes a landlord's accreditation, with a reason: the change, its history row and its audit row together. */
export async function changeAccreditation(
  db: AppDatabase,
  actor: Actor,
  landlordId: string,
  input: { action: string; reason: string },
  now: Date,
): Promise<AccreditationStatus> {
  authorise(actor, 'landlords:manage');
  const action = input.action as AccreditationAction;
  if (!Object.hasOwn(ALLOWED, action)) throw new AccreditationProblem('Choose what to do');
  const reason = cleanTextOrThrow(
    input.reason,
    'The reason',
    { multiline: true, maxLength: 1000 },
    (message) => new AccreditationProblem(message, 'reason'),
  );
  if (reason === '') throw new AccreditationProblem('Enter the reason: it goes in the landlord’s history', 'reason');
  return db.transaction().execute(async (trx) => {
    const landlord = await trx.selectFrom('landlord').selectAll().where('id', '=', landlordId).executeTakeFirst();
    if (!landlord) throw new AccreditationProblem('There is no such landlord');
    if (!ALLOWED[action].includes(landlord.accreditation_status))
      throw new AccreditationProblem(
        `A landlord whose accreditation is ${landlord.accreditation_status} cannot be ${ACTION_WORDS[action]}`,
      );
    const today = localDate(now);
    const to: AccreditationStatus = action === 'suspend' ? 'suspended' : 'accredited';
    const renewing = action === 'accredit' || action === 'renew';
    const expires = renewing ? addMonths(today, accreditationScheme.accreditationYears * 12) : landlord.accreditation_expires_on;
    const membership = landlord.membership_number ?? (action === 'accredit' ? await nextMembershipNumber(trx) : null);
    // Conditional on the status read, so two officers acting at once cannot both change it.
    const changed = await trx
      .updateTable('landlord')
      .set({
        accreditation_status: to,
        membership_number: membership,
        accredited_from: action === 'accredit' ? today : landlord.accredited_from,
        accreditation_expires_on: expires,
        updated_at: now.toISOString(),
      })
      .where('id', '=', landlordId)
      .where('accreditation_status', '=', landlord.accreditation_status)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new AccreditationProblem('Someone else has just changed this landlord’s accreditation: look again');
    await trx
      .insertInto('landlord_accreditation_event')
      .values({
        id: newId(),
        landlord_id: landlordId,
        at: now.toISOString(),
        staff_id: actor.id,
        from_status: landlord.accreditation_status,
        to_status: to,
        expires_on: expires,
        reason,
      })
      .execute();
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: `${ACTION_WORDS[action]} accreditation`,
        entityType: 'landlord',
        entityId: landlordId,
        detail: { expiresOn: expires },
      },
      now,
    );
    return to;
  });
}

async function nextMembershipNumber(trx: DbExecutor): Promise<string> {
  const prefix = `${accreditationScheme.membershipPrefix}-`;
  const rows = await trx.selectFrom('landlord').select('membership_number').where('membership_number', 'is not', null).execute();
  const highest = Math.max(0, ...rows.map((r) => Number(r.membership_number!.slice(prefix.length)) || 0));
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

/**
 * The `accreditation` job: accreditation past its expiry lapses (so the landlord's adverts leave
 * the listing, which checks the date anyway), and a renewal reminder goes once to each landlord
 * whose accreditation ends within the scheme's reminder days.
 */
export async function accreditationHousekeeping(
  db: AppDatabase,
  ring: DataKeyring,
  now: Date,
): Promise<{ lapsed: number; reminded: number }> {
  const today = localDate(now);
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('landlord')
      .select(['id', 'accreditation_expires_on'])
      .where('accreditation_status', '=', 'accredited')
      .where('accreditation_expires_on', '<', today)
      .execute();
    for (const landlord of expired) {
      await trx
        .updateTable('landlord')
        .set({ accreditation_status: 'lapsed', updated_at: now.toISOString() })
        .where('id', '=', landlord.id)
        .where('accreditation_status', '=', 'accredited')
        .execute();
      await trx
        .insertInto('landlord_accreditation_event')
        .values({
          id: newId(),
          landlord_id: landlord.id,
          at: now.toISOString(),
          staff_id: null,
          from_status: 'accredited',
          to_status: 'lapsed',
          expires_on: landlord.accreditation_expires_on,
          reason: 'Not renewed before it expired',
        })
        .execute();
    }
    const due = await trx
      .selectFrom('landlord')
      .select(['id', 'email', 'contact_name', 'accreditation_expires_on'])
      .where('accreditation_status', '=', 'accredited')
      .where('accreditation_expires_on', '>=', today)
      .where('accreditation_expires_on', '<=', addDays(today, accreditationScheme.reminderDaysBefore))
      .where((eb) => eb.or([eb('renewal_reminded_for', 'is', null), eb('renewal_reminded_for', '<>', eb.ref('accreditation_expires_on'))]))
      .execute();
    for (const landlord of due) {
      await queueMessage(
        trx,
        ring,
        {
          to: landlord.email,
          subject: `Your ${accreditationScheme.name} membership ends on ${longDate(landlord.accreditation_expires_on!)}`,
          body: `Dear ${landlord.contact_name},\n\nYour membership of the ${accreditationScheme.name} ends on ${longDate(landlord.accreditation_expires_on!)}. Your homes are advertised only while it is current. To renew, contact the ${council.contacts.housingOptions.name} on ${council.contacts.housingOptions.phone} or ${council.contacts.housingOptions.email}.\n\n${council.name}`,
          relatedType: 'landlord',
          relatedId: landlord.id,
        },
        now,
      );
      await trx
        .updateTable('landlord')
        .set({ renewal_reminded_for: landlord.accreditation_expires_on })
        .where('id', '=', landlord.id)
        .execute();
    }
    return { lapsed: expired.length, reminded: due.length };
  });
}

/** Members now, and those who joined this calendar year, against the scheme's target (for the managers' reports). */
export async function membershipCounts(db: DbExecutor, today: string) {
  const current = await countOf(
    db.selectFrom('landlord').where('accreditation_status', '=', 'accredited').where('accreditation_expires_on', '>=', today),
  );
  const joinedThisYear = await countOf(
    db
      .selectFrom('landlord')
      .where('accredited_from', '>=', `${today.slice(0, 4)}-01-01`)
      .where('accredited_from', '<=', today),
  );
  return { current, joinedThisYear, target: accreditationScheme.targetNewMembers, membersAtStart: accreditationScheme.membersAtStart };
}

export interface LandlordRow {
  id: string;
  name: string;
  kind: 'person' | 'company';
  status: AccreditationStatus;
  membershipNumber: string | null;
  expiresOn: string | null;
  appliedAt: string;
}

/** Landlords for officers, applications first, then by name; paged in SQL. */
export async function listLandlords(db: AppDatabase, actor: Actor, status: string, asked: PageRequest): Promise<Page<LandlordRow>> {
  authorise(actor, 'landlords:manage');
  let query = db.selectFrom('landlord');
  if (['applied', 'accredited', 'suspended', 'lapsed'].includes(status))
    query = query.where('accreditation_status', '=', status as AccreditationStatus);
  const total = await countOf(query);
  const request = clampPage(asked, total);
  const rows = await query
    .select(['id', 'name', 'kind', 'accreditation_status', 'membership_number', 'accreditation_expires_on', 'applied_at'])
    .orderBy((eb) => eb.case().when('accreditation_status', '=', 'applied').then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .limit(request.pageSize)
    .offset(offsetOf(request))
    .execute();
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.accreditation_status,
      membershipNumber: r.membership_number,
      expiresOn: r.accreditation_expires_on,
      appliedAt: r.applied_at,
    })),
    total,
    request,
  );
}

/** One landlord with its history, for an officer. */
export async function landlordRecord(db: AppDatabase, actor: Actor, landlordId: string) {
  authorise(actor, 'landlords:manage');
  const landlord = await db.selectFrom('landlord').selectAll().where('id', '=', landlordId).executeTakeFirst();
  if (!landlord) return null;
  const history = await db
    .selectFrom('landlord_accreditation_event')
    .leftJoin('staff_user', 'staff_user.id', 'landlord_accreditation_event.staff_id')
    .select([
      'landlord_accreditation_event.at',
      'landlord_accreditation_event.from_status',
      'landlord_accreditation_event.to_status',
      'landlord_accreditation_event.reason',
      'landlord_accreditation_event.expires_on',
      'staff_user.display_name',
    ])
    .where('landlord_accreditation_event.landlord_id', '=', landlordId)
    .orderBy('landlord_accreditation_event.at', 'desc')
    .orderBy('landlord_accreditation_event.id', 'desc')
    .execute();
  return { landlord: { ...landlord, areas: JSON.parse(landlord.areas) as string[] }, history };
}
