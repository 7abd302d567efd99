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

/** The statement's sentences in a language: {council}, {service}, {team} and {months} are filled in. */
export interface ConsentWords {
  agree: string;
  agreePartner: string;
  use: string;
  kept: string;
  months: (count: number) => string;
}

export const ENGLISH_CONSENT_WORDS: ConsentWords = {
  agree:
    'I agree that {council} can share my answers to the self-assessment, my contact details and how to contact me safely with the {service}.',
  agreePartner:
    "I agree that {council} can share my answers to the self-assessment, my contact details and how to contact me safely with {service}, and with the council's {team}.",
  use: 'They will use them to contact me and to help me, and may refer me to other services with my agreement.',
  kept: 'My details will be kept for {months} after my case is closed, then deleted.',
  months: (count) => countOf(count, 'month'),
};

/** The statement in the language the person reads it in (`words`), with the service's name in that language too. */
export function consentStatement(service: ConsentService, parties: ConsentParties, words: ConsentWords = ENGLISH_CONSENT_WORDS): string {
  const fill = (text: string) =>
    text
      .replace('{council}', parties.councilName)
      .replace('{service}', service.name)
      .replace('{team}', parties.teamName)
      .replace('{months}', words.months(parties.retentionMonths));
  return [fill(service.partnerServiceId ? words.agreePartner : words.agree), fill(words.use), fill(words.kept)].join(' ');
}
