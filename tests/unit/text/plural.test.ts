import { expect, it } from 'vitest';
import { countOf, minutesToWait } from '../../../src/domain/text/plural.ts';

it('says "1 week", never "1 weeks"', () => {
  expect(countOf(1, 'week')).toBe('1 week');
  expect(countOf(0, 'week')).toBe('0 weeks');
  expect(countOf(13, 'week')).toBe('13 weeks');
  expect(countOf(1, 'person', 'people')).toBe('1 person');
  expect(countOf(1200, 'person', 'people')).toBe('1,200 people');
});

it('says how long to wait in whole minutes, rounded up and never less than one', () => {
  expect(minutesToWait(0)).toBe('1 minute');
  expect(minutesToWait(1)).toBe('1 minute');
  expect(minutesToWait(60)).toBe('1 minute');
  expect(minutesToWait(61)).toBe('2 minutes');
  expect(minutesToWait(720)).toBe('12 minutes');
});
