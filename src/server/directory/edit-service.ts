// Staff editing a directory entry: checked input, permission, and an audit row with the change.
import { z } from 'zod';
import { servicePhoneNumber } from '../../domain/contact/phone.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { updateService } from './services.ts';
import { NotFound } from '../web/problems.ts';
import { cleanTextField } from '../../domain/text/clean-text-field.ts';

const optionalText = (label: string, maxLength: number) => cleanTextField({ label, maxLength }).transform((v) => (v === '' ? null : v));

export const serviceEditSchema = z.object({
  name: cleanTextField({ label: 'The name', maxLength: 150, required: 'Enter the name of the service' }),
  description: cleanTextField({ label: 'The description', multiline: true, maxLength: 1000, required: 'Enter what the service does' }),
  eligibility: cleanTextField({ label: 'Who it is for', maxLength: 500, required: 'Enter who the service is for' }),
  phone: optionalText('The phone number', 30).refine((v) => v === null || servicePhoneNumber(v) !== null, {
    error: 'Enter a UK phone number, like 01632 960 100, or a short number such as 111 or 116 123',
  }),
  email: optionalText('The email address', 200).refine((v) => v === null || z.email().safeParse(v).success, {
    error: 'Enter an email address in the correct format, like help@example.org',
  }),
  url: optionalText('The website address', 300).refine((v) => v === null || /^https:\/\/[^\s]+$/.test(v), {
    error: 'Enter a website address starting with https://',
  }),
  referralHow: cleanTextField({ label: 'How to get referred', maxLength: 500, required: 'Enter how people get referred' }),
  status: z.enum(['active', 'inactive'], { error: 'Choose whether the service is running' }),
  /** "yes" when the editor has checked every detail is still right. */
  checked: z.enum(['yes', '']).default(''),
});

/** As typed into the form: every field as text, checked by serviceEditSchema. */
export type ServiceEditInput = Partial<Record<keyof z.input<typeof serviceEditSchema>, string>>;

export class ServiceNotFound extends NotFound {
  override name = 'ServiceNotFound';
}

/** Saves the edit; throws ZodError with every problem, or ServiceNotFound. */
export async function editDirectoryService(db: AppDatabase, actor: Actor, id: string, input: ServiceEditInput, now: Date): Promise<void> {
  authorise(actor, 'directory:edit');
  const data = serviceEditSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const changed = await updateService(
      trx,
      id,
      {
        name: data.name,
        description: data.description,
        eligibility: data.eligibility,
        phone: data.phone,
        email: data.email,
        url: data.url,
        referralHow: data.referralHow,
        status: data.status,
        ...(data.checked === 'yes' && { checkedOn: localDate(now) }),
      },
      now,
    );
    if (!changed) throw new ServiceNotFound('There is no directory entry with that id');
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: data.checked === 'yes' ? 'edited and checked' : 'edited',
        entityType: 'directory_service',
        entityId: id,
      },
      now,
    );
  });
}
