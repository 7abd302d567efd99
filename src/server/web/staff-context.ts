// What every back-office page starts with, done once: who is signed in (checked for the page's
// permission), and the request's context the middleware handed it (database, clock, settings,
// keys, the council's rules). Use cases take it as it is.
import { authorise, NotAllowed, type Actor, type Permission } from '../../domain/staff/permissions.ts';
import { requestContext, type RequestContext } from './request-context.ts';

export interface StaffContext extends RequestContext {
  actor: Actor;
}

/** The page's context; throws NotAllowed when nobody is signed in or they lack `permission`. */
export function staffContext(locals: App.Locals, permission?: Permission): StaffContext {
  const actor = locals.staff?.actor;
  if (!actor) throw new NotAllowed('record');
  if (permission) authorise(actor, permission);
  return { ...requestContext(locals), actor };
}
