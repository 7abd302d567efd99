// The one inline style on every page: the council's brand colour from content/council.json.
// Its exact text is allowed by hash in the content security policy (security-headers.ts).
import { council } from './council.ts';

export function brandStyle(colour: string = council.brandColour): string {
  return `:root{--govuk-brand-colour:${colour}}`;
}
