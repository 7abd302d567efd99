// Telling a partner organisation that a referral is waiting. The email says only that there is
// one, whether it is an emergency (and by when the person was promised contact in the partner's
// name), and where to sign in: no name, no reference, nothing about the person.
import type { DataKeyring } from '../../config/data-keys.ts';
import { council } from '../../config/council.ts';
import { describeContactBy } from '../../domain/time/office-hours.ts';
import { queueMessage } from '../notify/outbox.ts';
import type { DbExecutor } from '../db/executor.ts';

export interface ReferralUrgency {
  /** When the person was told the partner would try to contact them, or null when no promise was made in its name. */
  promisedBy: Date | null;
}

export async function queueReferralNotice(
  trx: DbExecutor,
  ring: DataKeyring,
  referral: { id: string; serviceId: string; emergency?: ReferralUrgency },
  now: Date,
): Promise<void> {
  const service = await trx
    .selectFrom('directory_service')
    .innerJoin('directory_organization', 'directory_organization.id', 'directory_service.organization_id')
    .select([
      'directory_service.name as service_name',
      'directory_service.email as service_email',
      'directory_organization.id as organization_id',
    ])
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
  const { emergency } = referral;
  const promise = emergency?.promisedBy ? describeContactBy(now, emergency.promisedBy).by : null;
  const body = (hasAccount: boolean) =>
    [
      `${council.name} has sent a new ${emergency ? 'emergency ' : ''}referral to your service "${service.service_name}".`,
      ...(emergency
        ? [
            '',
            promise
              ? `This is an emergency. The person was told that your service would try to contact them by ${promise}. Please look at it now.`
              : 'This is an emergency: the person may be in danger or have nowhere safe to stay. Please look at it now.',
          ]
        : []),
      '',
      hasAccount
        ? `Sign in to the ${council.serviceName} back office and open "Referrals to you" to see it, and to accept or decline it.`
        : `Your organisation has no account in the ${council.serviceName} back office yet. Ask the ${council.contacts.housingOptions.name} (${council.contacts.housingOptions.phone}) for one, or they will contact you.`,
      '',
      'For the person’s safety this email says nothing about them.',
    ].join('\n');
  const recipients =
    partners.length > 0
      ? partners.map((p) => ({ to: p.email, hasAccount: true }))
      : service.service_email
        ? [{ to: service.service_email, hasAccount: false }]
        : [];
  for (const { to, hasAccount } of recipients) {
    const subject = emergency
      ? `URGENT: emergency referral from ${council.name}${promise ? `, contact by ${promise}` : ''}`
      : `New referral from ${council.name}`;
    await queueMessage(trx, ring, { to, subject, body: body(hasAccount), relatedType: 'referral', relatedId: referral.id }, now);
  }
}
