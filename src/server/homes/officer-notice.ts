// Telling the private sector officers that something from a landlord waits for them (a home, a
// changed advert, a certificate): an email to each active officer account, about the home only.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { DbExecutor } from '../db/executor.ts';
import { queueMessage } from '../notify/outbox.ts';

export async function tellOfficers(
  trx: DbExecutor,
  ring: DataKeyring,
  subject: string,
  lines: string[],
  related: { type: string; id: string },
  now: Date,
): Promise<void> {
  const officers = await trx
    .selectFrom('staff_user')
    .select('email')
    .where('role', '=', 'private_sector_officer')
    .where('is_disabled', '=', 0)
    .execute();
  for (const officer of officers) {
    await queueMessage(
      trx,
      ring,
      { to: officer.email, subject, body: lines.join('\n'), relatedType: related.type, relatedId: related.id },
      now,
    );
  }
}
