import { expect, it } from 'vitest';
import { clockTime, dayRange, openNow, openingTimes } from '../../../src/domain/time/opening-times.ts';

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

it('says plainly whether a service is open now, and when it next opens (in England’s time)', () => {
  const weekdays = [{ byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' }];
  // Wednesday 2 December 2026 (GMT).
  expect(openNow(weekdays, new Date('2026-12-02T10:00:00Z'))).toEqual({ open: true, words: 'Open now, until 5pm' });
  expect(openNow(weekdays, new Date('2026-12-02T08:30:00Z'))).toEqual({ open: false, words: 'Closed now: opens 9am today' });
  expect(openNow(weekdays, new Date('2026-12-02T17:00:00Z'))).toEqual({ open: false, words: 'Closed now: opens 9am tomorrow' });
  // Saturday 5 December, 7:30pm: next open on Monday.
  expect(openNow(weekdays, new Date('2026-12-05T19:30:00Z'))).toEqual({ open: false, words: 'Closed now: opens 9am on Monday' });
  // Summer time: 8:30am UTC on 1 July is 9:30am in England.
  expect(openNow(weekdays, new Date('2026-07-01T08:30:00Z'))?.open).toBe(true);
  const always = [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '00:00', closesAt: '23:59' }];
  expect(openNow(always, new Date('2026-12-05T23:59:30Z'))).toEqual({ open: true, words: 'Open now, 24 hours' });
  expect(openingTimes(always[0]!)).toBe('Every day, 24 hours');
  expect(openNow([], new Date())).toBeNull();
});
