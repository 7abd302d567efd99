// Exactly what a person agrees to when they ask to be contacted, stored word for word with the
// hand-off: what is shared, with whom, and for how long.
import { countOf } from '../text/plural.ts';

export interface ConsentParties {
  councilName: string;
  /** The council team that picks the hand-off up. */
  teamName: string;
  retentionMonths: number;
}

/** The service a person is handed to, as the consent names it. */
export interface ConsentService {
  name: string;
  /** Set when a partner agency, not the council, picks it up. */
  partnerServiceId?: string | null;
}

export function consentStatement(service: ConsentService, parties: ConsentParties): string {
  const withWhom = service.partnerServiceId ? `${service.name}, and with the council's ${parties.teamName}` : `the ${service.name}`;
  return [
    `I agree that ${parties.councilName} can share my answers to the self-assessment, my contact details and how to contact me safely with ${withWhom}.`,
    `They will use them to contact me and to help me, and may refer me to other services with my agreement.`,
    `My details will be kept for ${countOf(parties.retentionMonths, 'month')} after my case is closed, then deleted.`,
  ].join(' ');
}
