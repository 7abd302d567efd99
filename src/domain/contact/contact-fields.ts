// The phone and email fields of a form validated with zod (the landlord's application), on the
// same rules as every other form: src/domain/contact/phone.ts and email.ts.
import { z } from 'zod';
import { normaliseEmail, isEmailAddress } from './email.ts';
import { spacedPhone, ukPhoneNumber } from './phone.ts';

/** A UK phone number however it is typed, kept in the groups it is spoken in ("01632 960 123"). */
export function phoneField(message: string) {
  return z.string().transform((typed, context) => {
    const digits = ukPhoneNumber(typed);
    if (digits === null) {
      context.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return spacedPhone(digits);
  });
}

/** An email address, kept without case or surrounding spaces. */
export function emailField(message: string) {
  return z.string().transform(normaliseEmail).refine(isEmailAddress, { message });
}
