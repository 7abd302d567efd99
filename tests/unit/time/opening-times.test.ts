import { expect, it } from 'vitest';
import { clockTime, dayRange, openingTimes } from '../../../src/domain/time/opening-times.ts';

it('reads opening times as people say them', () => {
  expect(clockTime('09:00')).toBe('9am');
  expect(clockTime('16:30')).toBe('4:30pm');
  expect(clockTime('12:00')).toBe('midday');
  expect(clockTime('00:15')).toBe('12:15am');
  expect(dayRange('MO,TU,WE,TH')).toBe('Monday to Thursday');
  expect(dayRange('FR')).toBe('Friday');
  expect(dayRange('WE,MO')).toBe('Monday and Wednesday');
  expect(dayRange('MO,WE,FR')).toBe('Monday, Wednesday and Friday');
  expect(openingTimes({ byday: 'MO,TU,WE,TH,FR', opensAt: '09:30', closesAt: '16:00' })).toBe('Monday to Friday, 9:30am to 4pm');
});
