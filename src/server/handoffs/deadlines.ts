// When a hand-off must be acknowledged: the ordinary promise in working days, or, for an
// emergency, within office hours, counted only in the times the person said it is safe to call
// them. One place, used when a hand-off is made and when it is worked.
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { safeTimeWindows } from '../../domain/handoff/contact-details.ts';
import { addOfficeHours } from '../../domain/time/office-hours.ts';
import { addWorkingDays, localDate } from '../../domain/time/working-days.ts';

/** The ordinary promise: contact within so many working days (a date, YYYY-MM-DD). */
export function acknowledgeBy(receivedAt: Date, rules: ServiceRules): string {
  return addWorkingDays(localDate(receivedAt), rules.stageLimits.acknowledge, rules.bankHolidays);
}

export interface UrgentDeadline {
  /** When contact is due. */
  due: Date;
  /**
   * None of the person's safe times falls inside office hours, so no safe call can be promised:
   * `due` is then the plain office-hours limit, by which the team must decide how to reach them.
   */
  noSafeTimeInOfficeHours: boolean;
}

/**
 * The emergency promise: contact within so many office hours, counting only the times the person
 * said are safe (`safeTimes`, as SAFE_TIMES values; none given means any time is).
 */
export function urgentContactBy(receivedAt: Date, rules: ServiceRules, safeTimes: readonly string[] = []): UrgentDeadline {
  const limit = rules.emergencyContactWithinOfficeHours;
  const plain = () => addOfficeHours(receivedAt, limit, rules.openingHours, rules.bankHolidays);
  if (safeTimes.length === 0) return { due: plain(), noSafeTimeInOfficeHours: false };
  const safe = addOfficeHours(receivedAt, limit, rules.openingHours, rules.bankHolidays, safeTimeWindows(safeTimes));
  return safe ? { due: safe, noSafeTimeInOfficeHours: false } : { due: plain(), noSafeTimeInOfficeHours: true };
}
