// When a hand-off must be acknowledged: the ordinary promise in working days, or, for an
// emergency, within office hours. One place, used when a hand-off is made and when it is worked.
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { addOfficeHours } from '../../domain/time/office-hours.ts';
import { addWorkingDays, localDate } from '../../domain/time/working-days.ts';

/** The ordinary promise: contact within so many working days (a date, YYYY-MM-DD). */
export function acknowledgeBy(receivedAt: Date, rules: ServiceRules): string {
  return addWorkingDays(localDate(receivedAt), rules.stageLimits.acknowledge, rules.bankHolidays);
}

/** The emergency promise: contact within so many office hours (an instant). */
export function urgentContactBy(receivedAt: Date, rules: ServiceRules): Date {
  return addOfficeHours(receivedAt, rules.emergencyContactWithinOfficeHours, rules.openingHours, rules.bankHolidays);
}
