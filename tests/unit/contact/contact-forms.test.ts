// Every form that takes a phone number or an email address reads it by the same rules as the
// queue search: a number typed "+44 (0)7700 900123" or "0044 7700 900123" is the same number.
import { expect, it } from 'vitest';
import { checkContactDetails } from '../../../src/domain/handoff/contact-details.ts';
import { phoneDigits } from '../../../src/domain/contact/phone.ts';
import { applicationErrors } from '../../../src/server/homes/accreditation.ts';
import { checkInterest } from '../../../src/server/homes/interest.ts';

const LANGUAGES = new Set(['en', 'pl']);
const WRITTEN = ['07700 900123', '+44 7700 900123', '+44 (0)7700 900123', '0044 7700 900123', '(07700) 900-123'];

it('the contact form takes a UK number however it is written, as the queue search does', () => {
  for (const phone of WRITTEN) {
    const checked = checkContactDetails({ name: 'Jo', phone, email: '', preferred: 'phone', language: 'en', interpreter: 'no' }, LANGUAGES);
    expect(checked, phone).toEqual({
      ok: true,
      value: { name: 'Jo', phone: '07700900123', email: '', preferred: 'phone', language: 'en', interpreter: false },
    });
    expect(phoneDigits(phone)).toBe('07700900123');
  }
  expect(
    checkContactDetails({ name: 'Jo', phone: '+1 212 555 0100', preferred: 'phone', language: 'en', interpreter: 'no' }, LANGUAGES),
  ).toMatchObject({
    ok: false,
    errors: [{ field: 'phone' }],
  });
});

it('expressing interest takes the same numbers, and the email without case or spaces', () => {
  const base = {
    name: 'Kai',
    email: ' Kai@Example.COM ',
    preferred: 'phone',
    voicemail: 'no',
    safeTimes: '',
    householdSize: '1',
    stepFree: 'no',
    reference: '',
    consent: 'yes',
  };
  for (const phone of WRITTEN) {
    const { errors, cleaned } = checkInterest({ ...base, phone });
    expect(errors, phone).toEqual([]);
    expect(cleaned).toMatchObject({ phone: '07700900123', email: 'kai@example.com' });
  }
});

it('the landlord’s application takes the same numbers and addresses, and refuses what the others refuse', () => {
  const base = {
    kind: 'person' as const,
    name: 'Pat Landlord',
    contactName: 'Pat Landlord',
    email: 'pat@example.com',
    address: '1 High Street, Harrowmere',
    areas: [] as string[],
  };
  const phoneErrors = (phone: string, email = 'pat@example.com') =>
    applicationErrors({ ...base, phone, email }).filter((e) => e.field === 'phone' || e.field === 'email');
  for (const phone of WRITTEN) expect(phoneErrors(phone), phone).toEqual([]);
  expect(phoneErrors('0770090012a').map((e) => e.field)).toEqual(['phone']);
  expect(phoneErrors('+1 212 555 0100').map((e) => e.field)).toEqual(['phone']);
  expect(phoneErrors('07700 900123', '<b>pat</b>@example.com').map((e) => e.field)).toEqual(['email']);
  expect(phoneErrors('07700 900123', ' Pat@Example.com ')).toEqual([]);
});
