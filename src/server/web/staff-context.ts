// What every back-office page starts with, done once: who is signed in (checked for the page's
// permission), the database, the clock, and the council's rules. Use cases take it as it is.
import { serviceRules } from '../../config/service-rules.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { authorise, NotAllowed, type Actor, type Permission } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { appDatabase } from '../startup.ts';

export interface StaffContext {
  db: AppDatabase;
  actor: Actor;
  now: Date;
  rules: ServiceRules;
}

/** The page's context; throws NotAllowed when nobody is signed in or they lack `permission`. */
export async function staffContext(locals: App.Locals, permission?: Permission): Promise<StaffContext> {
  const actor = locals.staff?.actor;
  if (!actor) throw new NotAllowed('record');
  if (permission) authorise(actor, permission);
  return { db: await appDatabase(), actor, now: new Date(), rules: serviceRules };
}
