import { expect, it } from 'vitest';
import { phoneDigits, servicePhoneNumber, splitPhones, spacedPhone, telHref, ukPhoneNumber } from '../../../src/domain/contact/phone.ts';

it('shows phone numbers in the groups they are spoken in, and keeps one already spaced', () => {
  expect(spacedPhone('01632960100')).toBe('01632 960 100');
  expect(spacedPhone('07700900123')).toBe('07700 900 123');
  expect(spacedPhone('+447700900123')).toBe('07700 900 123');
  expect(spacedPhone('02079460000')).toBe('020 7946 0000');
  expect(spacedPhone('01214960000')).toBe('0121 496 0000');
  expect(spacedPhone('01614960000')).toBe('0161 496 0000');
  expect(spacedPhone('08088004444')).toBe('0808 800 4444');
  expect(spacedPhone('03001234567')).toBe('0300 123 4567');
  expect(spacedPhone('0808 2000 247')).toBe('0808 2000 247');
  expect(spacedPhone('999')).toBe('999');
  expect(spacedPhone('  01632  960 100 ')).toBe('01632 960 100');
});

it('makes a tel: address of the digits', () => {
  expect(telHref('0808 2000 247')).toBe('tel:08082000247');
  expect(telHref('+44 7700 900123')).toBe('tel:+447700900123');
  expect(telHref('999')).toBe('tel:999');
});

it('finds the phone numbers in a sentence, and nothing else', () => {
  expect(splitPhones('If you cannot speak, call 999 then press 55 when asked.')).toEqual([
    { text: 'If you cannot speak, call ' },
    { phone: '999' },
    { text: ' then press 55 when asked.' },
  ]);
  expect(splitPhones('Call Shelter on 0808 800 4444 or us on 01632960100.')).toEqual([
    { text: 'Call Shelter on ' },
    { phone: '0808 800 4444' },
    { text: ' or us on ' },
    { phone: '01632960100' },
    { text: '.' },
  ]);
  expect(splitPhones('Rent of £9999 due on 01/12, reference 1234 5678')).toEqual([
    { text: 'Rent of £9999 due on 01/12, reference 1234 5678' },
  ]);
});

it('reads a UK number written any way people write one, and refuses what is not one', () => {
  for (const written of [
    '07700 900123',
    '07700900123',
    '+44 7700 900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '0044 (0) 7700-900-123',
    '(07700) 900.123',
  ]) {
    expect(ukPhoneNumber(written), written).toBe('07700900123');
  }
  expect(ukPhoneNumber('01632 960 100')).toBe('01632960100');
  // A few areas still have 10-digit numbers (Brampton, 016977).
  expect(ukPhoneNumber('016977 1234')).toBe('0169771234');
  for (const wrong of [
    '',
    '12345',
    '07700 900 1234 5678 9012',
    '00000000000000000000',
    '+1 212 555 0100',
    '0770090012a',
    '07700 900123 ext 4',
    '<script>',
  ]) {
    expect(ukPhoneNumber(wrong), wrong).toBeNull();
  }
});

it('matches numbers by the same digits the forms keep', () => {
  expect(phoneDigits('+44 (0)7700 900457')).toBe('07700900457');
  expect(phoneDigits('447700900457')).toBe('07700900457');
  expect(phoneDigits('01632 960 100')).toBe('01632960100');
});

it('takes a directory service’s number as a UK number or a short service number, and nothing longer or stranger', () => {
  expect(servicePhoneNumber('0808 2000 247')).toBe('08082000247');
  expect(servicePhoneNumber('01632 960 100')).toBe('01632960100');
  for (const short of ['999', '111', '101', '119']) expect(servicePhoneNumber(short)).toBe(short);
  expect(servicePhoneNumber('116 123')).toBe('116123');
  for (const wrong of ['00000000000000000000', '123 456 789 012 345 678 90', '12345', '116 12', '(((999)))', '+1 212 555 0100', '999999'])
    expect(servicePhoneNumber(wrong), wrong).toBeNull();
});
