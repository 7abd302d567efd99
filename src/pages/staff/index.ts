// The back office's front door: the queue for those who work cases, referrals for partner
// organisations, accounts for administrators, their homes for landlords, otherwise the directory.
import type { APIRoute } from 'astro';
import { can } from '../../domain/staff/permissions.ts';

export const prerender = false;

export const GET: APIRoute = ({ locals, redirect }) => {
  const actor = locals.staff!.actor;
  return redirect(
    can(actor, 'cases:read')
      ? '/staff/queue'
      : can(actor, 'referrals:answer')
        ? '/staff/referrals'
        : can(actor, 'accounts:manage')
          ? '/staff/admin/accounts'
          : can(actor, 'homes:own')
            ? '/staff/my-homes'
            : '/staff/directory',
    303,
  );
};
