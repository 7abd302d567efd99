// Signing out ends the session on the server, then forgets the cookie.
import type { APIRoute } from 'astro';
import { recordAudit } from '../../server/audit/audit.ts';
import { requestContext } from '../../server/web/request-context.ts';
import { endSession } from '../../server/staff/sessions.ts';
import { clearStaffCookie } from '../../server/staff/web.ts';

export const prerender = false;

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.staff) {
    const { db, now } = requestContext(locals);
    await endSession(db, locals.staff.session.id);
    await recordAudit(
      db,
      { staffId: locals.staff.actor.id, action: 'signed out', entityType: 'session', entityId: locals.staff.session.id },
      now,
    );
  }
  clearStaffCookie(cookies);
  return redirect('/staff/sign-in?signed-out=1', 303);
};
