import { expect, it } from 'vitest';
import { countOf } from '../../../src/domain/text/plural.ts';

it('says "1 week", never "1 weeks"', () => {
  expect(countOf(1, 'week')).toBe('1 week');
  expect(countOf(0, 'week')).toBe('0 weeks');
  expect(countOf(13, 'week')).toBe('13 weeks');
  expect(countOf(1, 'person', 'people')).toBe('1 person');
  expect(countOf(1200, 'person', 'people')).toBe('1,200 people');
});
