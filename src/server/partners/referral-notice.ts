// Telling a partner organisation that a referral is waiting. The email says only that there is
// one and where to sign in: no name, no reference, nothing about the person.
import { council } from '../../config/council.ts';
import { queueMessage } from '../notify/outbox.ts';
import type { DbExecutor } from '../db/executor.ts';

export async function queueReferralNotice(trx: DbExecutor, referral: { id: string; serviceId: string }, now: Date): Promise<void> {
  const service = await trx
    .selectFrom('directory_service')
    .innerJoin('directory_organization', 'directory_organization.id', 'directory_service.organization_id')
    .select(['directory_service.name as service_name', 'directory_service.email as service_email', 'directory_organization.id as organization_id'])
    .where('directory_service.id', '=', referral.serviceId)
    .executeTakeFirst();
  if (!service) return;
  const partners = await trx
    .selectFrom('staff_user')
    .select('email')
    .where('organization_id', '=', service.organization_id)
    .where('role', '=', 'partner')
    .where('is_disabled', '=', 0)
    .execute();
  const body = (hasAccount: boolean) =>
    [
      `${council.name} has sent a new referral to your service "${service.service_name}".`,
      '',
      hasAccount
        ? `Sign in to the ${council.serviceName} back office and open "Referrals to you" to see it, and to accept or decline it.`
        : `Your organisation has no account in the ${council.serviceName} back office yet. Ask the ${council.contacts.housingOptions.name} (${council.contacts.housingOptions.phone}) for one, or they will contact you.`,
      '',
      'For the person’s safety this email says nothing about them.',
    ].join('\n');
  const recipients = partners.length > 0 ? partners.map((p) => ({ to: p.email, hasAccount: true })) : service.service_email ? [{ to: service.service_email, hasAccount: false }] : [];
  for (const { to, hasAccount } of recipients) {
    await queueMessage(trx, { to, subject: `New referral from ${council.name}`, body: body(hasAccount), relatedType: 'referral', relatedId: referral.id }, now);
  }
}
