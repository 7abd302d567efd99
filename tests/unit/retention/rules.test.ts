// When a closed case is deleted: the consent promises "N months after the case is closed", so the
// date is N calendar months on, on the last day of a shorter month, never spilling into the next.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionEnds } from '../../../src/domain/retention/rules.ts';

describe('retentionEnds', () => {
  it('keeps the day and time when the month has it', () => {
    expect(retentionEnds(new Date('2027-03-15T14:05:06.789Z'), 24)).toBe('2029-03-15T14:05:06.789Z');
  });

  it('stops at the end of a shorter month instead of running into the next', () => {
    expect(retentionEnds(new Date('2027-01-31T10:00:00.000Z'), 1)).toBe('2027-02-28T10:00:00.000Z');
    expect(retentionEnds(new Date('2027-08-31T23:30:00.000Z'), 6)).toBe('2028-02-29T23:30:00.000Z');
    expect(retentionEnds(new Date('2028-02-29T09:00:00.000Z'), 12)).toBe('2029-02-28T09:00:00.000Z');
    expect(retentionEnds(new Date('2027-05-31T09:00:00.000Z'), 1)).toBe('2027-06-30T09:00:00.000Z');
  });

  it('is always exactly that many calendar months on, never earlier than the closing', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        (closed, months) => {
          const ends = new Date(retentionEnds(closed, months));
          const monthsOn = (ends.getUTCFullYear() - closed.getUTCFullYear()) * 12 + ends.getUTCMonth() - closed.getUTCMonth();
          expect(monthsOn).toBe(months);
          expect(ends.getUTCDate()).toBeLessThanOrEqual(closed.getUTCDate());
          expect(ends.getTime()).toBeGreaterThanOrEqual(closed.getTime());
          expect(ends.toISOString().slice(10)).toBe(closed.toISOString().slice(10));
        },
      ),
    );
  });
});
