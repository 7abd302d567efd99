// Signing out ends the session on the server, then forgets the cookie.
import type { APIRoute } from 'astro';
import { recordAudit } from '../../server/audit/audit.ts';
import { appDatabase } from '../../server/startup.ts';
import { endSession } from '../../server/staff/sessions.ts';
import { clearStaffCookie } from '../../server/staff/web.ts';

export const prerender = false;

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.staff) {
    const db = await appDatabase();
    await endSession(db, locals.staff.session.id);
    await recordAudit(
      db,
      { staffId: locals.staff.actor.id, action: 'signed out', entityType: 'session', entityId: locals.staff.session.id },
      new Date(),
    );
  }
  clearStaffCookie(cookies);
  return redirect('/staff/sign-in?signed-out=1', 303);
};
