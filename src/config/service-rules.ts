// The council's rules (src/domain/council/service-rules.ts) from its content: the profile
// (content/council.json) and the bank holidays. Pages and jobs pass these into use cases.
import type { ServiceRules } from '../domain/council/service-rules.ts';
import type { ConsentParties } from '../domain/handoff/consent.ts';
import type { HandoffService } from './self-assessment.ts';
import { bankHolidays } from './calendar.ts';
import { council } from './council.ts';

export const serviceRules: ServiceRules = {
  teamIds: council.teams.map((t) => t.id),
  stageLimits: {
    acknowledge: council.handoff.acknowledgeWithinWorkingDays,
    appointment: council.handoff.appointmentWithinWorkingDays,
    information: council.handoff.informationWithinWorkingDays,
  },
  emergencyContactWithinOfficeHours: council.handoff.emergencyContactWithinOfficeHours,
  openingHours: council.openingHours,
  bankHolidays,
  retentionMonths: council.handoff.retentionMonths,
  followUpMonths: council.followUpMonths,
};

/** Who a hand-off's consent names: the council, the team that picks it up, and how long details are kept. */
export function consentParties(service: HandoffService): ConsentParties {
  return {
    councilName: council.name,
    teamName: council.teams.find((t) => t.id === service.teamId)?.name ?? 'Housing Options team',
    retentionMonths: serviceRules.retentionMonths,
  };
}
