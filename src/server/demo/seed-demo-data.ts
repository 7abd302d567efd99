// Fills a database with the fictional demo council's data: every area built so far (staff,
// directory, hand-offs, landlords and homes to rent).
// Safe to run more than once: records that already exist are left alone.
import { DEMO_HISTORY, seedHistory } from './seed-demo-history.ts';
import { z } from 'zod';
import staffJson from '../../../content/demo/staff.json' with { type: 'json' };
import { council } from '../../config/council.ts';
import { LANDLORD_TEAM, PARTNER_TEAM, ROLES } from '../../domain/staff/permissions.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { demoDirectory, taxonomy } from '../../config/directory.ts';
import { seedDirectory } from '../directory/seed-directory.ts';
import { seedDemoHandoffs } from './seed-demo-handoffs.ts';
import { seedDemoHomes } from './seed-demo-homes.ts';
import { seedDemoPackRequests } from './seed-demo-pack-requests.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { isoNow, newId } from '../ids.ts';
import { hashPassword } from '../staff/password-hash.ts';

const demoStaffSchema = z.object({
  accounts: z.array(
    z
      .object({
        email: z.email().transform((e) => e.toLowerCase()),
        displayName: z.string().min(1),
        role: z.enum(ROLES),
        teamId: z.string().refine((id) => id === PARTNER_TEAM || id === LANDLORD_TEAM || council.teams.some((t) => t.id === id), {
          error: `must be one of the team ids in content/council.json, "${PARTNER_TEAM}" for a partner or "${LANDLORD_TEAM}" for a landlord`,
        }),
        /** A partner's directory organisation (content/directory/services.json). */
        organizationId: z.string().optional(),
        /** A landlord account's landlord, by its email in content/demo/homes.json. */
        landlordEmail: z.email().optional(),
        password: z.string().min(12),
      })
      .refine((a) => (a.role === 'partner') === (a.organizationId !== undefined && a.teamId === PARTNER_TEAM), {
        error: `a partner has an organizationId and the team "${PARTNER_TEAM}"; nobody else has either`,
      })
      .refine((a) => (a.role === 'landlord') === (a.landlordEmail !== undefined && a.teamId === LANDLORD_TEAM), {
        error: `a landlord account has a landlordEmail and the team "${LANDLORD_TEAM}"; nobody else has either`,
      }),
  ),
});

export const demoStaff = demoStaffSchema.parse(staffJson).accounts;

export interface SeedReport {
  staffAdded: number;
  staffAlreadyThere: number;
  directoryServicesAdded: number;
  handoffsAdded: number;
  advertsAdded: number;
  /** Closed cases of the fictional year behind the managers' reports. */
  historyCasesAdded: number;
  /** Requests for information packs by post in the print queue. */
  packRequestsAdded: number;
}

export async function seedDemoData(
  db: AppDatabase,
  rules: ServiceRules,
  ring: DataKeyring,
  clock: () => Date = () => new Date(),
): Promise<SeedReport> {
  const report: SeedReport = {
    staffAdded: 0,
    staffAlreadyThere: 0,
    directoryServicesAdded: 0,
    handoffsAdded: 0,
    advertsAdded: 0,
    historyCasesAdded: 0,
    packRequestsAdded: 0,
  };
  // The directory first: partner accounts belong to its organisations.
  report.directoryServicesAdded = (await seedDirectory(db, demoDirectory, taxonomy, clock())).servicesAdded;
  // Then the landlords: a landlord account belongs to one.
  report.advertsAdded = await seedDemoHomes(db, clock());
  for (const account of demoStaff) {
    const existing = await db.selectFrom('staff_user').select('id').where('email', '=', account.email).executeTakeFirst();
    if (existing) {
      report.staffAlreadyThere += 1;
      continue;
    }
    const now = isoNow(clock);
    const landlord = account.landlordEmail
      ? await db.selectFrom('landlord').select('id').where('email', '=', account.landlordEmail).executeTakeFirst()
      : undefined;
    if (account.landlordEmail && !landlord)
      throw new Error(`content/demo/staff.json: no demo landlord with the email ${account.landlordEmail}`);
    await db
      .insertInto('staff_user')
      .values({
        id: newId(),
        email: account.email,
        display_name: account.displayName,
        role: account.role,
        team_id: account.teamId,
        organization_id: account.organizationId ?? null,
        landlord_id: landlord?.id ?? null,
        password_hash: await hashPassword(account.password),
        is_disabled: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    report.staffAdded += 1;
  }
  report.handoffsAdded = await seedDemoHandoffs(db, clock(), rules, ring);
  // A year behind the reports, only alongside the first demo hand-offs (never twice).
  if (report.handoffsAdded > 0) report.historyCasesAdded = (await seedHistory(db, rules, ring, { ...DEMO_HISTORY, now: clock() })).cases;
  // After the history: their counts add to its daily ones.
  const adviser = await db
    .selectFrom('staff_user')
    .select(['id', 'role', 'team_id', 'display_name'])
    .where('role', '=', 'adviser')
    .orderBy('email')
    .executeTakeFirst();
  if (adviser)
    report.packRequestsAdded = await seedDemoPackRequests(db, clock(), ring, {
      id: adviser.id,
      role: adviser.role,
      teamId: adviser.team_id,
      displayName: adviser.display_name,
    });
  return report;
}

/** True when nothing has been stored yet: the start-up seeding only fills an empty database. */
export async function isEmptyDatabase(db: AppDatabase): Promise<boolean> {
  const row = await db
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}
